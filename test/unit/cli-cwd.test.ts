/**
 * `npm run report` runs in the project folder, but the clerk's relative paths mean the folder they typed the command
 * in (npm keeps it in INIT_CWD): files, folders and every option naming one are found there, and outputs land there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callerFolder } from '../../electron/cli/args.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { parseDraftText } from '../../shared/schema/draft.js';

const root = join(import.meta.dirname, '..', '..');
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cli-cwd-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `npm run -s report` typed in `cwd`: npm finds the project by --prefix and runs us in the project folder. */
function reportIn(cwd: string, ...args: string[]) {
  const r = spawnSync('npm', ['--prefix', root, 'run', '-s', 'report', '--', ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dataFile(name: string, year: number): void {
  const cells: Record<string, number> = {};
  for (const c of FORMAT_2021.cells) if (!c.sumOf) cells[c.key] = 0;
  Object.assign(cells, { 'apply.new.natural': 5, 'apply.granted.natural': 5 });
  writeFileSync(join(dir, name), JSON.stringify({ format: '2021', year, level: 'department', cells }));
}

describe('relative paths on the command line', () => {
  dataFile('本年.json', 2024);
  dataFile('上年.json', 2023);

  it('finds a file and an option\u2019s file in the folder the command was typed in', () => {
    const r = reportIn(dir, 'check', '本年.json', '--previous', '上年.json', '--json');
    expect(r.err).toBe('');
    const checks = JSON.parse(r.out) as { file: string; ok: boolean }[];
    expect(checks).toHaveLength(1);
    expect(checks[0]?.ok).toBe(true);
    expect(r.code).toBe(0);
  }, 120_000);

  it('writes an output named relatively into that folder', () => {
    const r = reportIn(dir, 'next', '本年.json', '--out', '下年');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(root, '下年.gkbg'))).toBe(false);
    const next = parseDraftText(readFileSync(join(dir, '下年.gkbg'), 'utf8'));
    expect(next.ok && next.draft.year).toBe(2025);
  }, 120_000);

  it('takes INIT_CWD only from npm running the report script, not one inherited from another script', () => {
    expect(callerFolder({ INIT_CWD: dir, npm_lifecycle_event: 'report' })).toBe(dir);
    expect(callerFolder({ INIT_CWD: dir, npm_lifecycle_event: 'test' })).toBe(process.cwd());
    expect(callerFolder({})).toBe(process.cwd());
  });
});
