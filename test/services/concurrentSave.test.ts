/**
 * Two processes saving the same draft never fail each other: a save's clean-up removes only temp files that are
 * provably stale (their process gone, or a day old), never another live process's in-flight temp.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_TAG, isStaleTemp, isTempName, parseTempName, removeStaleTemps, tempPathFor } from '../../electron/main/services/atomicWrite.js';
import { readDraftFile, saveDraftFile } from '../../electron/main/services/draftFiles.js';
import { sampleText } from './sampleDraft.js';

let dir: string;
let child: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-concurrent-'));
  child = join(dir, 'saveOnce.cjs');
  await build({ entryPoints: [join(import.meta.dirname, 'support', 'saveOnce.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: child, logLevel: 'error' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pid that certainly ran on this machine and has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('two processes saving the same draft', () => {
  it('another process saving while our temp file is written does not fail our save', async () => {
    const target = join(dir, '同一份报告.gkbg');
    const theirs = join(dir, 'theirs.json');
    await writeFile(theirs, sampleText(2023));
    expect((await saveDraftFile(target, sampleText(2022))).ok).toBe(true);
    let childResult = '';
    // our save pauses with its temp file on disk; meanwhile the other process saves the same draft from start to end
    const ours = await saveDraftFile(target, sampleText(2024), {
      beforeRename: (temp) => {
        expect(isTempName(temp.slice(dir.length + 1))).toBe(true);
        const r = spawnSync(process.execPath, [child, target, theirs], { encoding: 'utf8' });
        childResult = r.stdout;
      },
    });
    expect(JSON.parse(childResult)).toEqual({ ok: true, path: target });
    expect(ours).toEqual({ ok: true, path: target });
    const back = await readDraftFile(target);
    expect(back.ok && back.draft.year).toBe(2024);
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  it('many saves from two processes at once: every one succeeds and the draft always reads back', async () => {
    const target = join(dir, '并发.gkbg');
    const theirs = join(dir, 'theirs2.json');
    await writeFile(theirs, sampleText(2023));
    const runChild = () =>
      new Promise<string>((resolve) => {
        const p = spawn(process.execPath, [child, target, theirs]);
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('close', () => resolve(out));
      });
    const childRuns = Promise.all(Array.from({ length: 8 }, runChild));
    const mine = [];
    for (let i = 0; i < 40; i++) mine.push(await saveDraftFile(target, sampleText(2010 + (i % 10))));
    const theirResults = (await childRuns).map((t) => JSON.parse(t) as unknown);
    expect(mine.filter((r) => !r.ok)).toEqual([]);
    expect(theirResults.filter((r) => !(r as { ok: boolean }).ok)).toEqual([]);
    expect((await readDraftFile(target)).ok).toBe(true);
  }, 60_000);
});

describe('which temp files are stale', () => {
  it('only temps of a finished process on this machine, or a day old, are removed', async () => {
    const target = join(dir, '清理.gkbg');
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const names = {
        dead: `.清理.gkbg.${HOST_TAG}-${deadPid()}.0123abcd.tmp`,
        deadBak: `.清理.gkbg.bak.${HOST_TAG}-${deadPid()}.89abcdef.tmp`,
        liveOther: `.清理.gkbg.${HOST_TAG}-${live.pid}.0123abcd.tmp`,
        mine: `.清理.gkbg.${HOST_TAG}-${process.pid}.00000000.tmp`,
        otherMachine: '.清理.gkbg.ffffff-1.0123abcd.tmp',
        oldOtherMachine: '.清理.gkbg.fffffe-1.0123abcd.tmp',
        oldFormat: '.清理.gkbg.99999.0123abcd.tmp',
        otherDraft: `.其他.gkbg.${HOST_TAG}-${deadPid()}.0123abcd.tmp`,
      };
      for (const n of Object.values(names)) await writeFile(join(dir, n), 'x');
      const twoDaysAgo = new Date(Date.now() - 48 * 3600 * 1000);
      await utimes(join(dir, names.oldOtherMachine), twoDaysAgo, twoDaysAgo);
      const removed = (await removeStaleTemps(target)).sort();
      expect(removed).toEqual([names.dead, names.deadBak, names.oldOtherMachine].sort());
      const left = await readdir(dir);
      for (const n of [names.liveOther, names.mine, names.otherMachine, names.oldFormat, names.otherDraft]) expect(left).toContain(n);
    } finally {
      live.kill();
    }
  });

  it('temp names carry the machine, the process and a random part', () => {
    const a = tempPathFor(join(dir, 'x.gkbg'));
    const b = tempPathFor(join(dir, 'x.gkbg'));
    expect(a).not.toBe(b);
    expect(parseTempName(a.slice(dir.length + 1))).toEqual({ target: 'x.gkbg', host: HOST_TAG, pid: process.pid });
    expect(isStaleTemp(a.slice(dir.length + 1), Date.now())).toBe(false);
    expect(isStaleTemp('x.gkbg', 0)).toBe(false);
  });
});


