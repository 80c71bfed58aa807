/**
 * The office pool from the sources starts its workers with the project's own tsx loader: a batch check run from a
 * folder outside the project (`tsx …/electron/cli/report.ts check <folder>`) reads every file, none fails to start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unitDraftText, unitPublishedText, unitReport, writeUnitFiles } from './support/units.js';

const root = join(import.meta.dirname, '..', '..');
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'pool-cwd-')));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a batch check from a folder outside the project', () => {
  it('reads every unit\u2019s file in the workers', () => {
    writeUnitFiles(join(dir, 'units'), {
      '教育局.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 2, 'apply.granted.natural': 2 })),
      '卫健委.txt': unitPublishedText('县卫生健康委员会', 2024, 6),
    });
    const env = { ...process.env };
    delete env.INIT_CWD;
    delete env.npm_lifecycle_event;
    const r = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'electron', 'cli', 'report.ts'), 'check', 'units', '--xlsx', 'review.xlsx', '--json'], {
      cwd: dir,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    const checks = JSON.parse(r.stdout) as { file: string; ok: boolean; error?: string }[];
    expect(checks.map((c) => c.error ?? '')).toEqual(['', '']);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(existsSync(join(dir, 'review.xlsx'))).toBe(true);
  }, 120_000);
});
