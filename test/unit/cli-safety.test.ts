/**
 * The command line never destroys what it reads (an output that is an input, or two outputs naming one file, are
 * refused — real paths, symlinks and hard links included), never blocks on a special file, and prints text from
 * files without terminal escapes or bidi controls (issue 9).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { CONTROLS } from '../support/controls.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-safety-'));
const published = new URL('../fixtures/published/xinyuan-county-2024.txt', import.meta.url).pathname;

function draftFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, serializeDraft(newDraft({ year: 2024, organ: '某某县人民政府办公室' })));
  return path;
}

describe('outputs never overwrite inputs or each other', () => {
  it('export X.docx --review X.docx: the published DOCX (the input) is kept', async () => {
    const input = join(dir, 'X.docx');
    copyFileSync(published, input); // any content: it must never be touched
    const before = readFileSync(input);
    const r = await runCli('export', input, '--review', input);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`输出文件不能与输入文件相同：--review「${input}」就是输入的文件`);
    expect(readFileSync(input)).toEqual(before);
  });

  it('--docx o.docx --review o.docx: two outputs naming one file are refused before anything is written', async () => {
    const out = join(dir, 'o.docx');
    const r = await runCli('export', draftFile('a.gkbg'), '--docx', out, '--review', join(dir, '.', 'o.docx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('两个输出不能是同一个文件：--review');
    expect(existsSync(out)).toBe(false);
  });

  it('import X --out X, through a symlink or a hard link too: refused, the original kept', async () => {
    const input = join(dir, 'report.txt');
    copyFileSync(published, input);
    const before = readFileSync(input);
    symlinkSync(input, join(dir, 'link.gkbg'));
    linkSync(input, join(dir, 'hard.gkbg'));
    mkdirSync(join(dir, 'sub'));
    for (const out of [input, join(dir, 'sub', '..', 'report.txt'), join(dir, 'link.gkbg'), join(dir, 'hard.gkbg')]) {
      const r = await runCli('import', input, '--out', out);
      expect(r.code, out).toBe(2);
      expect(r.err, out).toContain('输出文件不能与输入文件相同');
    }
    expect(readFileSync(input)).toEqual(before);
  });

  it('next <draft> --out <the same draft>: refused by the same rule as every command', async () => {
    const input = draftFile('same.gkbg');
    const r = await runCli('next', input, '--out', input);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件不能与输入文件相同');
  });

  it('import --out name without an extension writes name.gkbg; another extension is refused', async () => {
    const r = await runCli('import', published, '--out', join(dir, '新草稿'));
    expect(r.code, r.err).toBe(0);
    expect(existsSync(join(dir, '新草稿.gkbg'))).toBe(true);
    expect(existsSync(join(dir, '新草稿'))).toBe(false);
    const wrong = await runCli('import', published, '--out', join(dir, 'out.docx'));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('扩展名应为 .gkbg');
  }, 60_000);
});

describe('special files and drafts', () => {
  it('check on a FIFO named .docx, .pdf, .txt, .gkbg or nothing is refused at once (it hung forever before)', async () => {
    for (const name of ['f.docx', 'f.pdf', 'f.txt', 'f.gkbg', 'f']) {
      const fifo = join(dir, name);
      execFileSync('mkfifo', [fifo]);
      const r = await runCli('check', fifo);
      expect(r.code, name).toBe(2);
      expect(r.err, name).toMatch(/不是普通文件|不是文件/);
    }
  });

  it('import of a .gkbg draft says what it is and saves it as a draft', async () => {
    const out = join(dir, 'copy.gkbg');
    const r = await runCli('import', draftFile('mine.gkbg'), '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('「mine.gkbg」是本程序的报告草稿（.gkbg），不是已发布的报告');
    expect(JSON.parse(readFileSync(out, 'utf8')).meta.organ).toBe('某某县人民政府办公室');
  }, 60_000);
});

describe('printed text is clean', () => {
  it('a file name or file text with ESC sequences, BEL or RLO is printed without them', async () => {
    const evil = join(dir, '\x1b]0;owned\x07\x1b[2J\u202eevil.gkbg');
    const missing = await runCli('check', evil);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    expect(missing.err).not.toMatch(CONTROLS);
    const text = readFileSync(published, 'utf8').replace(/新源县/g, '新源\u202e县\x07\x1b[31m');
    const hostile = join(dir, 'hostile.txt');
    writeFileSync(hostile, text);
    const checked = await runCli('check', hostile);
    expect(checked.out.length).toBeGreaterThan(0);
    expect(checked.out + checked.err).not.toMatch(CONTROLS);
  }, 60_000);
});

describe('a reader that goes away', () => {
  it('`report diff a b | true`: the reader is gone before the first line, and the command stops quietly, no stack trace', () => {
    const a = new URL('../fixtures/published/xinyuan-county-2024.txt', import.meta.url).pathname;
    const b = new URL('../fixtures/published/urumqi-county-2024.txt', import.meta.url).pathname;
    const r = spawnSync('bash', ['-c', 'npx tsx electron/cli/report.ts diff "$0" "$1" | true', a, b], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at .*\.ts:\d+/);
  });
});
