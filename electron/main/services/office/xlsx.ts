/**
 * A report's three tables as an Excel workbook and back (issue 12, 「Excel both ways」): each table on its own sheet
 * laid out like the printed one (labels and merges from format.ts), labels locked (the sheet is protected; only the
 * figures can be typed), totals as formulas. A 「说明」 sheet holds the organ, year and format. Reading back takes the
 * figures from the same places, after checking that every label is where the format puts it — so a round trip is
 * lossless (numbers stay numbers, blanks stay blank, 万元 amounts keep their decimals).
 */
import ExcelJS from 'exceljs';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, SECTIONS, type ReportFormat, type TableLayout } from '../../../../shared/report/format.js';
import { canonicalTitle, computeTotals, reportFormat, type Cells, type Report } from '../../../../shared/report/model.js';
import { parseCell } from '../../../../shared/report/numbers.js';
import { placeGrid, type PlacedCell } from './grid.js';

const INFO_SHEET = '说明';
const INFO_LABELS = { organ: '机关名称', year: '年度', format: '格式' } as const;
const FORMATS_BY_NAME = new Map([FORMAT_2021, FORMAT_2021_SINGLE_OTHER, FORMAT_2019].map((f) => [f.name, f]));
/** Tables start below a title row and a blank row. */
const FIRST_ROW = 3;
/** Largest workbook read (a real one is a few dozen KB). */
export const MAX_XLSX_BYTES = 10 * 1024 * 1024;

function sheetName(layout: TableLayout): string {
  return SECTIONS.find((s) => s.table === layout.id)?.heading ?? layout.id;
}

/** Excel's A1 address of a grid position. */
function address(row: number, col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + FIRST_ROW}`;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function writeTable(ws: ExcelJS.Worksheet, layout: TableLayout, format: ReportFormat, cells: Cells, title: string): void {
  ws.getCell('A1').value = title;
  ws.getCell('A1').font = { bold: true, size: 12 };
  const placed = placeGrid(layout);
  const where = new Map(placed.filter((p) => p.cell.cell).map((p) => [p.cell.cell ?? '', address(p.row, p.col)]));
  const totals = computeTotals(format, cells);
  for (const p of placed) {
    if (p.rowSpan > 1 || p.colSpan > 1) ws.mergeCells(p.row + FIRST_ROW, p.col + 1, p.row + FIRST_ROW + p.rowSpan - 1, p.col + p.colSpan);
    const xc = ws.getCell(address(p.row, p.col));
    xc.border = BORDER;
    xc.alignment = { wrapText: true, vertical: 'middle', horizontal: p.cell.role === 'label' ? 'left' : 'center' };
    const key = p.cell.cell;
    if (!key) {
      xc.value = p.cell.text ?? '';
      xc.protection = { locked: true };
      if (p.cell.role !== 'label') xc.font = { bold: true };
      continue;
    }
    const def = format.cellByKey.get(key);
    if (def?.sumOf) {
      // A total is a formula over its parts: it stays right whatever the unit types. Its value as of writing is
      // stored too, for viewers that don't calculate.
      const formula = `SUM(${def.sumOf.map((k) => where.get(k) ?? '0').join(',')})`;
      const total = totals.get(key);
      xc.value = total === null || total === undefined ? { formula } : { formula, result: total };
      xc.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
      xc.protection = { locked: true };
    } else {
      const v = cells[key];
      xc.value = v === null || v === undefined ? null : v;
      xc.protection = { locked: false };
    }
  }
  layout.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.max(6, Math.round((w * layout.columns * 12) / 100));
  });
}

function writeInfo(ws: ExcelJS.Worksheet, report: Report, format: ReportFormat): void {
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 48;
  const rows: [string, string | number][] = [
    [INFO_LABELS.organ, report.organ ?? ''],
    [INFO_LABELS.year, report.year],
    [INFO_LABELS.format, format.name],
  ];
  rows.forEach(([label, value], i) => {
    ws.getCell(i + 1, 1).value = label;
    ws.getCell(i + 1, 1).protection = { locked: true };
    ws.getCell(i + 1, 2).value = value;
    ws.getCell(i + 1, 2).protection = { locked: i !== 0 };
  });
  ws.getCell(5, 1).value = '请只在白色格子中填写数字（空白表示未填，不是 0）；灰色的总计由公式计算。';
}

/** The report's three tables as an .xlsx workbook. */
export async function writeTablesXlsx(report: Report): Promise<Uint8Array> {
  const format = reportFormat(report);
  const wb = new ExcelJS.Workbook();
  wb.creator = '政府信息公开年度报告';
  const title = report.title ?? canonicalTitle(report.organ, report.year);
  const info = wb.addWorksheet(INFO_SHEET);
  writeInfo(info, report, format);
  await info.protect('', { selectLockedCells: true, selectUnlockedCells: true });
  for (const layout of format.tables) {
    const ws = wb.addWorksheet(sheetName(layout), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    writeTable(ws, layout, format, report.cells, `${title}·${sheetName(layout)}`);
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type XlsxReadResult = { ok: true; report: Report } | { ok: false; error: string };

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'object' ? '' : String(v);
}

/** A figure as the unit typed it: a number, a blank, or text the rules' V-NUM will name (never dropped). */
function figure(v: ExcelJS.CellValue, kind: Parameters<typeof parseCell>[1]): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const raw = text(v).trim();
  if (raw === '') return null;
  const parsed = parseCell(raw, kind);
  return parsed.ok ? parsed.value : raw.slice(0, 100);
}

function readInfo(wb: ExcelJS.Workbook): { organ: string; year: number; format: ReportFormat } | string {
  const ws = wb.getWorksheet(INFO_SHEET);
  if (!ws) return `缺少「${INFO_SHEET}」工作表，不是本程序导出的报告表格`;
  const value = (label: string): string => {
    for (let r = 1; r <= 10; r++) if (text(ws.getCell(r, 1).value).trim() === label) return text(ws.getCell(r, 2).value).trim();
    return '';
  };
  const year = Number(value(INFO_LABELS.year));
  if (!Number.isInteger(year) || year < 2008 || year > 2100) return '「说明」工作表中的年度无效';
  const format = FORMATS_BY_NAME.get(value(INFO_LABELS.format));
  if (!format) return '「说明」工作表中的格式无法识别';
  return { organ: value(INFO_LABELS.organ).slice(0, 200), year, format };
}

function readTable(ws: ExcelJS.Worksheet, layout: TableLayout, format: ReportFormat, cells: Cells): string | null {
  for (const p of placeGrid(layout)) {
    const xc = ws.getCell(address(p.row, p.col));
    const key = p.cell.cell;
    if (!key) {
      if (text(xc.value).replace(/\s+/g, '') !== (p.cell.text ?? '').replace(/\s+/g, '')) return labelError(ws, p);
      continue;
    }
    const def = format.cellByKey.get(key);
    if (!def || def.sumOf) continue;
    cells[key] = figure(xc.value, def.kind);
  }
  return null;
}

function labelError(ws: ExcelJS.Worksheet, p: PlacedCell): string {
  return `工作表「${ws.name}」${address(p.row, p.col)} 应为「${(p.cell.text ?? '').slice(0, 30)}」：表格结构被改动，无法按格式读取`;
}

/** Read a workbook written by `writeTablesXlsx` (and filled in by a unit). Never throws. */
export async function readTablesXlsx(buf: Uint8Array): Promise<XlsxReadResult> {
  if (buf.length > MAX_XLSX_BYTES) return { ok: false, error: `Excel 文件过大（上限 ${MAX_XLSX_BYTES / 1024 / 1024} MB）` };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as unknown as ArrayBuffer);
  } catch {
    return { ok: false, error: '无法打开此 Excel 文件（不是有效的 .xlsx，或已损坏）' };
  }
  const info = readInfo(wb);
  if (typeof info === 'string') return { ok: false, error: info };
  const cells: Cells = {};
  for (const layout of info.format.tables) {
    const ws = wb.getWorksheet(sheetName(layout));
    if (!ws) return { ok: false, error: `缺少工作表「${sheetName(layout)}」` };
    const problem = readTable(ws, layout, info.format, cells);
    if (problem) return { ok: false, error: problem };
  }
  const report: Report = { format: info.format.id, year: info.year, cells };
  if (info.organ) report.organ = info.organ;
  return { ok: true, report };
}
