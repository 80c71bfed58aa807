/**
 * Test helpers: build published reports the way offices do — a DOCX with merged cells (the `docx` library,
 * rowSpan/columnSpan from the format's own grids), plain text in several layouts — from report data JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { SECTIONS, formatFor, type ReportFormat, type TableLayout } from '../../shared/report/format.js';
import { chineseDate, computeTotals, type Cells } from '../../shared/report/model.js';
import { toReportData, type ReportData } from '../../shared/schema/reportData.js';

export function loadData(name: string): ReportData {
  return JSON.parse(readFileSync(new URL(`../fixtures/data/${name}.json`, import.meta.url), 'utf8')) as ReportData;
}
export function loadPublished(name: string): string {
  return readFileSync(new URL(`../fixtures/published/${name}.txt`, import.meta.url), 'utf8');
}

export interface MakeOptions {
  /** rewrite a printed label (typos, 「(一)」, 「1、」) */
  label?: (text: string) => string;
  /** cells printed blank */
  blank?: ReadonlySet<string>;
  /** DOCX: put everything inside a one-cell layout table */
  frame?: boolean;
}

function valueText(data: ReportData, key: string, opts: MakeOptions): string {
  if (opts.blank?.has(key)) return '';
  const v = data.cells[key];
  return v === null || v === undefined ? '' : String(v);
}

function docxTable(layout: TableLayout, data: ReportData, opts: MakeOptions): Table {
  const rows = layout.rows.map(
    (row) =>
      new TableRow({
        children: row.map(
          (c) =>
            new TableCell({
              columnSpan: c.colSpan,
              rowSpan: c.rowSpan,
              children: [new Paragraph({ children: [new TextRun(c.cell ? valueText(data, c.cell, opts) : (opts.label ?? ((t) => t))(c.text ?? ''))] })],
            }),
        ),
      }),
  );
  return new Table({
    rows,
    columnWidths: layout.widths.map((w) => Math.round((w / 100) * 9000)),
    width: { size: 9000, type: WidthType.DXA },
  });
}

/** A DOCX of the report: title, preface, the six headings with their text and tables (merged cells), 落款. */
export async function makeDocx(data: ReportData, opts: MakeOptions = {}): Promise<Buffer> {
  const format = formatFor(data.format, Object.keys(data.cells));
  const children: (Paragraph | Table)[] = [];
  const para = (t: string, align?: (typeof AlignmentType)[keyof typeof AlignmentType]) => new Paragraph({ alignment: align, children: [new TextRun(t)] });
  children.push(para(data.title ?? `${data.organ ?? ''}${data.year}年政府信息公开工作年度报告`, AlignmentType.CENTER));
  for (const p of (data.sections?.preface ?? '').split('\n').filter(Boolean)) children.push(para(p));
  for (const s of SECTIONS) {
    children.push(para(s.heading));
    for (const p of (data.sections?.[s.key] ?? '').split('\n').filter(Boolean)) children.push(para(p));
    const layout = s.table ? format.tables.find((t) => t.id === s.table) : undefined;
    if (layout) children.push(docxTable(layout, data, opts));
  }
  if (data.signature?.organ) children.push(para(data.signature.organ, AlignmentType.RIGHT));
  if (data.signature?.date) children.push(para(chineseDate(data.signature.date), AlignmentType.RIGHT));
  if (opts.frame) {
    // the whole report inside a one-cell table (a layout some offices use)
    const frame = new Table({ rows: [new TableRow({ children: [new TableCell({ children })] })], columnWidths: [9000], width: { size: 9000, type: WidthType.DXA } });
    return Packer.toBuffer(new Document({ sections: [{ children: [frame] }] }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Convert a DOCX to PDF with LibreOffice (a real PDF with a text layer, tables drawn by a real layout engine). */
export function docxToPdf(docx: Buffer, options: { password?: string } = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'import-pdf-'));
  const src = join(dir, 'report.docx');
  writeFileSync(src, docx);
  const filter = options.password
    ? `pdf:writer_pdf_Export:${JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: options.password } })}`
    : 'pdf';
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', filter, '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(join(dir, 'report.pdf'));
}

export { VerticalMergeType };

export type TextLayout = 'rows' | 'tsv' | 'cell-per-line' | 'wrapped' | 'values-first';

export interface TextOptions extends MakeOptions {
  layout: TextLayout;
  /** header words printed one (or two) characters per line, as PDFs of narrow columns extract */
  splitHeaders?: 1 | 2;
  /** a stray number printed right after this cell */
  strayAfter?: { key: string; value: number };
  /** print the 落款 */
  signature?: boolean;
  /** the mark a blank cell is printed with (「—」, 「_」); none: a blank cell prints nothing */
  blankMark?: string;
}

function chunks(s: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
}

/** A published report as extracted text, in one of the layouts real extractions show. */
export function makeText(data: ReportData, opts: TextOptions): string {
  const format = formatFor(data.format, Object.keys(data.cells));
  const label = opts.label ?? ((t: string) => t);
  const out: string[] = [];
  out.push(data.title ?? `${data.organ ?? ''}${data.year}年政府信息公开工作年度报告`, '');
  for (const p of (data.sections?.preface ?? '').split('\n').filter(Boolean)) out.push(p, '');
  for (const s of SECTIONS) {
    out.push(s.heading, '');
    for (const p of (data.sections?.[s.key] ?? '').split('\n').filter(Boolean)) out.push(p, '');
    const layout = s.table ? format.tables.find((t) => t.id === s.table) : undefined;
    if (!layout) continue;
    for (const row of layout.rows) {
      const texts: string[] = [];
      const values: string[] = [];
      for (const c of row) {
        if (c.cell) {
          const v = valueText(data, c.cell, opts) || (opts.blank?.has(c.cell) ? (opts.blankMark ?? '') : '');
          if (v !== '' || opts.layout === 'tsv') values.push(v);
          if (opts.strayAfter?.key === c.cell) values.push(String(opts.strayAfter.value));
        } else {
          let t = label(c.text ?? '');
          if (c.role === 'header' && opts.splitHeaders) t = chunks(t, opts.splitHeaders).join('\n');
          texts.push(t);
        }
      }
      switch (opts.layout) {
        case 'rows':
          out.push([...texts, ...values].join(' '));
          break;
        case 'tsv':
          out.push([...texts, ...values].join('\t'));
          break;
        case 'cell-per-line':
          out.push(...texts, ...values);
          break;
        case 'values-first':
          // PDF content order: a row's figures before its label
          if (values.length) out.push(values.join(' '));
          out.push(...texts);
          break;
        case 'wrapped': {
          // Labels broken every 9 characters; the values on the label's last line.
          const broken = texts.flatMap((t) => chunks(t, 9));
          const last = broken.pop() ?? '';
          out.push(...broken, [last, ...values].join(' '));
          break;
        }
      }
    }
    out.push('');
  }
  if (opts.signature !== false && data.signature?.organ) out.push('', data.signature.organ);
  if (opts.signature !== false && data.signature?.date) out.push(chineseDate(data.signature.date));
  return out.join('\n');
}

/** Every entered cell a different small figure; printed totals as the sums. */
export function richData(format: ReportFormat, year: number): ReportData {
  const cells: Cells = {};
  format.cells.forEach((c, i) => {
    if (c.sumOf) return;
    if (c.kind === 'text') cells[c.key] = `${100 + i}.5 万元`;
    else if (c.kind === 'signed') cells[c.key] = i % 2 === 0 ? -((i % 5) + 1) : i % 13;
    else if (c.kind === 'amount') cells[c.key] = 21613.91;
    else cells[c.key] = (i * 7) % 23;
  });
  const totals = computeTotals(format, cells);
  for (const [k, v] of totals) cells[k] = v;
  const base = loadData('xinxiang-county-office-2024');
  const report = { ...base, format: format.id, year, cells, title: `新乡县人民政府办公室${year}年政府信息公开工作年度报告` };
  const data = toReportData({ ...report, cells }, { keepPrintedTotals: true });
  // the text cell (2019 采购总金额) is not a report-data number: keep it for the printed text
  for (const c of format.cells) if (c.kind === 'text') (data.cells as Cells)[c.key] = cells[c.key] ?? null;
  return data as ReportData;
}

