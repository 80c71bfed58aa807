import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/report.js';
import { flattenCells } from '../../shared/report/model.js';
import { parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { toReportData } from '../../shared/schema/reportData.js';
import { draftToReport } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-cli-next-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('report next', () => {
  it("writes next year's draft from a draft, and reports what it carried and flagged", async () => {
    const src = join(dir, '某县 2024.gkbg');
    const text = serializeDraft(sampleDraft(2024));
    await writeFile(src, text);
    const r = await run('next', src, '--out', join(dir, '某县 2025'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入 2025 年度报告草稿：${join(dir, '某县 2025.gkbg')}`);
    expect(r.out).toContain('「上年结转」按 2024 年「结转下年度」填入：自然人 3，商业企业 1');
    expect(r.out).toContain('【请核对】');
    const next = parseDraftText(await readFile(join(dir, '某县 2025.gkbg'), 'utf8'));
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.draft.year).toBe(2025);
    expect(flattenCells(next.draft.cells)['apply.carried_over.natural']).toBe(3);
    expect(flattenCells(next.draft.previous?.cells)['apply.new.total']).toBe(13);
    expect(await readFile(src, 'utf8')).toBe(text);
  });

  it('works from report data JSON too', async () => {
    const src = join(dir, 'data.json');
    await writeFile(src, JSON.stringify(toReportData(draftToReport(sampleDraft(2023)))));
    const r = await run('next', src, '--out', join(dir, 'n.gkbg'));
    expect(r.code).toBe(0);
    const next = parseDraftText(await readFile(join(dir, 'n.gkbg'), 'utf8'));
    expect(next.ok && next.draft.year).toBe(2024);
    expect(next.ok && flattenCells(next.draft.cells)['apply.carried_over.commercial']).toBe(1);
  });

  it('refuses bad usage, unreadable input, overwriting the source, an unwritable target', async () => {
    expect((await run('next')).code).toBe(2);
    expect((await run('next', join(dir, 'a.gkbg'))).err).toContain('用法');
    const missing = await run('next', join(dir, 'missing.gkbg'), '--out', join(dir, 'b.gkbg'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
    const src = join(dir, 'a.gkbg');
    await writeFile(src, serializeDraft(sampleDraft()));
    const same = await run('next', src, '--out', src);
    expect(same.code).toBe(2);
    expect(same.err).toContain('不能与输入文件相同');
    const gone = await run('next', src, '--out', join(dir, 'gone', 'b.gkbg'));
    expect(gone.code).toBe(2);
    expect(gone.err).toContain('所在文件夹不存在');
    await writeFile(join(dir, 'bad.gkbg'), '{"app":"gov-disclosure-report","schemaVersion":2');
    expect((await run('next', join(dir, 'bad.gkbg'), '--out', join(dir, 'c.gkbg'))).code).toBe(2);
  });
});
