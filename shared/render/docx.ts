/**
 * DOCX writer (`docx` library): the document model as a Word file in GB/T 9704 typography (spec §5).
 *
 * - A4 and margins as twip constants; fixed line pitch (EXACT); odd/even footers with a PAGE field.
 * - Every run names all four font slots (ascii, hAnsi, eastAsia, cs). hAnsi is the Chinese font, so
 *   dashes, ellipses and quotes stay in it; ascii is Times New Roman for digits and Latin letters.
 *   The document defaults name the same fonts: no theme fonts anywhere.
 * - Tables: explicit DXA column widths summing to the text width, fixed layout, cell widths, their own
 *   paragraph spacing, header rows marked to repeat, merges written as HTML-like row/column spans.
 * Runs in Node and in the browser (no Node built-ins): returns the bytes as a Uint8Array.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { Block, DocModel, ModelCell, ModelTable, Run } from './model.js';
import { FONTS, LATIN_FONT, LINE_TWIPS, MARGIN_TWIPS, PAGE_NUMBER_GAP_MM, PAGE_TWIPS, SIZES, TEXT_WIDTH_TWIPS, type FontRole } from './typography.js';

/** The four font slots of a run: Latin digits in Times New Roman, everything else in the Chinese font. */
export function runFonts(role: FontRole): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const name = FONTS[role].name;
  return { ascii: LATIN_FONT.name, hAnsi: name, eastAsia: name, cs: name };
}

const halfPoints = (pt: number) => Math.round(pt * 2);
const pt2twips = (pt: number) => Math.round(pt * 20);
const mm2twips = (mm: number) => Math.round((mm * 1440) / 25.4);

const LANG = { value: 'en-US', eastAsia: 'zh-CN' } as const;

function run(text: string, role: FontRole, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: runFonts(role), size: halfPoints(sizePt), language: LANG, ...extra });
}

const exactLine = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
const BODY_INDENT = { firstLine: pt2twips(SIZES.body * 2) };

function bodyRun(r: Run): TextRun {
  if (r.style === 'kai') return run(r.text, 'kai', SIZES.body);
  return run(r.text, 'body', SIZES.body, r.style === 'bold' ? { bold: true, boldComplexScript: true } : {});
}

/** Integer DXA widths from relative widths: rounded, the last column takes the remainder, summing exactly to `total`. */
export function columnWidthsTwips(widths: readonly number[], total = TEXT_WIDTH_TWIPS): number[] {
  const sum = widths.reduce((a, b) => a + b, 0);
  const out = widths.map((w) => Math.floor((w / sum) * total));
  const used = out.slice(0, -1).reduce((a, b) => a + b, 0);
  out[out.length - 1] = total - used;
  return out;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };

function cellParagraph(c: ModelCell, sizePt: number, keepNext: boolean): Paragraph {
  return new Paragraph({
    // keep-with-next on a row's paragraphs keeps the row on the page of the next row (Word, WPS, LibreOffice)
    ...(keepNext ? { keepNext: true } : {}),
    children: c.text ? [run(c.text, 'table', sizePt)] : [],
    alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    // Tables set their own spacing: document defaults (exact 28.9 pt, first-line indent) must not apply in cells.
    spacing: { line: Math.round(sizePt * 20 * 1.3), lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
    indent: { firstLine: 0, left: 0, right: 0 },
  });
}

function tableDocx(t: ModelTable): Table {
  const cols = columnWidthsTwips(t.widths);
  // Each cell's width is the sum of the grid columns it spans; track which grid columns rows below
  // a rowspan have taken so each cell finds its starting column.
  const occupied: number[][] = t.rows.map(() => []);
  const rows = t.rows.map((row, ri) => {
    let col = 0;
    const cells = row.map((c) => {
      while (occupied[ri]?.includes(col)) col++;
      const start = col;
      const width = cols.slice(start, start + c.colSpan).reduce((a, b) => a + b, 0);
      for (let r = ri; r < ri + c.rowSpan; r++) for (let k = start; k < start + c.colSpan; k++) occupied[r]?.push(k);
      col = start + c.colSpan;
      return new TableCell({
        children: [cellParagraph(c, t.fontSizePt, t.keepWithNext[ri] === true)],
        columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        textDirection: c.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
        shading: c.role === 'group' ? { fill: 'DBE5F1', type: ShadingType.CLEAR, color: 'auto' } : undefined,
        // Table 二 (larger type, few rows) gets airier rows, as printed reports have.
        margins: t.id === 'active' ? { top: 70, bottom: 70, left: 80, right: 80 } : { top: 40, bottom: 40, left: 60, right: 60 },
      });
    });
    return new TableRow({ children: cells, cantSplit: true, ...(ri < t.headerRows ? { tableHeader: true } : {}) });
  });
  return new Table({
    rows,
    columnWidths: cols,
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
  });
}

function blockDocx(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          children: b.lines.flatMap((l, i) => [run(l, 'title', SIZES.title, i > 0 ? { break: 1 } : {})]),
          alignment: AlignmentType.CENTER,
          // One blank line under the title (GB/T 9704).
          spacing: { ...exactLine, after: LINE_TWIPS },
          keepNext: true,
        }),
      ];
    case 'heading':
      return [new Paragraph({ children: [run(b.text, 'heading', SIZES.body)], spacing: exactLine, indent: BODY_INDENT, keepNext: true, keepLines: true })];
    case 'paragraph':
      return [new Paragraph({ children: b.runs.map(bodyRun), spacing: exactLine, indent: BODY_INDENT, alignment: AlignmentType.JUSTIFIED })];
    case 'table':
      // A table directly followed by a heading needs a paragraph between them (Word merges adjacent tables).
      return [tableDocx(b.table), new Paragraph({ children: [], spacing: { line: 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 } })];
    case 'signature': {
      const right = { right: pt2twips(SIZES.body * 2), firstLine: 0 };
      const out: Paragraph[] = [];
      // Two blank lines before the 落款.
      out.push(new Paragraph({ children: [], spacing: exactLine }), new Paragraph({ children: [], spacing: exactLine }));
      if (b.organ) out.push(new Paragraph({ children: [run(b.organ, 'body', SIZES.body)], alignment: AlignmentType.RIGHT, indent: right, spacing: exactLine, keepNext: true }));
      if (b.date) out.push(new Paragraph({ children: [run(b.date, 'body', SIZES.body)], alignment: AlignmentType.RIGHT, indent: right, spacing: exactLine }));
      return out;
    }
  }
}

/** Odd pages: number on the right, one character in; even pages: on the left, one character in. */
function pageNumberFooter(side: 'right' | 'left'): Footer {
  const oneChar = pt2twips(SIZES.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar, firstLine: 0 } : { left: oneChar, firstLine: 0 },
        spacing: { line: pt2twips(SIZES.pageNumber * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFonts('table'), size: halfPoints(SIZES.pageNumber), language: LANG }),
        ],
      }),
    ],
  });
}

/**
 * Footer distance from the page edge: the number's line starts 7 mm below the text area, so its bottom
 * is the bottom margin less 7 mm less one line of 14 pt.
 */
export const FOOTER_TWIPS = MARGIN_TWIPS.bottom - mm2twips(PAGE_NUMBER_GAP_MM) - pt2twips(SIZES.pageNumber * 1.2);

export function buildDocxDocument(model: DocModel, options: { title?: string; creator?: string } = {}): Document {
  const bodyFonts = runFonts('body');
  return new Document({
    creator: options.creator ?? '政府信息公开年度报告',
    lastModifiedBy: options.creator ?? '政府信息公开年度报告',
    title: options.title ?? model.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: bodyFonts, size: halfPoints(SIZES.body), language: LANG },
          paragraph: { spacing: exactLine },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { ...MARGIN_TWIPS, header: 851, footer: FOOTER_TWIPS, gutter: 0 },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: model.blocks.flatMap(blockDocx),
      },
    ],
  });
}

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The font table: every font the document names, with its first fallback as `altName` and the GB2312
 * character set, so Word and WPS substitute a Chinese face (not a Latin one) on a machine without it.
 */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS).map((f) => ({
    name: f.name,
    alt: f.fallbacks[0],
    charset: '86',
    family: f.generic === 'sans-serif' ? 'modern' : 'roman',
    pitch: 'variable',
  }));
  fonts.push({ name: LATIN_FONT.name, alt: undefined, charset: '00', family: 'roman', pitch: 'variable' });
  const seen = new Set<string>();
  const entries = fonts
    .filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)))
    .map(
      (f) =>
        `<w:font w:name="${xmlAttr(f.name)}">${f.alt ? `<w:altName w:val="${xmlAttr(f.alt)}"/>` : ''}<w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

/** The DOCX file's bytes (Node and browser alike). */
export async function renderDocx(model: DocModel, options: { title?: string; creator?: string } = {}): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(buildDocxDocument(model, options), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buf);
}
