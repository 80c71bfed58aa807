/**
 * Test helpers: build published reports the way offices do — a DOCX with merged cells (the `docx` library,
 * rowSpan/columnSpan from the format's own grids), plain text in several layouts — from report data JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalMergeType, WidthType } from 'docx';
import { SECTIONS, formatFor, type TableLayout } from '../../shared/report/format.js';
import { chineseDate } from '../../shared/report/model.js';
import type { ReportData } from '../../shared/schema/reportData.js';

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
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** Convert a DOCX to PDF with LibreOffice (a real PDF with a text layer, tables drawn by a real layout engine). */
export function docxToPdf(docx: Buffer): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'import-pdf-'));
  const src = join(dir, 'report.docx');
  writeFileSync(src, docx);
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
  return readFileSync(join(dir, 'report.pdf'));
}

export { VerticalMergeType };
