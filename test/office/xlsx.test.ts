/**
 * Excel both ways (issue 12): a report's three tables as .xlsx laid out like the printed tables — labels locked, totals
 * as formulas — and such a sheet, filled in by a unit, read back losslessly; a sheet whose structure was changed is
 * refused with the place named, never read into the wrong cells.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTablesXlsx, writeTablesXlsx } from '../../electron/main/services/office/xlsx.js';
import { readUnitFile } from '../../electron/main/services/office/unitFile.js';
import { FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import { enteredOnly, reportFormat, type Report } from '../../shared/report/model.js';
import { unitReport } from './support/units.js';

const dir = mkdtempSync(join(tmpdir(), 'office-xlsx-'));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

async function roundTrip(report: Report): Promise<Report> {
  const back = await readTablesXlsx(await writeTablesXlsx(report));
  if (!back.ok) throw new Error(back.error);
  return back.report;
}

const filled = unitReport('县财政局', {
  'apply.new.natural': 12,
  'apply.new.commercial': 3,
  'apply.granted.natural': 10,
  'apply.carried_forward.natural': 2,
  'apply.granted.commercial': 3,
  'apply.denied_4.natural': null,
  'active.fees.amount': 59237.2449,
  'active.licensing.decisions': 1024,
  'review.sued_after.pending': 1,
});

describe('a report\u2019s tables to Excel and back', () => {
  it('is lossless: every entered cell, blanks stay blank, amounts keep their decimals, organ and year kept', async () => {
    const back = await roundTrip(filled);
    const format = reportFormat(filled);
    expect(back.year).toBe(2024);
    expect(back.organ).toBe('县财政局');
    expect(back.format).toBe('2021');
    expect(back.cells).toEqual(enteredOnly(format, filled.cells));
    expect(back.cells['apply.denied_4.natural']).toBeNull();
    expect(back.cells['active.fees.amount']).toBe(59237.2449);
  });

  it('keeps the 2019 format and a 2021 report with table 三\u2019s single （六） row as they are', async () => {
    const old = unitReport('县水利局', { 'active2019.fees.change': -3, 'active2019.procurement.amount': '3979.5 万元' }, { format: '2019', year: 2020 });
    const back2019 = await roundTrip(old);
    expect(back2019.format).toBe('2019');
    expect(back2019.cells['active2019.fees.change']).toBe(-3);
    expect(back2019.cells['active2019.procurement.amount']).toBe('3979.5 万元');
    const single: Report = { ...filled, cells: {} };
    for (const c of FORMAT_2021_SINGLE_OTHER.cells) if (!c.sumOf) single.cells[c.key] = 1;
    const backSingle = await roundTrip(single);
    expect(reportFormat(backSingle)).toBe(FORMAT_2021_SINGLE_OTHER);
    expect(backSingle.cells['apply.other.natural']).toBe(1);
  });

  it('lays the tables out like the printed ones: merged headers, labels from the format, totals as formulas', async () => {
    const wb = await load(await writeTablesXlsx(filled));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    expect(apply.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(apply.getCell('A3').isMerged && apply.getCell('C5').master.address).toBe('A3');
    expect(apply.getCell('D3').value).toBe('申请人情况');
    // row 一 (sheet row 6): natural in D, total in J = SUM of D..I
    expect(apply.getCell('A6').value).toBe('一、本年新收政府信息公开申请数量');
    expect(apply.getCell('D6').value).toBe(12);
    expect((apply.getCell('J6').value as ExcelJS.CellFormulaValue).formula).toBe('SUM(D6,E6,F6,G6,H6,I6)');
  });

  it('locks the labels and totals and leaves only the figures to type (sheet protected)', async () => {
    const wb = await load(await writeTablesXlsx(filled));
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    const xml = (apply as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    expect(xml?.sheet).toBe(true);
    expect(apply.getCell('A6').protection?.locked).not.toBe(false);
    expect(apply.getCell('J6').protection?.locked).not.toBe(false);
    expect(apply.getCell('D6').protection?.locked).toBe(false);
  });

  it('stores each total\u2019s value beside its formula, for viewers that do not calculate', async () => {
    const wb = await load(await writeTablesXlsx(filled));
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    expect((apply.getCell('J6').value as ExcelJS.CellFormulaValue).result).toBe(15);
  });

  it('reads what a unit typed in Excel: numbers typed as text (「12件」, full-width) parsed, anything else kept for V-NUM', async () => {
    const wb = await load(await writeTablesXlsx(filled));
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    apply.getCell('E6').value = '１２件';
    apply.getCell('F6').value = '若干';
    const back = await readTablesXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(back.ok && back.report.cells['apply.new.commercial']).toBe(12);
    expect(back.ok && back.report.cells['apply.new.research']).toBe('若干');
  });

  it('refuses a sheet whose labels were moved or changed, naming the place', async () => {
    const wb = await load(await writeTablesXlsx(filled));
    const apply = wb.getWorksheet('三、收到和处理政府信息公开申请情况') as ExcelJS.Worksheet;
    apply.spliceRows(6, 1);
    const back = await readTablesXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(back.ok).toBe(false);
    expect(!back.ok && back.error).toMatch(/工作表「三、收到和处理政府信息公开申请情况」A6 应为「一、本年新收/);
  });

  it('refuses a workbook that is not ours or not a workbook at all', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').getCell('A1').value = 1;
    const notOurs = await readTablesXlsx(new Uint8Array(await other.xlsx.writeBuffer()));
    expect(!notOurs.ok && notOurs.error).toContain('说明');
    const junk = await readTablesXlsx(new TextEncoder().encode('PK\u0003\u0004junk'));
    expect(!junk.ok && junk.error).toContain('无法打开');
  });

  it('is a unit file like any other: checked by the rules when handed in', async () => {
    const path = join(dir, 'unit.xlsx');
    writeFileSync(path, await writeTablesXlsx(unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 3 })));
    const read = await readUnitFile(path);
    expect(read.ok && read.kind).toBe('xlsx');
    expect(read.ok && read.findings.some((f) => f.rule === 'T3-BAL')).toBe(true);
  });
});
