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
  DocumentGridType,
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
import JSZip from 'jszip';
import type { Block, DocModel, ModelCell, ModelTable, Run, SignatureLayout } from './model.js';
import { crossedBoundaries, rowBreakAllowed } from './paginate.js';
import {
  BODY_SPACING_TWIPS,
  CHAR_PITCH_PT,
  DOCX_CHAR_SPACE,
  FONTS,
  LATIN_FONT,
  LINE_TWIPS,
  MARGIN_TWIPS,
  FOLIO_DASH_DROP_MM,
  PAGE_NUMBER_GAP_MM,
  PAGE_TWIPS,
  SIGNOFF_LABEL_PAD_PT,
  SIZES,
  TABLE_LEADING,
  TABLE_PAD_PT,
  TEXT_WIDTH_TWIPS,
  type FontRole,
} from './typography.js';

/**
 * The four font slots of a run: Latin digits in Times New Roman, everything else in the Chinese font — except in the
 * title, whose year is set in the title's own face so it has the title's weight, and in the folio, whose digits are
 * 宋体's half-width ones (GB/T 9704-2012 7.5: 4号半角宋体阿拉伯数字).
 */
export function runFonts(role: FontRole, digitsInRoleFont = role === 'title'): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  const name = FONTS[role].name;
  return { ascii: digitsInRoleFont ? name : LATIN_FONT.name, hAnsi: name, eastAsia: name, cs: name };
}

const halfPoints = (pt: number) => Math.round(pt * 2);
const pt2twips = (pt: number) => Math.round(pt * 20);
const mm2twips = (mm: number) => Math.round((mm * 1440) / 25.4);

const LANG = { value: 'en-US', eastAsia: 'zh-CN' } as const;

function run(text: string, role: FontRole, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: runFonts(role), size: halfPoints(sizePt), language: LANG, ...extra });
}

const exactLine = { line: LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;
/** Two characters of the grid (Word and WPS read firstLineChars; others the twips). */
const BODY_INDENT = { firstLine: pt2twips(CHAR_PITCH_PT * 2) };
/** Text not on the character grid: the title (22 pt), tables, folios — the grid is for the 16 pt body. */
const OFF_GRID = { snapToGrid: false } as const;

/** Body text: 0.25 pt tighter than the face, so 28 characters fill the line (typography.ts). */
const BODY_SPACING = { characterSpacing: BODY_SPACING_TWIPS } as const;

function bodyRun(r: Run): TextRun {
  if (r.style === 'kai') return run(r.text, 'kai', SIZES.body, BODY_SPACING);
  return run(r.text, 'body', SIZES.body, r.style === 'bold' ? { ...BODY_SPACING, bold: true, boldComplexScript: true } : BODY_SPACING);
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

function cellParagraph(c: ModelCell, t: ModelTable, keepNext: boolean, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    // keep-with-next on a row's paragraphs keeps the row on the page of the next row (Word, WPS, LibreOffice)
    ...(keepNext ? { keepNext: true } : {}),
    children: c.text ? [run(c.text, 'table', t.fontSizePt, OFF_GRID)] : [],
    alignment: c.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
    // Tables set their own spacing: document defaults (exact 28.9 pt, first-line indent) must not apply in cells.
    // exact, as the HTML's line-height: "at least" would take the face's own taller line (1.44 em in Noto CJK)
    spacing: { line: Math.round(t.fontSizePt * 20 * TABLE_LEADING[t.id]), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    indent: { firstLine: 0, left: 0, right: 0 },
  });
}

/** Rows kept with the next one: where the pagination rules allow no page break after them (paginate.ts). */
function rowKeepsWithNext(t: ModelTable): boolean[] {
  const crossed = crossedBoundaries(t);
  return t.rows.map((_, r) => r < t.rows.length - 1 && (r < t.headerRows || !rowBreakAllowed(t, r + 1, crossed)));
}

function tableDocx(t: ModelTable, pageBreakBefore = false): Table {
  const cols = columnWidthsTwips(t.widths);
  // Each cell's width is the sum of the grid columns it spans; track which grid columns rows below
  // a rowspan have taken so each cell finds its starting column.
  const occupied: number[][] = t.rows.map(() => []);
  const keep = rowKeepsWithNext(t);
  const pad = pt2twips(TABLE_PAD_PT[t.id]);
  const rows = t.rows.map((row, ri) => {
    let col = 0;
    const cells = row.map((c) => {
      while (occupied[ri]?.includes(col)) col++;
      const start = col;
      const width = cols.slice(start, start + c.colSpan).reduce((a, b) => a + b, 0);
      for (let r = ri; r < ri + c.rowSpan; r++) for (let k = start; k < start + c.colSpan; k++) occupied[r]?.push(k);
      col = start + c.colSpan;
      return new TableCell({
        // a page break before the first cell's paragraph starts the table on a new page (Word, WPS, LibreOffice)
        children: [cellParagraph(c, t, keep[ri] === true, pageBreakBefore && ri === 0 && start === 0)],
        columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        textDirection: c.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
        shading: c.role === 'group' ? { fill: 'DBE5F1', type: ShadingType.CLEAR, color: 'auto' } : undefined,
        // Table 二 (larger type, few rows) gets airier rows, as printed reports have; table 三 must fit one page.
        margins: {
          ...(t.id === 'signoff' && ri !== 1 ? { top: pt2twips(SIGNOFF_LABEL_PAD_PT), bottom: pt2twips(SIGNOFF_LABEL_PAD_PT) } : { top: pad, bottom: pad }), left: t.id === 'active' ? 80 : 40, right: t.id === 'active' ? 80 : 40 },
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

/** `beforeSignature`: the block the 落款 follows, kept on its page (GB/T 9704 7.3.5: the 落款 never stands alone). */
function blockDocx(b: Block, pageBreakBefore: boolean, last: boolean, beforeSignature = false): (Paragraph | Table)[] {
  const breakBefore = pageBreakBefore ? { pageBreakBefore: true } : {};
  switch (b.kind) {
    case 'title':
      return [
        new Paragraph({
          children: b.lines.flatMap((l, i) => [run(l, 'title', SIZES.title, { ...OFF_GRID, ...(i > 0 ? { break: 1 } : {}) })]),
          alignment: AlignmentType.CENTER,
          // One blank line under the title (GB/T 9704).
          spacing: { ...exactLine, after: LINE_TWIPS },
          keepNext: true,
        }),
      ];
    case 'heading':
      return [new Paragraph({ children: [run(b.text, 'heading', SIZES.body, BODY_SPACING)], spacing: exactLine, indent: BODY_INDENT, keepNext: true, keepLines: true, ...breakBefore })];
    case 'paragraph':
      return [
        new Paragraph({
          children: b.runs.map(bodyRun),
          spacing: exactLine,
          indent: BODY_INDENT,
          alignment: AlignmentType.JUSTIFIED,
          // two lines at least on either side of a page break, as the PDF's pagination; a heading line kept with its text
          widowControl: true,
          ...(b.keepWithNext ? { keepNext: true, keepLines: true } : beforeSignature ? { keepNext: true } : {}),
          ...breakBefore,
        }),
      ];
    case 'table':
      // A table directly followed by a heading needs a paragraph between them (Word merges adjacent tables); the
      // paragraph a document must end with after a last table takes 1 pt, so it never makes a page of its own.
      return [tableDocx(b.table, pageBreakBefore), new Paragraph({ children: [], spacing: { line: last ? 20 : 280, lineRule: LineRuleType.EXACT, before: 0, after: 0 } })];
    case 'signature':
      return signatureDocx(b);
  }
}

/** The 落款 (model.ts signatureLayout): right-aligned lines, their right indents in characters of the grid. */
function signatureDocx(b: SignatureLayout): Paragraph[] {
  const line = (text: string, rightChars: number, keepNext: boolean) =>
    new Paragraph({
      children: [run(text, 'body', SIZES.body, BODY_SPACING)],
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(pt2twips(CHAR_PITCH_PT * rightChars)), firstLine: 0 },
      spacing: exactLine,
      keepNext,
      keepLines: true,
    });
  const out: Paragraph[] = [];
  for (let i = 0; i < b.blankLinesBefore; i++) out.push(new Paragraph({ children: [], spacing: exactLine, keepNext: true }));
  if (b.organ) out.push(line(b.organ, b.organRightChars, b.date !== ''));
  if (b.date) out.push(line(b.date, b.dateRightChars, false));
  return out;
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
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: runFonts('table', true), size: halfPoints(SIZES.pageNumber), language: LANG, ...OFF_GRID }),
        ],
      }),
    ],
  });
}

/**
 * Footer distance from the page edge: the folio's line (exact 1.2 × 14 pt) has its middle — where the 一字线 is —
 * 7 mm below the text area (GB/T 9704-2012 7.5); Word and LibreOffice measure to the footer's bottom.
 */
export const FOOTER_TWIPS = MARGIN_TWIPS.bottom - mm2twips(PAGE_NUMBER_GAP_MM - FOLIO_DASH_DROP_MM.docx) - Math.round(pt2twips(SIZES.pageNumber * 1.2) / 2);

export interface DocxOptions {
  title?: string;
  creator?: string;
  /** blocks that start a new page (paginate.ts pageStartsForWholeTables, when the PDF's pagination is known) */
  pageBreakBefore?: ReadonlySet<number>;
}

export function buildDocxDocument(model: DocModel, options: DocxOptions = {}): Document {
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
      // The Normal style names the body size too: LibreOffice takes the grid's character width from it (12 pt otherwise).
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: bodyFonts, size: halfPoints(SIZES.body) }, paragraph: { spacing: exactLine } }],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { ...MARGIN_TWIPS, header: 851, footer: FOOTER_TWIPS, gutter: 0 },
          },
          // 22 lines of 28 characters (GB/T 9704): Word and WPS set the body's characters at this pitch
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_TWIPS, charSpace: DOCX_CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: model.blocks.flatMap((b, i) =>
          blockDocx(b, options.pageBreakBefore?.has(i) === true, i === model.blocks.length - 1, model.blocks[i + 1]?.kind === 'signature'),
        ),
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

/**
 * Paragraph defaults the `docx` library can't write: no punctuation hanging past the margin (overflowPunct: the
 * line stays inside the 156 mm, as Chromium sets it, a 、 taking the character before it to the next line), no
 * automatic space between Chinese and digits or Latin (autoSpaceDE/DN — Chromium adds none, GB/T 9704 asks for
 * none), and paragraphs set by their own character
 * spacing rather than snapped to the grid (snapToGrid off: LibreOffice would put each 16 pt character in two
 * 15.79 pt grid cells). Elements in the schema's order, before the spacing already there.
 */
export function withParagraphDefaults(stylesXml: string): string {
  const settings = '<w:overflowPunct w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/>';
  // in the defaults and in the Normal style too (LibreOffice reads overflowPunct from the style, not the defaults)
  return stylesXml
    .replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${settings}`)
    .replace(/(<w:style w:type="paragraph" w:styleId="Normal"[^>]*>(?:(?!<\/w:style>).)*?<w:pPr>)/, `$1${settings}`);
}

/** The DOCX file's bytes (Node and browser alike). */
export async function renderDocx(model: DocModel, options: DocxOptions = {}): Promise<Uint8Array> {
  const buf = await Packer.toArrayBuffer(buildDocxDocument(model, options), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  const zip = await JSZip.loadAsync(buf);
  const styles = await zip.file('word/styles.xml')?.async('string');
  if (styles === undefined) throw new Error('DOCX without word/styles.xml');
  zip.file('word/styles.xml', withParagraphDefaults(styles));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
