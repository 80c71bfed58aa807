/**
 * PDF → source lines, from the text layer (pdfjs-dist legacy build, in Node): text items are grouped into
 * lines by their baseline and ordered by x, with a space where the gap between items is wide (table cells).
 * Encrypted PDFs, PDFs without a text layer (scans), too many pages and too much time are refused with a
 * Chinese message.
 */
import { constants, inflateSync } from 'node:zlib';
import { normaliseIdeographs, type SourceDocument, type SourceLine } from '../../../../shared/import/text.js';
import { APPLY_COLUMNS, FORMAT_2019, FORMAT_2021, REVIEW_BLOCKS, REVIEW_COLUMNS } from '../../../../shared/report/format.js';
import { withBrokenFiguresJoined } from './pdfBrokenFigures.js';
import { baselines, centre, FIGURE, trailingFigures, type PdfItem } from './pdfItems.js';
import { documentTracking, withTrackingTaken } from './pdfTracking.js';
import { ImportError } from './zip.js';

export interface PdfLimits {
  maxPages: number;
  /** overall time for the whole document */
  timeoutMs: number;
}
export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 300, timeoutMs: 60_000 };

/**
 * Group a page's items into lines, left to right. `tracking`: the document's letter spacing (`documentTracking` over all
 * its pages); by default the page's own, as if it were the whole document.
 */
export function itemsToLines(items: readonly PdfItem[], tracking = documentTracking([baselines(items)])): string[] {
  const { rest, headings } = withoutUprightHeadings(items.filter((i) => i.str !== ''));
  const lines = baselines(rest.flatMap(splitTrailingFigure));
  const merged = withStrayFiguresJoined(withTrackingTaken(lines, tracking));
  for (const l of merged) l.sort((a, b) => a.x - b.x);
  withSplitRowsJoined(merged);
  withBrokenFiguresJoined(merged);
  // each upright heading a line of its own, where its first character stands (after the rows are settled: no row's
  // figures join it)
  for (const h of headings) {
    const at = merged.findIndex((l) => l.every((it) => it.y < h.y));
    merged.splice(at < 0 ? merged.length : at, 0, [h]);
  }
  return merged.map((l, i) => lineText(withBlankCells(l, merged, i)));
}

/**
 * An upright heading's character: an ideograph (or a Kangxi radical standing for one) or 「、」 — never a digit, a mark
 * or a lone 「|」 of a table set one cell a line.
 */
const UPRIGHT_CHARACTER = /^\s*[\u3001\u2e80-\u2fdf\u3400-\u9fff\uf900-\ufaff]\s*$/;
/** Characters a column's upright heading has at least (「三、本年度办理结果」 set one a line in a narrow merged cell). */
const UPRIGHT_MIN = 4;

/**
 * A column's upright heading: single characters standing alone at one x, a line apart (「三」 「、」 「本」 「年」 …, a
 * narrow merged cell's text). Grouped by baseline, each character would join whichever row it happens to stand
 * beside, and push that row's label onto a line of its own. Taken out, each heading becomes one item, its characters
 * in order, at its first character's place.
 */
function withoutUprightHeadings(items: readonly PdfItem[]): { rest: PdfItem[]; headings: PdfItem[] } {
  const byY = [...items].filter((it) => it.str.trim() !== '').sort((a, b) => a.y - b.y);
  const single = items.filter((it) => UPRIGHT_CHARACTER.test(it.str) && alone(it, byY));
  const byX = new Map<number, PdfItem[]>();
  for (const it of single) {
    const column = byX.get(Math.round(it.x));
    if (column) column.push(it);
    else byX.set(Math.round(it.x), [it]);
  }
  const taken = new Set<PdfItem>();
  const headings: PdfItem[] = [];
  for (const column of byX.values()) {
    column.sort((a, b) => b.y - a.y);
    for (let i = 0; i < column.length; ) {
      let j = i + 1;
      const first = column[i] as PdfItem;
      const step = j < column.length ? first.y - (column[j] as PdfItem).y : 0;
      const h = Math.max(first.h, 1);
      if (step < h * 0.9 || step > h * 2.5) {
        i++;
        continue;
      }
      while (j < column.length && Math.abs((column[j - 1] as PdfItem).y - (column[j] as PdfItem).y - step) <= h * 0.2) j++;
      const run = column.slice(i, j);
      // (a column of one mark a line, 「无」 「无」 「无」 …, is blank cells one a line, no heading)
      if (j - i >= UPRIGHT_MIN && new Set(run.map((it) => it.str.trim())).size > 1) {
        for (const it of run) taken.add(it);
        headings.push({ ...first, str: run.map((it) => it.str.trim()).join('') });
      }
      i = j;
    }
  }
  return { rest: items.filter((it) => !taken.has(it)), headings };
}

const CROWDED_BASELINE = 300;

/**
 * Nothing else on the character's baseline within a character's width of it (a word's letters set one an item are
 * not, nor a narrow cell's two characters a line), and no word spread across its cell around it. `byY`: the page's
 * inked items by baseline, searched by halves (a page of tens of thousands of items stays fast).
 */
function alone(it: PdfItem, byY: readonly PdfItem[]): boolean {
  const h = Math.max(it.h, 1);
  let lo = 0;
  for (let hi = byY.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((byY[mid] as PdfItem).y < it.y - h * 0.5) lo = mid + 1;
    else hi = mid;
  }
  const neighbours: PdfItem[] = [];
  for (let k = lo; k < byY.length && (byY[k] as PdfItem).y <= it.y + h * 0.5; k++) {
    // (a baseline of hundreds of items is a line of text, never beside a heading)
    if (k - lo > CROWDED_BASELINE) return false;
    const o = byY[k] as PdfItem;
    if (o === it) continue;
    if (o.x < it.x + it.w + h && o.x + o.w > it.x - h) return false;
    // (two pitches either side: a spread word's characters that may stand with it)
    if (o.str.trim().length === 1 && Math.abs(o.x - it.x) <= h * 2 * SPREAD_MAX_PITCH) neighbours.push(o);
  }
  return !inSpreadWord(it, neighbours);
}

/**
 * A character of a word spread across its cell (分散对齐, letter spacing: 「行　政　许　可」): three characters on its
 * baseline, it among them, one pitch apart — its own label's, no heading beside the rows.
 */
function inSpreadWord(it: PdfItem, neighbours: PdfItem[]): boolean {
  const h = Math.max(it.h, 1);
  const xs = [...neighbours.map((o) => o.x), it.x].sort((p, q) => p - q);
  const at = xs.indexOf(it.x);
  const even = (i: number) => {
    const [a, b, c] = [xs[i], xs[i + 1], xs[i + 2]];
    if (a === undefined || b === undefined || c === undefined) return false;
    return b - a <= h * SPREAD_MAX_PITCH && Math.abs(c - b - (b - a)) <= h * SPREAD_PITCH_SLACK;
  };
  return even(at - 2) || even(at - 1) || even(at);
}

/** How far apart, in character heights, a spread word's characters stand at most (four characters over a cell some thirteen wide). */
const SPREAD_MAX_PITCH = 4;
/** How much a spread word's pitch may vary, in character heights (positions rounded by the PDF maker). */
const SPREAD_PITCH_SLACK = 0.15;

/** How far apart the two lines of one row's figures may sit, per character height (a line of label between them). */
const SPLIT_ROW_REACH = 3;

/**
 * One row's figures on two lines of its wrapped label: a cell of several paragraphs sets its figure a line or two off
 * the others (「（二）部分公开（区 3」 above 「分处理的，只计这一 3 0 0 0 0 0」). The figures of two lines, with at most
 * one line of words between them, go to the line holding more of them when they share no column and together fill a
 * row of the same table column for column — read apart, the total would land in the first cell. Lines in x order;
 * changed in place.
 */
function withSplitRowsJoined(lines: PdfItem[][]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const j = nextWithFigures(lines, i);
    if (j === null) continue;
    const [a, b] = [lines[i] ?? [], lines[j] ?? []];
    const [fa, fb] = [trailingFigures(a), trailingFigures(b)];
    if (!within(fa, fb)) continue;
    const row = [...fa, ...fb].sort((p, q) => p.x - q.x);
    if (!apart(row) || !fullRowAround(row, lines, i)) continue;
    const [from, to, moved] = fa.length < fb.length ? [a, b, fa] : [b, a, fb];
    // (figures beside the row on its other side too, 「3」 above and 「0」 below, are a figure broken over two lines —
    // 「30」 in a narrow cell — not a cell set off: which belongs is not known)
    const far = to === b ? nextWithFigures(lines, j) : previousWithFigures(lines, i);
    const [host, beyond] = [trailingFigures(to), far === null ? [] : trailingFigures(lines[far] ?? [])];
    if (within(host, beyond) && apart([...host, ...beyond].sort((p, q) => p.x - q.x))) continue;
    from.splice(from.indexOf(moved[0] as PdfItem), from.length);
    to.push(...moved);
    to.sort((p, q) => p.x - q.x);
  }
}

/** Are both lines' figures there and near enough to be one row's? */
function within(fa: readonly PdfItem[], fb: readonly PdfItem[]): boolean {
  const [first, second] = [fa[0], fb[0]];
  return !!first && !!second && Math.abs(first.y - second.y) <= Math.max(first.h, 1) * SPLIT_ROW_REACH;
}

/** The next line after i with figures at its end, at most one line of words between; null if none. */
function nextWithFigures(lines: readonly PdfItem[][], i: number): number | null {
  for (let j = i + 1; j <= i + 2 && j < lines.length; j++) if (trailingFigures(lines[j] ?? []).length > 0) return j;
  return null;
}

function previousWithFigures(lines: readonly PdfItem[][], i: number): number | null {
  for (let j = i - 1; j >= i - 2 && j >= 0; j--) if (trailingFigures(lines[j] ?? []).length > 0) return j;
  return null;
}

/** Do the figures, in x order, share no column (none overlaps the next)? */
function apart(figures: readonly PdfItem[]): boolean {
  return figures.every((f, k) => k === 0 || (figures[k - 1]?.x ?? 0) + (figures[k - 1]?.w ?? 0) <= f.x);
}

/** Is there a row of the table around line i with exactly these figures' columns, one figure each? */
function fullRowAround(figures: readonly PdfItem[], lines: readonly PdfItem[][], i: number): boolean {
  for (const step of [-1, 1]) {
    for (let j = i + step; Math.abs(j - i) <= ROW_REACH && lines[j]; j += step) {
      const line = lines[j] ?? [];
      if (isBarrier(line)) break;
      const other = trailingFigures(line);
      if (other.length === figures.length && placeInColumns(figures, other)) return true;
    }
  }
  return false;
}

/** How far below or above its row a cell's figure may sit, per character height (cells centred on their own content). */
const STRAY_REACH = 0.8;

/**
 * A line of figures only, a little off its row's baseline: one cell set lower or higher than the others (a cell
 * holding a paragraph with its own margin or line height). It joins the row beside it when its figures fall in the
 * gaps of that row (no overlap), so the row has all its cells in order.
 */
function withStrayFiguresJoined(lines: PdfItem[][]): PdfItem[][] {
  const out: PdfItem[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? [];
    const figuresOnly = l.some((it) => FIGURE.test(it.str)) && l.every((it) => FIGURE.test(it.str) || it.str.trim() === '');
    const host = figuresOnly ? nearRow(l, out[out.length - 1], lines[i + 1]) : undefined;
    if (host) host.push(...l);
    else out.push(l);
  }
  return out;
}

function nearRow(line: readonly PdfItem[], above: PdfItem[] | undefined, below: PdfItem[] | undefined): PdfItem[] | undefined {
  // the text layer's space items (no height, any width) are no cells
  const inked = (l: readonly PdfItem[]): PdfItem[] => l.filter((it) => it.str.trim() !== '');
  const figures = inked(line);
  const h = Math.max(figures[0]?.h ?? 1, 1);
  const y = figures[0]?.y ?? 0;
  const fits = (row: PdfItem[] | undefined): row is PdfItem[] =>
    !!row &&
    inked(row).some((it) => Math.abs(it.y - y) <= h * STRAY_REACH) &&
    figures.every((f) => inked(row).every((it) => it.x + it.w <= f.x || f.x + f.w <= it.x));
  const distance = (row: PdfItem[]): number => Math.min(...inked(row).map((it) => Math.abs(it.y - y)));
  const candidates = [above, below].filter(fits).sort((a, b) => distance(a) - distance(b));
  return candidates[0];
}

/** A figure's width in the text layer, per character height (Noto and SimSun digits are about half an em). */
const DIGIT_WIDTH = 0.55;
const SPACE_WIDTH = 0.3;
const TEXT_THEN_FIGURE = /^(.*\S)\s+([+-]?\d[\d,]*(?:\.\d+)?)\s*$/;

/**
 * One text item holding a label's last words and the first cell's figure (「稳定” 0」: a font change inside the label
 * cell closes the run after the figure): the figure is its own item at the item's right end, so it is a cell.
 */
function splitTrailingFigure(it: PdfItem): PdfItem[] {
  const m = TEXT_THEN_FIGURE.exec(it.str);
  if (!m?.[1] || !m[2] || /[\d.,]$/.test(m[1])) return [it];
  const figureWidth = Math.min(it.w, m[2].length * Math.max(it.h, 1) * DIGIT_WIDTH);
  return [
    // the space between them kept as a gap, so the line still reads 「稳定” 0」
    { ...it, str: m[1], w: Math.max(0, it.w - figureWidth - Math.max(it.h, 1) * SPACE_WIDTH) },
    { ...it, str: m[2], x: it.x + it.w - figureWidth, w: figureWidth },
  ];
}

function lineText(l: readonly PdfItem[]): string {
  let out = '';
  let end = -Infinity;
  for (const it of l) {
    const size = Math.max(it.h, 1);
    const gap = it.x - end;
    if (out !== '' && gap > size * 0.8) out += '  ';
    else if (out !== '' && gap > size * 0.25 && !/\s$/.test(out)) out += ' ';
    out += it.str;
    end = Math.max(end, it.x + it.w);
  }
  return out;
}

/** Lines looked at, above and below, for a fuller row of the same table. */
const ROW_REACH = 30;


/** How many figures the line's text ends with, however its items hold them (「6 0 0 0 0」 may be one item). */
function figuresAtEnd(l: readonly PdfItem[]): number {
  const run = /(?:^|\s)((?:[+-]?\d[\d,]*(?:\.\d+)?\s*)+)$/.exec(l.map((it) => it.str).join(' '));
  return run?.[1]?.trim().split(/\s+/).length ?? 0;
}

/** How far a figure may sit from its column's figures, per character height (digits of another width, rounding). */
const ALIGN_TOLERANCE = 0.35;

/**
 * A row with blank cells: a PDF's text layer has nothing where a cell is blank, so 「217 1 [空] 0 0 0 218」 would read
 * as six figures in the wrong columns. A fuller row of the same table nearby gives the columns — or, where no row is
 * fuller (a table printing every 0 as a blank cell), the table's header does (`headerColumns`): each figure goes to
 * the column it lines up with, and a column with no figure gets 「—」 (a printed blank), so the cells stay in place.
 * Rows of the same table are those whose figures line up with this row's; the table's width is their commonest count.
 */
function withBlankCells(l: readonly PdfItem[], lines: readonly PdfItem[][], i: number): readonly PdfItem[] {
  const figures = trailingFigures(l);
  if (figures.length < 2) return l;
  // the fuller row's columns, or the header's where it gives more (a row of three figures is no fuller row of seven)
  const fuller = fullerRowColumns(l, figures, lines, i);
  if (fuller === 'full') return l;
  const header = headerColumns(l, figures, lines, i);
  const byHeader = header !== undefined && header.length > (fuller?.length ?? 0);
  const columns = byHeader ? header : fuller;
  if (!columns) return l;
  // (a header cell's words span its cell, left-aligned or wrapped: a figure under them is in its column)
  const placed = placeInColumns(figures, columns, byHeader ? 'under' : 'aligned');
  if (!placed) return l;
  const h = figures[0]?.h ?? 1;
  // each cell its own word (the text layer's space items between them are dropped with the blanks)
  const cells = columns.map((c, k): PdfItem => ({ ...(placed[k] ?? { x: c.x, y: c.y, w: c.w, h }), str: ` ${placed[k]?.str.trim() ?? '—'}` }));
  const first = figures[0];
  return [...l.slice(0, first ? l.indexOf(first) : l.length), ...cells];
}

/**
 * The columns a fuller row of the same table gives (the first, nearest first, that all this row's figures line up
 * with); `full` when the row is as wide as its table's rows, undefined when no fuller row lines up.
 */
function fullerRowColumns(l: readonly PdfItem[], figures: readonly PdfItem[], lines: readonly PdfItem[][], i: number): readonly PdfItem[] | 'full' | undefined {
  const table = sameTableRows(figures, lines, i);
  const width = commonestCount(table.map((r) => r.length));
  if (width === null) return undefined;
  // (a run of cells the PDF maker set as one text item, 「6 0 0 0 0」 then 「0」 「6」: the row has all its figures)
  if (figures.length >= width || figuresAtEnd(l) >= width) return 'full';
  return table.find((columns) => columns.length === width && placeInColumns(figures, columns) !== null);
}

/**
 * The columns a table's header gives, for a row no fuller row lines up with: the words of the lines without figures
 * between the table's heading and the row, right of the rows' labels, gathered into columns where they overlap
 * (「商业」 over 「企业」); a word over several columns (「法人或其他组织」, 「申请人情况」) is no column's. Undefined when
 * the header gives no more columns than the row has figures.
 */
function headerColumns(l: readonly PdfItem[], figures: readonly PdfItem[], lines: readonly PdfItem[][], i: number): readonly PdfItem[] | undefined {
  const first = figures[0];
  // (two figures at least: a lone figure at a line's end is as often a header's or a sentence's, 「采购项目数量(指 2020」)
  if (!first || figures.length < 2 || figuresAtEnd(l) > figures.length) return undefined;
  const labelsEnd = rowLabelsEnd(lines, i);
  const words: PdfItem[] = [];
  for (let j = i - 1; j >= 0 && i - j <= ROW_REACH; j--) {
    const line = lines[j] ?? [];
    if (isBarrier(line)) break;
    if (line.some((it) => FIGURE.test(it.str))) continue;
    for (const it of wordsOfLine(line)) if (it.x >= labelsEnd - Math.max(it.h, 1) * ALIGN_TOLERANCE) words.push(it);
    // (a header has a few dozen words: more are a page of text, and gathering them costs their square)
    if (words.length > HEADER_WORDS) return undefined;
  }
  const columns = columnsOf(words);
  // (a row's label stands left of the columns: a header's own line ending in a year, 「采购项目数量(指 202」, is no row)
  let ownLabelEnd = -Infinity;
  for (const it of l.slice(0, l.indexOf(first))) ownLabelEnd = Math.max(ownLabelEnd, it.x + it.w);
  const firstColumn = columns[0];
  if (!firstColumn || ownLabelEnd > firstColumn.x + Math.max(first.h, 1) * ALIGN_TOLERANCE) return undefined;
  return columns.length > figures.length && TABLE_WIDTHS.has(columns.length) ? columns : undefined;
}

/** Words a table's header may hold at most (table 四's: three blocks of five columns, each set over a few lines). */
const HEADER_WORDS = 200;

/**
 * How many figure columns a table of the format has: a header's words gathered into another count are not its columns
 * (a narrow header set one character a line, justified, parts a cell's words: 「总」 and 「计」 apart).
 */
const TABLE_WIDTHS: ReadonlySet<number> = new Set([
  APPLY_COLUMNS.length,
  REVIEW_COLUMNS.length,
  REVIEW_COLUMNS.length * REVIEW_BLOCKS.length,
  ...[FORMAT_2021, FORMAT_2019].flatMap((f) => f.activeGroups.flatMap((g) => g.rows.map((r) => r.cells.length))),
]);

/**
 * A line's items joined into words where nothing parts them (a PDF maker sets 「本年废」 「止」 「件数」 as three items):
 * a header cell's text is one word, a heading over several cells (「法人或其他组织」) too.
 */
function wordsOfLine(line: readonly PdfItem[]): PdfItem[] {
  const words: PdfItem[] = [];
  for (const it of line) {
    if (it.str.trim() === '') continue;
    const last = words[words.length - 1];
    if (last && it.x - (last.x + last.w) <= Math.max(Math.min(it.h, last.h), 1) * 0.25) {
      const right = Math.max(last.x + last.w, it.x + it.w);
      words[words.length - 1] = { ...last, str: last.str + it.str, w: right - last.x };
    } else words.push({ ...it });
  }
  return words;
}

/**
 * Where the labels of the table's rows around line i end (the right edge of the rows' text before their figures), up to
 * a heading each way: another table's labels are no bound of this one's columns (table 四 has no label column).
 */
function rowLabelsEnd(lines: readonly PdfItem[][], i: number): number {
  let end = -Infinity;
  for (const step of [-1, 1]) {
    for (let j = i; Math.abs(j - i) <= ROW_REACH && j >= 0 && j < lines.length; j += step) {
      const line = lines[j] ?? [];
      if (j !== i && isBarrier(line)) break;
      const figures = trailingFigures(line);
      const label = figures[0] ? line.slice(0, line.indexOf(figures[0])) : [];
      for (const it of label) if (it.str.trim() !== '') end = Math.max(end, it.x + it.w);
    }
  }
  return end;
}

/**
 * Header words gathered into columns, narrowest first: a word overlapping (or touching) one column widens it, one over
 * two or more is left out.
 */
function columnsOf(words: readonly PdfItem[]): PdfItem[] {
  const columns: PdfItem[] = [];
  // (words that touch are one cell's: a justified cell sets 「然人」 right after 「自」)
  const overlaps = (a: PdfItem, b: PdfItem) => {
    const slack = Math.max(Math.min(a.h, b.h), 1) * 0.05;
    return a.x <= b.x + b.w + slack && b.x <= a.x + a.w + slack;
  };
  for (const word of [...words].sort((a, b) => a.w - b.w)) {
    const over = columns.filter((c) => overlaps(c, word));
    if (over.length === 0) columns.push({ ...word });
    const [column] = over;
    if (over.length === 1 && column) {
      const right = Math.max(column.x + column.w, word.x + word.w);
      column.x = Math.min(column.x, word.x);
      column.w = right - column.x;
    }
  }
  return columns.sort((a, b) => a.x - b.x);
}

/**
 * A line no table row reaches past: a section heading (「三、收到和处理政府信息公开申请情况」) or the 2019 format's
 * sub-table heading (「第二十条第（八）项」), each table below it with its own columns.
 */
const TABLE_BARRIER = /^[一二三四五六七八九十]+、.*情况$|^第二十条第[（(].+[)）]项$/;
const isBarrier = (l: readonly PdfItem[]): boolean => TABLE_BARRIER.test(labelText(l));
const labelText = (l: readonly PdfItem[]): string => normaliseIdeographs(l.map((it) => it.str).join('')).replace(/\s+/g, '');

/** The figures of the rows around line i (nearest first) that line up with this row's, up to a heading each way. */
function sameTableRows(figures: readonly PdfItem[], lines: readonly PdfItem[][], i: number): PdfItem[][] {
  const rows: { distance: number; figures: PdfItem[] }[] = [];
  // no fuller row around: nothing to line up with (and a page of equal rows costs one count a row)
  const around = lines.slice(Math.max(0, i - ROW_REACH), i + ROW_REACH + 1);
  if (!around.some((l) => trailingFigures(l).length > figures.length)) return [];
  for (const step of [-1, 1]) {
    for (let j = i + step; Math.abs(j - i) <= ROW_REACH && lines[j]; j += step) {
      const line = lines[j] ?? [];
      if (isBarrier(line)) break;
      const other = trailingFigures(line);
      if (other.length < 2) continue;
      const [short, long] = other.length < figures.length ? [other, figures] : [figures, other];
      if (placeInColumns(short, long)) rows.push({ distance: Math.abs(j - i), figures: other });
    }
  }
  return rows.sort((a, b) => a.distance - b.distance).map((r) => r.figures);
}

/** The commonest count (ties go to the wider). */
function commonestCount(widths: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const n of widths) counts.set(n, (counts.get(n) ?? 0) + 1);
  let best: number | null = null;
  for (const [n, c] of counts) if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && n > best)) best = n;
  return best;
}

/**
 * Each figure in the column it lines up with: its centre, left or right edge within a few points of the column
 * figure's (a table's cells share their x, however the cells align), or, for a header's columns (`under`), its centre
 * under the column's words. Null if any figure lines up with no column: the fuller row is then of another table (a
 * table 三 row below table 二's two-column 收费 row).
 */
function placeInColumns(figures: readonly PdfItem[], columns: readonly PdfItem[], fit: 'aligned' | 'under' = 'aligned'): (PdfItem | undefined)[] | null {
  const placed: (PdfItem | undefined)[] = columns.map(() => undefined);
  // both in x order: each figure looks only at the columns after the last one taken (linear in the row's length)
  let last = -1;
  for (const f of figures) {
    const tolerance = Math.max(1.5, Math.max(f.h, 1) * ALIGN_TOLERANCE);
    const aligned = (c: PdfItem): number => Math.min(Math.abs(centre(c) - centre(f)), Math.abs(c.x - f.x), Math.abs(c.x + c.w - (f.x + f.w)));
    const under = (c: PdfItem): number => (centre(f) >= c.x && centre(f) <= c.x + c.w ? 0 : aligned(c));
    const offset = fit === 'under' ? under : aligned;
    let best = -1;
    for (let k = last + 1; k < columns.length; k++) {
      const c = columns[k];
      if (!c || c.x > f.x + f.w + tolerance) break;
      if (offset(c) <= tolerance && (best < 0 || offset(c) < offset(columns[best] ?? c))) best = k;
    }
    if (best < 0) return null;
    placed[best] = f;
    last = best;
  }
  return placed;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
/**
 * pdf.js creates a DOMMatrix when its module loads. Node has none; unbundled, pdf.js borrows one from the
 * optional native @napi-rs/canvas, which a bundled main process (CommonJS, no import.meta) can't load. Text
 * extraction never renders, so a plain 2-D affine matrix is enough: installed only when none exists.
 */
function installDomMatrix(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix) return;
  class AffineMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
    constructor(init?: ArrayLike<number>) {
      if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = [init[0] ?? 1, init[1] ?? 0, init[2] ?? 0, init[3] ?? 1, init[4] ?? 0, init[5] ?? 0];
    }
    multiplySelf(o: AffineMatrix): this {
      const { a, b, c, d, e, f } = this;
      this.a = a * o.a + c * o.b;
      this.b = b * o.a + d * o.b;
      this.c = a * o.c + c * o.d;
      this.d = b * o.c + d * o.d;
      this.e = a * o.e + c * o.f + e;
      this.f = b * o.e + d * o.f + f;
      return this;
    }
    preMultiplySelf(o: AffineMatrix): this {
      const m = new AffineMatrix([o.a, o.b, o.c, o.d, o.e, o.f]).multiplySelf(this);
      Object.assign(this, { a: m.a, b: m.b, c: m.c, d: m.d, e: m.e, f: m.f });
      return this;
    }
    scaleSelf(sx = 1, sy = sx): this {
      return this.multiplySelf(new AffineMatrix([sx, 0, 0, sy, 0, 0]));
    }
    translateSelf(tx = 0, ty = 0): this {
      return this.multiplySelf(new AffineMatrix([1, 0, 0, 1, tx, ty]));
    }
    scale(sx = 1, sy = sx): AffineMatrix {
      return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).scaleSelf(sx, sy);
    }
    translate(tx = 0, ty = 0): AffineMatrix {
      return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).translateSelf(tx, ty);
    }
    invertSelf(): this {
      const det = this.a * this.d - this.b * this.c;
      if (!det) return Object.assign(this, { a: NaN, b: NaN, c: NaN, d: NaN, e: NaN, f: NaN });
      const { a, b, c, d, e, f } = this;
      return Object.assign(this, { a: d / det, b: -b / det, c: -c / det, d: a / det, e: (c * f - d * e) / det, f: (b * e - a * f) / det });
    }
  }
  g.DOMMatrix = AffineMatrix;
}

let pdfjsPromise: Promise<PdfJs> | null = null;
/**
 * pdf.js with its worker loaded in this thread: handing it `globalThis.pdfjsWorker` means it never resolves
 * a worker file path at run time, so it works the same from source (tests, command line) and bundled (Electron main).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= (async () => {
    installDomMatrix();
    const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as { WorkerMessageHandler: unknown };
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsPromise;
}

/** A stream of a real report inflates to a few MB at most (a CJK font subset, a page's text). */
export const MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024;
/** All streams together, inflated. */
export const MAX_PDF_INFLATED_BYTES = 256 * 1024 * 1024;

const ZLIB_HEADER_SECOND = new Set([0x01, 0x5e, 0x9c, 0xda]);

/** Where each `stream … endstream` body lies (found by the keywords, not /Length, which may lie): one pass. */
function* streamBodies(buf: Buffer): Generator<Buffer> {
  let at = 0;
  for (;;) {
    const keyword = buf.indexOf('stream', at, 'latin1');
    if (keyword < 0) return;
    at = keyword + 6;
    if (buf[keyword - 1] === 0x64 /* d of endstream */) continue;
    const start = buf[at] === 0x0d && buf[at + 1] === 0x0a ? at + 2 : buf[at] === 0x0a || buf[at] === 0x0d ? at + 1 : -1;
    if (start < 0) continue;
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) return;
    yield buf.subarray(start, end);
    at = end + 9;
  }
}

/**
 * Refuse a PDF whose compressed streams inflate past the caps (a flate bomb: 10 MB of PDF became 10.8 GB in pdf.js),
 * before pdf.js inflates anything. Each stream is inflated at most to its cap, so the check itself is bounded.
 */
export function checkInflatedSizes(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const body of streamBodies(buf)) {
    if (body[0] !== 0x78 || !ZLIB_HEADER_SECOND.has(body[1] ?? 0)) continue;
    const cap = Math.min(MAX_PDF_STREAM_BYTES, MAX_PDF_INFLATED_BYTES - total) + 1;
    let size: number;
    try {
      size = inflateSync(body, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (e) {
      if (e instanceof RangeError) throw new ImportError('此 PDF 的内容解压后过大，疑似“压缩炸弹”，已拒绝读取');
      continue; // a damaged stream: pdf.js skips what it can't read
    }
    total += size;
    if (size >= cap) throw new ImportError('此 PDF 的内容解压后过大，疑似“压缩炸弹”，已拒绝读取');
  }
}

export async function readPdf(buf: Uint8Array, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<SourceDocument> {
  checkInflatedSizes(buf);
  const pdfjs = await loadPdfJs();
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(buf);
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ImportError('读取 PDF 超时（文件可能过于复杂或已损坏）')), limits.timeoutMs);
  });
  try {
    return await Promise.race([extract(task, limits), timeout]);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const name = typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
    if (name === 'PasswordException') throw new ImportError('此 PDF 已加密（需要密码才能打开），无法导入；请使用未加密的 PDF 或 DOCX');
    if (name === 'InvalidPDFException') throw new ImportError('文件不是有效的 PDF（结构损坏），无法导入');
    // pdf.js explains itself in English (「Pages tree contains circular reference」…): the clerk gets the gist
    throw new ImportError('无法读取此 PDF：文件结构已损坏或不受支持；请用原程序重新导出 PDF，或改用 DOCX');
  } finally {
    clearTimeout(timer);
    void task.destroy().catch(() => undefined);
  }
}

async function extract(task: ReturnType<PdfJs['getDocument']>, limits: PdfLimits): Promise<SourceDocument> {
  const doc = await task.promise;
  if (doc.numPages > limits.maxPages) throw new ImportError(`PDF 共 ${doc.numPages} 页，超过上限 ${limits.maxPages} 页，不像是一份年度报告`);
  const pages: PdfItem[][] = [];
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const it of content.items) {
      if (!('str' in it)) continue;
      const t = it.transform as number[];
      items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, w: it.width, h: it.height || Math.abs(t[3] ?? 0) });
      chars += it.str.trim().length;
    }
    pages.push(items);
    page.cleanup();
  }
  // letter spacing is the document's: a page of table rows alone shows it in no long run
  const tracking = documentTracking(pages.map(baselines));
  const lines: SourceLine[] = [];
  for (const items of pages) {
    // NFC: text layers give canonical singletons for what the page shows (Chromium writes 〈 as U+2329, not U+3008).
    for (const l of itemsToLines(items, tracking)) lines.push({ text: l.normalize('NFC') });
    lines.push({ text: '' });
  }
  if (chars < 20) throw new ImportError('此 PDF 没有文字层（可能是扫描件或图片），无法识别其中的文字；请使用 DOCX 或可复制文字的 PDF');
  return { lines };
}
