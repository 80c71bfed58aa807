/**
 * Fault test: a child process saves a draft in a loop the way the app does (`writeFileAtomic` with backup), and is killed with SIGKILL at a
 * random moment, 1,000 times. After every kill the draft (and its backup) must open and validate: never empty, never
 * half-written. Three lanes run side by side on their own folders to keep the run under a minute (on an idle machine:
 * the cost is mostly starting 1,000 Node processes).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTempName } from '../../electron/main/services/atomicWrite.js';
import { readDraftFile, saveDraftFile } from '../../electron/main/services/draftFiles.js';
import { serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft, sampleText } from './sampleDraft.js';

const KILLS = 1000;
const LANES = 3;
let dir: string;
let child: string;
let template: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-kill-'));
  child = join(dir, 'saveLoop.cjs');
  template = join(dir, 'template.json');
  // A long narrative widens the window in which a write is under way (a real draft is tens of KB).
  const d = sampleDraft();
  d.meta.organ = '某县第__N__版';
  d.sections.overview = '本年度，我县持续深化政务公开，'.repeat(1200);
  await writeFile(template, serializeDraft(d));
  await build({
    entryPoints: [join(import.meta.dirname, 'support', 'saveLoop.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    logLevel: 'error',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Start the loop, wait until it is saving, wait a random few ms, SIGKILL it. Resolves with how long it ran. */
function runAndKill(target: string): Promise<{ ms: number; exitedEarly: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, target, template], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    let started = 0;
    let killedByUs = false;
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout.once('data', () => {
      started = Date.now();
      setTimeout(
        () => {
          killedByUs = true;
          p.kill('SIGKILL');
        },
        Math.floor(Math.random() * 25),
      );
    });
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      if (!killedByUs || signal !== 'SIGKILL') reject(new Error(`child ended by itself (${code ?? signal}): ${err}`));
      else resolve({ ms: Date.now() - started, exitedEarly: false });
    });
  });
}

async function checkLane(laneDir: string, target: string, problems: string[]): Promise<void> {
  const r = await readDraftFile(target);
  if (!r.ok) problems.push(`draft unreadable: ${r.error}`);
  else if (!/^(某县第\d+版|某某县人民政府办公室)$/.test(r.draft.meta.organ)) problems.push(`unexpected content: ${r.draft.meta.organ}`);
  const names = await readdir(laneDir);
  if (names.includes('a.gkbg.bak')) {
    const b = await readDraftFile(`${target}.bak`);
    if (!b.ok) problems.push(`backup unreadable: ${b.error}`);
  }
  // Temp files a kill leaves behind are never the draft; remove them so the folder stays small.
  for (const n of names) if (isTempName(n)) await unlink(join(laneDir, n));
  for (const n of names) if (!isTempName(n) && !['a.gkbg', 'a.gkbg.bak'].includes(n)) problems.push(`unexpected file ${n}`);
}

describe('SIGKILL during saving', () => {
  it(`never leaves an unreadable or half-written draft (${KILLS} kills)`, async () => {
    const problems: string[] = [];
    let kills = 0;
    let runMs = 0;
    const lane = async (i: number) => {
      const laneDir = join(dir, `lane${i}`);
      await mkdir(laneDir);
      const target = join(laneDir, 'a.gkbg');
      expect((await saveDraftFile(target, sampleText())).ok).toBe(true);
      while (kills < KILLS) {
        kills++;
        runMs += (await runAndKill(target)).ms;
        await checkLane(laneDir, target, problems);
        if (problems.length) return;
      }
    };
    await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i)));
    expect(problems).toEqual([]);
    expect(kills).toBeGreaterThanOrEqual(KILLS);
    // the children really were saving when killed: on average they ran for a while after starting
    expect(runMs / kills).toBeGreaterThan(3);
  }, 900_000); // ~30 s on an idle 2-core machine; spawning 1,000 processes takes longer when the machine is shared
});
