/**
 * The intermediate document (engineering §5): a report turned into title, headings, paragraphs,
 * tables with merges and the 落款 — once. The HTML writer (preview, print, PDF) and the DOCX writer both
 * read this model, so they cannot disagree about content.
 */
import { SECTIONS, tableLayout, type GridCell, type TableId } from '../report/format.js';
import { formatCellValue } from '../report/numbers.js';
import { canonicalTitle, chineseDate, isStandardTitle, reportFormat, resolvedCells, type Report } from '../report/model.js';
import { CHARS_PER_LINE, SIZES, TITLE_CHARS_PER_LINE, textWidthChars } from './typography.js';

/** How a stretch of text is set: body 仿宋, run-in （一） heading 楷体, run-in 1. heading bold 仿宋. */
export type RunStyle = 'body' | 'kai' | 'bold';

export interface Run {
  text: string;
  style: RunStyle;
}

export interface ModelCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  role: GridCell['role'];
  /** written top to bottom (「三、本年度办理结果」) */
  vertical: boolean;
  /** numbers are centred, labels left, headers centred */
  align: 'left' | 'center';
  /** the canonical key when the cell holds a figure */
  cell?: string;
}

export interface ModelTable {
  /** the report's tables, or the review sheet's: findings, the bundle's file digests, the sign-off boxes */
  id: TableId | 'findings' | 'files' | 'states' | 'signoff';
  columns: number;
  /** relative widths summing to 100 */
  widths: readonly number[];
  /** leading rows repeated on every page */
  headerRows: number;
  /**
   * Rows that stay on one page with the row after them: table 二's 「第二十条…」 and 「信息内容」 rows (never
   * left alone at a page foot), and table 三's header, 一、二 and first results, so the part of the tall
   * merged cell 「三、本年度办理结果」 on the first page is high enough for its vertical label (a word
   * processor does not carry a merged cell's text over a page break; Chromium does, so HTML keeps only
   * group and heading rows).
   */
  keepWithNext: boolean[];
  fontSizePt: number;
  rows: ModelCell[][];
}

export type Block =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; runs: Run[]; keepWithNext?: boolean }
  | { kind: 'table'; table: ModelTable }
  | ({ kind: 'signature' } & SignatureLayout);

/**
 * The 落款 (GB/T 9704-2012 7.3.5): 'sealed' (7.3.5.1, the default: the filed copy is signed and sealed) puts the
 * 成文日期 four characters in from the right and centres the 发文机关署名 above it; 'unsealed' (7.3.5.2) puts the
 * 署名 two characters in and starts the date two characters right of the 署名's first character.
 */
export type SignatureStyle = 'sealed' | 'unsealed';

export interface SignatureLayout {
  organ: string;
  date: string;
  style: SignatureStyle;
  /** right indents in characters of the grid (quarter-character steps) */
  organRightChars: number;
  dateRightChars: number;
  /** blank lines between the text and the 署名 */
  blankLinesBefore: number;
}

export interface DocModelOptions {
  signature?: SignatureStyle;
}

export interface DocModel {
  /** the title as printed, one string (for file names and metadata) */
  title: string;
  year: number;
  blocks: Block[];
}

// ---------------------------------------------------------------------------------------------
// User text

/**
 * Characters that must never reach a document: C0/C1 controls (except tab and newlines, handled by the
 * caller), lone surrogates, non-characters U+FFFE/U+FFFF, and bidi overrides that would reorder text.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Strip control characters from one line of user text (tabs become spaces). */
export function cleanText(s: string): string {
  return s.replace(/\t/g, ' ').replace(CONTROL, '');
}

/** Paragraphs of a section: one per non-empty line, indentation (spaces, 全角空格) removed. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((line) => cleanText(line).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');
}

const CN_NUM = '[一二三四五六七八九十]{1,3}';
/** 「（一）主动公开情况。」 / 「(二)依申请公开：」 — a run-in sub-heading ending at 。 or ： within 40 characters. */
const KAI_RUN_IN = new RegExp(`^([（(]${CN_NUM}[）)][^。：:！？!?\\n]{0,40}?[。：:])`);
const KAI_MARK = new RegExp(`^[（(]${CN_NUM}[）)]`);
/** 「1.加强组织领导。」 — a run-in third-level heading (bold 仿宋); not 「1.2万条」. */
const BOLD_RUN_IN = /^(\d{1,2}[.．、](?!\d)[^。：:！？!?\n]{1,30}?[。：:])/;

/** One paragraph of narrative: detect a run-in （一） or 1. sub-heading at its start. */
export function paragraphRuns(text: string): Run[] {
  const kai = KAI_RUN_IN.exec(text);
  if (kai?.[1]) return runs(kai[1], 'kai', text.slice(kai[1].length));
  if (KAI_MARK.test(text)) {
    // A heading on its own line (「（一）主动公开」) or a bare marker before a long sentence.
    if (text.length <= 40 && !/[。；;]/.test(text.slice(0, -1))) return [{ text, style: 'kai' }];
    const mark = KAI_MARK.exec(text)?.[0] ?? '';
    return runs(mark, 'kai', text.slice(mark.length));
  }
  const bold = BOLD_RUN_IN.exec(text);
  if (bold?.[1]) return runs(bold[1], 'bold', text.slice(bold[1].length));
  return [{ text, style: 'body' }];
}

function runs(head: string, style: RunStyle, rest: string): Run[] {
  const out: Run[] = [{ text: head, style }];
  if (rest) out.push({ text: rest, style: 'body' });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Title

/**
 * The title printed: the report's own when it has the standard form for its year (e.g. the organ's full name
 * differs from 机关名称), else the canonical one — a malformed title (F-TITLE) is never printed again.
 */
export function printedTitle(report: Pick<Report, 'title' | 'year'>, organ: string): string {
  const own = cleanText(report.title ?? '').replace(/\s+/g, '');
  return own && isStandardTitle(own, report.year) ? own : canonicalTitle(organ, report.year);
}

/**
 * The title's lines: one line when it fits; otherwise broken after the organ name (「淮安市人民政府」 /
 * 「2024年政府信息公开工作年度报告」), as published reports do, or — for a title the clerk wrote that doesn't
 * start with the organ — near the middle, so the two lines stay symmetric.
 */
export function titleLines(title: string, organ: string): string[] {
  if (title.length <= TITLE_CHARS_PER_LINE) return [title];
  if (organ !== '' && title.startsWith(organ) && title.length > organ.length) return [organ, title.slice(organ.length)];
  const half = Math.ceil(title.length / 2);
  return [title.slice(0, half), title.slice(half)];
}

// ---------------------------------------------------------------------------------------------
// Tables

/** Result rows of table 三 kept with the vertical label's first rows (9 characters need about 8 rows). */
const APPLY_KEEP_RESULT_ROWS = 8;

const TABLE_SIZES: Record<TableId, number> = { active: SIZES.tableActive, apply: SIZES.tableApply, review: SIZES.tableReview };

/** A row of headings only (「第二十条第（一）项」, 「信息内容 …」, column headers). */
export function isHeadingRow(row: readonly ModelCell[]): boolean {
  return row.length > 0 && row.every((c) => c.role === 'group' || c.role === 'header');
}

function buildTable(report: Report, id: TableId): ModelTable {
  const format = reportFormat(report);
  const layout = tableLayout(format, id);
  const values = resolvedCells(report);
  const rows = layout.rows.map((row) =>
    row.map((g): ModelCell => {
      const text = g.cell !== undefined ? cleanText(formatCellValue(values[g.cell] ?? report.cells[g.cell] ?? null)) : (g.text ?? '');
      const cell: ModelCell = {
        text,
        colSpan: g.colSpan ?? 1,
        rowSpan: g.rowSpan ?? 1,
        role: g.role,
        vertical: g.vertical === true,
        align: (g.role === 'label' && !g.vertical) || g.role === 'group' ? 'left' : 'center',
      };
      if (g.cell !== undefined) cell.cell = g.cell;
      return cell;
    }),
  );
  // Table 二's groups are self-contained; tables 三 and 四 keep their header rows at the top of each page.
  const applyKeep = id === 'apply' ? Math.min(rows.length - 1, layout.headerRows + 2 + APPLY_KEEP_RESULT_ROWS) : 0;
  const keepWithNext = rows.map((row, i) => i < rows.length - 1 && (i < applyKeep || isHeadingRow(row)));
  return { id, columns: layout.columns, widths: layout.widths, headerRows: layout.headerRows, keepWithNext, fontSizePt: TABLE_SIZES[id], rows };
}

// ---------------------------------------------------------------------------------------------
// The document

/** Indents in quarter characters (the HTML has a class for each). */
const quarterSteps = (chars: number) => Math.max(0, Math.round(chars * 4) / 4);

/** Where the 署名 and the 成文日期 go (GB/T 9704-2012 7.3.5.1 / 7.3.5.2), in characters from the right margin. */
export function signatureLayout(organ: string, date: string, style: SignatureStyle = 'sealed'): SignatureLayout {
  const organW = textWidthChars(organ);
  const dateW = textWidthChars(date);
  if (style === 'sealed') {
    // 成文日期右空四字; 署名 centred on the date
    const dateRight = 4;
    const organRight = Math.min(CHARS_PER_LINE - organW, dateRight + (dateW - organW) / 2);
    return { organ, date, style, organRightChars: quarterSteps(organRight), dateRightChars: dateRight, blankLinesBefore: 2 };
  }
  // 署名右空二字; the date starts two characters right of the 署名's first character — unless that would put it
  // nearer the edge than two characters: then the date sits two characters in and the 署名 moves left.
  let organRight = 2;
  let dateRight = CHARS_PER_LINE - (CHARS_PER_LINE - organRight - organW + 2) - dateW;
  if (dateRight < 2) {
    dateRight = 2;
    organRight = CHARS_PER_LINE - (CHARS_PER_LINE - dateRight - dateW - 2) - organW;
  }
  return { organ, date, style, organRightChars: quarterSteps(organRight), dateRightChars: quarterSteps(dateRight), blankLinesBefore: 1 };
}

/** A paragraph that is only a （一） or 1. heading on its own line: kept with the text after it. */
export function isStandaloneHeading(runs: readonly Run[]): boolean {
  return runs.length === 1 && runs[0] !== undefined && runs[0].style !== 'body';
}

function paragraphBlock(text: string): Block {
  const r = paragraphRuns(text);
  return isStandaloneHeading(r) ? { kind: 'paragraph', runs: r, keepWithNext: true } : { kind: 'paragraph', runs: r };
}

export function buildDocModel(report: Report, options: DocModelOptions = {}): DocModel {
  const organ = cleanText(report.organ ?? '').trim();
  const title = printedTitle(report, organ);
  const blocks: Block[] = [{ kind: 'title', lines: titleLines(title, organ) }];
  const sections = report.sections ?? {};
  for (const p of splitParagraphs(sections.preface ?? '')) blocks.push(paragraphBlock(p));
  for (const s of SECTIONS) {
    blocks.push({ kind: 'heading', text: s.heading });
    const paragraphs = splitParagraphs(sections[s.key] ?? '');
    // An imported section may repeat its own heading as its first line.
    if (paragraphs[0] !== undefined && sameHeading(paragraphs[0], s.heading)) paragraphs.shift();
    for (const p of paragraphs) blocks.push(paragraphBlock(p));
    if (s.table) blocks.push({ kind: 'table', table: buildTable(report, s.table) });
  }
  const signOrgan = cleanText(report.signature?.organ ?? report.organ ?? '').trim();
  const date = chineseDate(report.signature?.date);
  if (signOrgan || date) blocks.push({ kind: 'signature', ...signatureLayout(signOrgan, date, options.signature) });
  return { title, year: report.year, blocks };
}

function sameHeading(line: string, heading: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '');
  return norm(line) === norm(heading);
}

/**
 * The document's text in reading order, one entry per paragraph or table cell (merged cells once) —
 * what both writers must print.
 */
export function modelTexts(model: DocModel): string[] {
  const out: string[] = [];
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'title':
        out.push(...b.lines);
        break;
      case 'heading':
        out.push(b.text);
        break;
      case 'paragraph':
        out.push(b.runs.map((r) => r.text).join(''));
        break;
      case 'table':
        for (const row of b.table.rows) for (const c of row) out.push(c.text);
        break;
      case 'signature':
        out.push(b.organ, b.date);
        break;
    }
  }
  return out.filter((t) => t !== '');
}

/** Safe file name stem for an exported report: the canonical title without characters file systems refuse. */
export function exportFileStem(model: DocModel): string {
  const stem = model.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim();
  return stem === '' ? `${model.year}年政府信息公开工作年度报告` : stem.slice(0, 120);
}
