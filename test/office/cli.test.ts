/**
 * The command line of the office above (its first run as a clerk runs it, a real `npm run -s report` process; the
 * rest in this process):
 * `report rollup <folder> --out <draft> --roster <units.txt>`, its re-run after a unit's file changed, and
 * `report check <folder> --xlsx <review.xlsx>`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTablesXlsx } from '../../electron/main/services/office/xlsx.js';
import { resolvedCells } from '../../shared/report/model.js';
import { draftToReport, parseDraftText } from '../../shared/schema/draft.js';
import { unitDraftText, unitPublishedText, unitReport, writeUnitFiles } from './support/units.js';
import { runCli, runCliProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'office-cli-'));
const folder = join(dir, 'units');
writeUnitFiles(folder, {
  '教育局.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 2, 'apply.granted.natural': 2, 'active.fees.amount': 0.1 })),
  '卫健委.txt': unitPublishedText('县卫生健康委员会', 2024, 6),
  '旧年度.gkbg': unitDraftText(unitReport('县交通运输局', { 'apply.new.natural': 9, 'apply.granted.natural': 9 }, { year: 2023 })),
  '损坏.pdf': 'not a pdf',
});
const roster = join(dir, '名单.txt');
writeFileSync(roster, '县教育局\n县卫生健康委员会\n县交通运输局\n');

const report = runCli;

function rolledDraft(path: string) {
  const d = parseDraftText(readFileSync(path, 'utf8'));
  if (!d.ok) throw new Error(d.error);
  return d.draft;
}

describe('report rollup', () => {
  const out = join(dir, '汇总.gkbg');
  const xlsx = join(dir, '汇总表.xlsx');

  it('sums the units of a folder into a draft, lists what it left out and the roster\u2019s gaps, exits 1', async () => {
    const r = runCliProcess(['rollup', folder, '--out', out, '--roster', roster, '--organ', '某某县人民政府', '--xlsx', xlsx]);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('计入 2 个单位');
    expect(r.out).toContain('未计入「损坏.pdf」');
    expect(r.out).toContain('未计入「旧年度.gkbg」（县交通运输局）：年度不同');
    expect(r.out).toContain('缺少单位：县交通运输局');
    expect(r.out).toMatch(/二、行政规范性文件·现行有效件数：县教育局 0，县卫生健康委员会 4/);
    const draft = rolledDraft(out);
    const cells = resolvedCells(draftToReport(draft));
    expect(cells['apply.new.natural']).toBe(8);
    expect(cells['active.fees.amount']).toBe(1.35);
    expect(cells['active.licensing.decisions']).toBe(12);
    expect(cells['active.normative.in_force']).toBeNull();
    expect(draft.rollup?.scope).toBe('county');
    expect(draft.rollup?.sources).toHaveLength(4);
    const tables = await readTablesXlsx(readFileSync(xlsx));
    expect(tables.ok && tables.report.cells['apply.new.natural']).toBe(8);
  });

  it('re-runs on the files it recorded when only --out is given, after a unit\u2019s file changed', async () => {
    writeFileSync(join(folder, '教育局.gkbg'), unitDraftText(unitReport('县教育局', { 'apply.new.natural': 5, 'apply.granted.natural': 5 })));
    const r = await report('rollup', '--out', out, '--scope', '本机关');
    expect(r.code).toBe(1);
    const draft = rolledDraft(out);
    expect(resolvedCells(draftToReport(draft))['apply.new.natural']).toBe(11);
    expect(draft.rollup?.scope).toBe('organ');
    expect(draft.rollup?.roster).toEqual(['县教育局', '县卫生健康委员会', '县交通运输局']);
    expect(draft.meta.organ).toBe('某某县人民政府');
  });

  it('keeps what the clerk entered in the roll-up draft when it re-runs: cells left for entry, text', async () => {
    const draft = rolledDraft(out);
    const regulations = (draft.cells as { active: { regulations: Record<string, unknown> } }).active.regulations;
    regulations.issued = 3;
    draft.sections.overview = '本县认真贯彻落实政府信息公开条例。';
    writeFileSync(out, JSON.stringify(draft));
    writeFileSync(join(folder, '教育局.gkbg'), unitDraftText(unitReport('县教育局', { 'apply.new.natural': 1, 'apply.granted.natural': 1 })));
    expect((await report('rollup', '--out', out)).code).toBe(1);
    const again = rolledDraft(out);
    const cells = resolvedCells(draftToReport(again));
    expect(cells['apply.new.natural']).toBe(7);
    expect(cells['active.regulations.issued']).toBe(3);
    expect(again.sections.overview).toBe('本县认真贯彻落实政府信息公开条例。');
  });

  it('updates the roll-up draft at --out when given the folder again (a late unit): its scope, roster and entries kept', async () => {
    const late = join(folder, '财政局.gkbg');
    writeFileSync(late, unitDraftText(unitReport('县财政局', { 'apply.new.natural': 2, 'apply.granted.natural': 2 })));
    const r = await report('rollup', folder, '--out', out);
    rmSync(late);
    expect(r.err).toBe('');
    const again = rolledDraft(out);
    const cells = resolvedCells(draftToReport(again));
    expect(cells['apply.new.natural']).toBe(9);
    expect(cells['active.regulations.issued']).toBe(3);
    expect(again.sections.overview).toBe('本县认真贯彻落实政府信息公开条例。');
    expect(again.rollup?.scope).toBe('organ');
    expect(again.rollup?.roster).toEqual(['县教育局', '县卫生健康委员会', '县交通运输局']);
    expect(r.out).toContain('不在名单中（已计入）：县财政局');
  });

  it('refuses to write one year\u2019s roll-up over another year\u2019s roll-up draft', async () => {
    const other = join(dir, '旧年度汇总.gkbg');
    const draft = rolledDraft(out);
    writeFileSync(other, JSON.stringify({ ...draft, year: 2023 }));
    const r = await report('rollup', folder, '--out', other);
    expect(r.code).toBe(2);
    expect(r.err).toContain('请另选 --out');
    expect(rolledDraft(other).year).toBe(2023);
  });

  it('refuses a wrong scope', async () => {
    const r = await report('rollup', folder, '--out', out, '--scope', '全省');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--scope');
  });
});

describe('report check <folder> --xlsx', () => {
  it('checks every file of the folder, a broken one reported with its reason, and writes the review table', async () => {
    const review = join(dir, '核查.xlsx');
    const opinions = join(dir, '审核意见');
    const r = await report('check', folder, '--xlsx', review, '--opinions', opinions);
    expect(r.code).toBe(2);
    expect(r.err).toContain('损坏.pdf');
    expect(r.err).toContain('不是 PDF');
    expect(r.out).toContain('共检查 4 个文件');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(review) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('核查结果');
    expect(ws?.rowCount).toBe(5);
    const units = [2, 3, 4, 5].map((i) => (ws?.getRow(i).values as unknown[])[2]);
    expect(units).toContain('县卫生健康委员会');
    expect(readdirSync(opinions)).toHaveLength(4);
  });
});

describe('report xlsx', () => {
  it('writes a blank sheet for a unit, and reads it back filled into a draft', async () => {
    const blank = join(dir, '填报表.xlsx');
    expect((await report('xlsx', '--blank', '--year', '2024', '--organ', '县审计局', '--out', blank)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(blank) as unknown as ArrayBuffer);
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    apply.getCell('D6').value = 7;
    apply.getCell('D8').value = 7;
    writeFileSync(blank, Buffer.from(await wb.xlsx.writeBuffer()));
    const draftPath = join(dir, '审计局.gkbg');
    const r = await report('xlsx', blank, '--out', draftPath);
    expect(r.code).toBe(0);
    const draft = rolledDraft(draftPath);
    const cells = resolvedCells(draftToReport(draft));
    expect(cells['apply.new.natural']).toBe(7);
    expect(cells['apply.granted.total']).toBe(7);
    expect(cells['apply.new.commercial']).toBeNull();
    expect(draft.meta.organ).toBe('县审计局');
    // the filled sheet is checked like any report
    const checked = await report('check', blank, '--json');
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.out)[0]).toMatchObject({ ok: true });
  });
});
