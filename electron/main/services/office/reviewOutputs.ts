/**
 * What a batch review hands over: the review table as .xlsx (one row per unit, counts by rule, and every finding on
 * a second sheet) and a printable 审核意见 per unit (DOCX, the report's own writer).
 */
import ExcelJS from 'exceljs';
import { renderDocx } from '../../../../shared/render/docx.js';
import { buildOpinionModel } from '../../../../shared/rollup/opinions.js';
import { rulesNamed, UNIT_FILE_KIND_NAMES, verdictOf, type ReviewRow } from '../../../../shared/rollup/review.js';

const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8E8E8' } };

function summarySheet(wb: ExcelJS.Workbook, rows: readonly ReviewRow[]): void {
  const rules = rulesNamed(rows);
  const ws = wb.addWorksheet('核查结果', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const columns = ['序号', '单位', '文件', '类型', '年度', '结论', '错误', '警告', '解析存疑', ...rules, '无法核查的原因'];
  ws.addRow(columns);
  rows.forEach((r, i) => {
    ws.addRow([
      i + 1,
      r.unit,
      r.file,
      r.kind ? UNIT_FILE_KIND_NAMES[r.kind] : '',
      r.year ?? '',
      verdictOf(r),
      r.errors,
      r.warnings,
      r.doubts,
      ...rules.map((id) => r.byRule[id] ?? 0),
      r.reason ?? '',
    ]);
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  ws.getColumn(2).width = 28;
  ws.getColumn(3).width = 32;
  ws.getColumn(columns.length).width = 40;
}

function detailSheet(wb: ExcelJS.Workbook, rows: readonly ReviewRow[]): void {
  const ws = wb.addWorksheet('问题明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['单位', '文件', '规则', '类别', '问题']);
  for (const r of rows) {
    for (const f of r.findings) ws.addRow([r.unit, r.file, f.rule, f.severity === 'error' ? '错误' : '警告', f.message]);
    for (const u of r.uncertain) ws.addRow([r.unit, r.file, '解析存疑', '存疑', `${u.name}：${u.reason}`]);
    if (r.status === 'failed') ws.addRow([r.unit, r.file, '无法核查', '错误', r.reason ?? '']);
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 32;
  ws.getColumn(5).width = 90;
}

/** The review table as an .xlsx workbook. */
export async function writeReviewXlsx(rows: readonly ReviewRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '政府信息公开年度报告';
  summarySheet(wb, rows);
  detailSheet(wb, rows);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A file name for a unit's 审核意见 (unique within one review). */
export function opinionFileName(row: ReviewRow, index: number): string {
  const safe = row.unit.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 80) || '单位';
  return `审核意见-${String(index + 1).padStart(3, '0')}-${safe}.docx`;
}

/** One unit's 审核意见 as DOCX. */
export async function writeOpinionDocx(row: ReviewRow, options: { date?: string; reviewer?: string } = {}): Promise<Uint8Array> {
  const model = buildOpinionModel(row, options);
  return renderDocx(model, { title: model.title });
}
