/**
 * Every file the command line reads is opened the one safe way (openRegularFile through readRegularText): a FIFO given as
 * `rollup --roster`, or as the earlier roll-up draft a re-run reads, is refused at once — readFile on a FIFO waits
 * for a writer forever (issue 9).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-special-'));

describe('rollup never waits on a special file', () => {
  it('a FIFO as --roster is refused, not waited on', async () => {
    const units = join(dir, 'units');
    mkdirSync(units);
    writeFileSync(join(units, '教育局.gkbg'), serializeDraft(newDraft({ year: 2024, organ: '某某县教育局' })));
    const roster = join(dir, '名单.txt');
    execFileSync('mkfifo', [roster]);
    const r = await runCli('rollup', units, '--roster', roster, '--out', join(dir, '汇总.gkbg'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是普通文件');
  }, 30_000);

  it('a FIFO as the earlier roll-up draft of a re-run (--out only) is refused, not waited on', async () => {
    const earlier = join(dir, '上次汇总.gkbg');
    execFileSync('mkfifo', [earlier]);
    const r = await runCli('rollup', '--out', earlier);
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是普通文件');
  }, 30_000);
});

describe('xlsx never waits on a special file', () => {
  it('a FIFO named tables.xlsx read back into a draft is refused, not waited on', async () => {
    const tables = join(dir, '表格.xlsx');
    execFileSync('mkfifo', [tables]);
    const r = await runCli('xlsx', tables, '--out', join(dir, '草稿.gkbg'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('不是普通文件');
  }, 30_000);
});
