/**
 * The source check (the rules on the report as published) and the command line: `import`, and `data` /
 * `check` on published reports.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/report.js';
import { importPastedText, importPublishedFile } from '../../electron/main/services/import/index.js';
import { createImportServices } from '../../electron/main/services/import/importService.js';
import { parseImportResult } from '../../shared/import/index.js';
import { parseDraftText } from '../../shared/schema/draft.js';
import { FORMAT_2019 } from '../../shared/report/format.js';
import { loadData, loadPublished, makeText, richData } from './make.js';

const fixture = (name: string) => new URL(`../fixtures/published/${name}.txt`, import.meta.url).pathname;

async function imported(name: string) {
  const out = await importPublishedFile(fixture(name));
  if (out.status !== 'imported') throw new Error(out.message);
  const parsed = parseImportResult(out.result);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.result;
}

describe('source check of the samples: the contradictions the spec lists', () => {
  it.each([
    ['xinyuan-county-2024', ['N-REVIEW', 'F-STALE']],
    ['xinxiang-county-office-2024', ['N-APP']],
    ['urumqi-county-2024', ['F-KPZ', 'F-TITLE']],
  ] as const)('%s → %j, and no arithmetic error', async (name, rules) => {
    const result = await imported(name);
    const found = new Set(result.sourceCheck.map((f) => f.rule));
    for (const r of rules) expect(found, r).toContain(r);
    for (const r of ['T3-BAL', 'T3-ROW', 'T3-SUM7', 'T4-SUM', 'V-NUM']) expect(found, r).not.toContain(r);
  });

  it('a finding about a whole section keeps its section (so the panel and the corpus can place it)', async () => {
    const result = await imported('urumqi-county-2024');
    const kpz = result.sourceCheck.find((f) => f.rule === 'F-KPZ');
    expect(kpz?.section).toBe('overview');
  });

  it('the result crosses IPC as JSON and validates; its draft is a valid draft file without totals', async () => {
    const result = await imported('xinxiang-county-office-2024');
    const text = `${JSON.stringify(result.draft)}`;
    const draft = parseDraftText(text);
    expect(draft.ok).toBe(true);
    expect(text).not.toContain('processed_total');
    expect(result.report.cells['apply.processed_total.total']).toBe(14);
    expect(result.stats).toEqual({ cellsRead: 200, cellsTotal: 200 });
  });

  it('pasted text imports the same as the file', async () => {
    const out = await importPastedText(loadPublished('urumqi-county-2024'));
    expect(out.status).toBe('imported');
    const parsed = out.status === 'imported' ? parseImportResult(out.result) : null;
    expect(parsed?.ok && parsed.result.source.kind).toBe('pasted');
    expect(parsed?.ok && parsed.result.report.cells).toEqual(loadData('urumqi-county-2024').cells);
    expect((await importPastedText('   ')).status).toBe('error');
  });

  it('a format-2019 report imports to a valid 2019 draft (signed 本年增/减 and the 采购总金额 text kept), checked as published', async () => {
    const old = richData(FORMAT_2019, 2020);
    const out = await importPastedText(makeText(old, { layout: 'rows' }));
    const parsed = out.status === 'imported' ? parseImportResult(out.result) : null;
    if (!parsed?.ok) throw new Error('import failed');
    const draft = parseDraftText(JSON.stringify(parsed.result.draft));
    expect(draft.ok && draft.draft.format).toBe('2019');
    const cells = JSON.stringify(parsed.result.draft.cells);
    expect(cells).toContain('万元');
    expect(cells).toMatch(/"change":-\d/);
    expect(parsed.result.sourceCheck.filter((f) => f.rule === 'V-NUM')).toEqual([]);
  });

  it('a printed total that disagrees with its parts is an error of the source check, kept as printed', async () => {
    const text = loadPublished('xinxiang-county-office-2024').replace('（七）总计 14 0 0 0 0 0 14', '（七）总计 15 0 0 0 0 0 15');
    const out = await importPastedText(text);
    const parsed = out.status === 'imported' ? parseImportResult(out.result) : null;
    if (!parsed?.ok) throw new Error('import failed');
    expect(parsed.result.report.cells['apply.processed_total.natural']).toBe(15);
    expect(parsed.result.sourceCheck.some((f) => f.rule === 'T3-SUM7' && f.severity === 'error')).toBe(true);
  });
});

describe('a published cell printing no valid value (V-NUM on the report as published)', () => {
  const withRow = (row: string) => loadPublished('xinxiang-county-office-2024').replace('（一）予以公开 9 0 0 0 0 0 9', row);
  async function sourceCheckOf(text: string) {
    const out = await importPastedText(text);
    const parsed = out.status === 'imported' ? parseImportResult(out.result) : null;
    if (!parsed?.ok) throw new Error('import failed');
    return parsed.result;
  }

  it('a count printed as 「8.5」 is a V-NUM naming the cell and the print; the cell is left blank, not read as 8 or 9', async () => {
    const result = await sourceCheckOf(withRow('（一）予以公开 8.5 0 0 0 0 0 9'));
    expect(result.report.cells['apply.granted.natural']).toBeNull();
    const vnum = result.sourceCheck.filter((f) => f.rule === 'V-NUM');
    expect(vnum).toHaveLength(1);
    expect(vnum[0]?.cells).toEqual(['apply.granted.natural']);
    expect(vnum[0]?.message).toContain('原文印的是 「8.5」');
  });

  it('in table 四 too: 「0.5」 and 「-1」 printed among its fifteen figures are each a V-NUM, the cells left blank', async () => {
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 0 1 1 5 0.5 0 0 0 0.5 0 0 -1 0 0');
    const result = await sourceCheckOf(text);
    expect(result.report.cells['review.sued_direct.upheld']).toBeNull();
    const vnum = result.sourceCheck.filter((f) => f.rule === 'V-NUM');
    expect(vnum.map((f) => f.cells)).toEqual([['review.sued_direct.upheld'], ['review.sued_direct.total'], ['review.sued_after.other']]);
    expect(vnum[2]?.message).toContain('原文印的是 「-1」');
  });

  it('and in a table 四 of too few figures (its cells placed in order, a doubt), 「0.5」 is still a V-NUM', async () => {
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 0 1 1 5 0.5 0 0 0 0 0 0 0 0');
    const result = await sourceCheckOf(text);
    expect(result.uncertain.some((u) => u.reason.includes('表四只找到 14 个数字'))).toBe(true);
    expect(result.sourceCheck.filter((f) => f.rule === 'V-NUM').map((f) => f.cells)).toEqual([['review.sued_direct.upheld']]);
  });

  it('a table 四 of too few figures, placed in order, has no sum judged on them (an empty cell may stand anywhere)', async () => {
    // 行政复议's 总计 printed nothing: in order, 0 1 1 2 | 0 would read 总计 0 against 0 + 1 + 1 + 2
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '0 1 1 2 0 0 0 0 0 0 0 0 0 0');
    const result = await sourceCheckOf(text);
    expect(result.uncertain.some((u) => u.reason.includes('表四只找到 14 个数字'))).toBe(true);
    expect(result.sourceCheck.filter((f) => f.rule === 'T4-SUM')).toEqual([]);
  });

  it('a table 四 of too few figures that no place of its blank makes add up is wrong as printed: one T4-SUM for the table, its figures quoted', async () => {
    // 3 0 1 1 6: 行政复议 doesn't add up unless the blank is its 总计, and then 6 is 未经复议直接起诉's first figure
    // against its total 0
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 0 1 1 6 0 0 0 0 0 0 0 0 0');
    const result = await sourceCheckOf(text);
    const t4 = result.sourceCheck.filter((f) => f.rule === 'T4-SUM');
    expect(t4.map((f) => [f.target, f.cells.length])).toEqual([['review.reconsideration.total', 15]]);
    expect(t4[0]?.message).toContain('「表四」：原文有 14 个数字（3 0 1 1 6 0 0 0 0 0 0 0 0 0），应为 15 个，无论空白是哪一格');
    // a blank result that may hold what the others lack fits (3 _ 1 1 6: the blank 1)
    const fits = await sourceCheckOf(loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 1 1 6 0 0 0 0 0 0 0 0 0 0'));
    expect(fits.sourceCheck.filter((f) => f.rule === 'T4-SUM')).toEqual([]);
  });

  it('a table 四 of sixteen figures that fits in no reading, though no one block fails in all, is one T4-SUM for the table', async () => {
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '0 0 0 0 2 0 0 0 2 2 0 0 0 0 0 0');
    const t4 = (await sourceCheckOf(text)).sourceCheck.filter((f) => f.rule === 'T4-SUM');
    expect(t4.map((f) => [f.target, f.cells.length])).toEqual([['review.reconsideration.total', 15]]);
    expect(t4[0]?.message).toContain('原文有 16 个数字（0 0 0 0 2 0 0 0 2 2 0 0 0 0 0 0），应为 15 个，无论多出的数字是哪一格');
  });

  it('a table 四 of sixteen figures that no stray left out and no two joined make add up is a T4-SUM, its figures quoted', async () => {
    const text = loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 0 1 1 6 0 0 0 0 0 0 0 0 0 0 7');
    const result = await sourceCheckOf(text);
    const t4 = result.sourceCheck.filter((f) => f.rule === 'T4-SUM');
    expect(t4.map((f) => f.target)).toEqual(['review.reconsideration.total']);
    expect(t4[0]?.message).toContain('原文本行有 16 个数字（3 0 1 1 6 0 0 0 0 0 0 0 0 0 0 7）');
    // one that a stray left out makes add up is read so, and judged as read
    const fits = await sourceCheckOf(loadPublished('xinxiang-county-office-2024').replace('3 0 1 1 5 0 0 0 0 0 0 0 0 0 0', '3 0 1 1 5 0 0 0 0 0 0 0 0 0 0 7'));
    expect(fits.report.cells['review.reconsideration.total']).toBe(5);
    expect(fits.sourceCheck.filter((f) => f.rule === 'T4-SUM')).toEqual([]);
  });

  it('a row of too few figures holding a decimal that may be two cells run together (「13575394432.52」) is a doubt, not a V-NUM', async () => {
    const result = await sourceCheckOf(withRow('（一）予以公开 13575394432.52 0 0 9'));
    expect(result.sourceCheck.filter((f) => f.rule === 'V-NUM')).toEqual([]);
    expect(result.uncertain.some((u) => u.target.startsWith('apply.granted.'))).toBe(true);
  });

  it('a row of too few figures holding one plainly no count (「8.5」: cells run together make no point) is still a V-NUM', async () => {
    const result = await sourceCheckOf(withRow('（一）予以公开 8.5 0 0 0 9'));
    const vnum = result.sourceCheck.filter((f) => f.rule === 'V-NUM');
    expect(vnum).toHaveLength(1);
    expect(vnum[0]?.message).toContain('原文印的是 「8.5」');
    expect(result.uncertain.some((u) => u.target.startsWith('apply.granted.') && u.reason.includes('只有 5 个数字'))).toBe(true);
  });

  it('so is a cell of a row of cells run together and spaced (「9.5 0 0 0 0 09」), its place a guess', async () => {
    const result = await sourceCheckOf(withRow('（一）予以公开9.5 0 0 0 0 09'));
    expect(result.sourceCheck.filter((f) => f.rule === 'V-NUM').map((f) => f.message)).toEqual([expect.stringContaining('原文印的是 「9.5」')]);
  });
});

describe('host method', () => {
  it('createImportServices (in a worker): pasted text, a chosen file, a canceled dialog; results validate against the contract', async () => {
    const { hostMethods } = await import('../../shared/ipc/contract.js');
    const answers: (string | null)[] = [fixture('xinxiang-county-office-2024'), null];
    const services = createImportServices({ chooseFile: async () => answers.shift() ?? null });
    const handle = services.importPublished;
    const pasted = await handle({ pasted: loadPublished('urumqi-county-2024') });
    const chosen = await handle({});
    const canceled = await handle({});
    await services.dispose();
    for (const r of [pasted, chosen, canceled]) expect(hostMethods.importPublished.result.safeParse(r).success).toBe(true);
    expect(pasted.status).toBe('imported');
    expect(chosen.status === 'imported' && chosen.name).toBe('xinxiang-county-office-2024.txt');
    expect(canceled).toEqual({ status: 'canceled' });
  });

  it('an imported report can start next year’s draft (carried over = its 结转下年度)', async () => {
    const { nextYearDraft } = await import('../../shared/report/nextYear.js');
    const result = await imported('xinxiang-county-office-2024');
    const next = nextYearDraft(result.draft).draft;
    expect(next.year).toBe(2025);
    expect((next.cells as { apply: { carried_over: { natural: number } } }).apply.carried_over.natural).toBe(2);
    expect(next.previous?.year).toBe(2024);
  });
});

function io() {
  let out = '';
  let err = '';
  return { io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) }, get out() { return out; }, get err() { return err; } };
}

describe('command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));

  it('import <published> --out <draft> writes a valid draft and prints the source check', async () => {
    const c = io();
    const target = join(dir, 'xinyuan.gkbg');
    const code = await main(['import', fixture('xinyuan-county-2024'), '--out', target], c.io);
    expect(c.err).toBe('');
    expect(code).toBe(0);
    const draft = parseDraftText(readFileSync(target, 'utf8'));
    expect(draft.ok && draft.draft.meta.organ).toBe('新源县');
    expect(draft.ok && draft.draft.year).toBe(2024);
    expect(c.out).toContain('读取 200/200 个单元格');
    expect(c.out).toContain('[N-REVIEW]');
    expect(c.out).toContain('[F-STALE]');
    expect(c.out).toContain('需要核对');
  });

  it('data <published report> prints the cells as published, totals included', async () => {
    const c = io();
    expect(await main(['data', fixture('xinxiang-county-office-2024')], c.io)).toBe(0);
    const data = JSON.parse(c.out) as { cells: Record<string, number | null>; year: number };
    expect(data.cells).toEqual(loadData('xinxiang-county-office-2024').cells);
  });

  it('check <published report> runs the rules on it', async () => {
    const c = io();
    const code = await main(['check', fixture('urumqi-county-2024')], c.io);
    expect(c.out).toContain('[F-KPZ]');
    expect(code).toBe(1);
  });

  it('a missing file or usage error exits 2 with a Chinese message', async () => {
    const c = io();
    expect(await main(['import', join(dir, 'nope.docx'), '--out', join(dir, 'x.gkbg')], c.io)).toBe(2);
    expect(c.err).toContain('文件不存在');
    const d = io();
    expect(await main(['import', fixture('urumqi-county-2024')], d.io)).toBe(2);
    expect(d.err).toContain('用法');
  });
});
