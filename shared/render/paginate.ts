/**
 * Pagination: the document model and the heights Chromium measured for it (measure.ts) → pages of fragments.
 * The paged HTML (preview, print, PDF) is written from these pages, so the clerk sees the pages the PDF has.
 *
 * The rules (spec §5): 22 lines a page; a paragraph leaves at least two lines on each page (widows and orphans);
 * a heading (一、, a （一） or 1. heading on its own line, the title) is never the last thing on a page; table 三 is
 * never split (it starts a new page, its heading going with it); tables 二 and 四 split only between body rows,
 * never leaving a lone row on either page, never after a group heading row (「第二十条…」, 「信息内容」) and never
 * through a merged cell; a continued table repeats its header rows. A stretch that cannot be kept together on one
 * page is broken where it overflows.
 */
import type { Block, DocModel, ModelTable } from './model.js';

/** What Chromium measured for one block, in CSS px of the flow layout (156 mm wide). */
export interface BlockMeasure {
  height: number;
  /** paragraphs: UTF-16 offsets of each line's first character (the first is 0) */
  lineStarts?: number[];
  /** tables: space above and below the table, the header rows' height, each body row's height */
  spaceBefore?: number;
  spaceAfter?: number;
  headerHeight?: number;
  rowHeights?: number[];
}

export interface FlowMeasure {
  blocks: BlockMeasure[];
}

export type Fragment =
  | { block: number; kind: 'whole' }
  /** a paragraph's lines from character `from` to `to` (UTF-16 offsets; `to` is the text's length on the last) */
  | { block: number; kind: 'lines'; from: number; to: number; first: boolean; last: boolean }
  /** a table's body rows [from, to) (indexes into table.rows), with the header rows repeated when continued */
  | { block: number; kind: 'rows'; from: number; to: number; header: boolean; spaceBefore: boolean; spaceAfter: boolean };

export interface Page {
  fragments: Fragment[];
}

/** The text area's height in CSS px (225 mm). */
export const TEXT_HEIGHT_PX = (225 / 25.4) * 96;
/** Rounding slack: a line measured at 38.53 px times 22 must still fit. */
const SLACK_PX = 1;

/** Minimum lines of a paragraph left at a page foot or carried to the next page. */
const ORPHANS = 2;
const WIDOWS = 2;
/** Minimum body rows of a split table on either page. */
const MIN_ROWS = 2;

interface Atom {
  block: number;
  /** line index, or table row index; -1 for a whole block, -2 for a table's header (with the space above) */
  index: number;
  height: number;
  /** a page may start at this atom */
  breakBefore: boolean;
  /** space at the atom's end that a page foot swallows (the padding below a table): not needed to fit the page */
  trailing?: number;
}

function keepsWithNext(b: Block | undefined): boolean {
  if (!b) return false;
  return b.kind === 'title' || b.kind === 'heading' || (b.kind === 'paragraph' && b.keepWithNext === true);
}

/** Row boundaries (after row r) that a merged cell crosses. */
export function crossedBoundaries(t: ModelTable): Set<number> {
  const crossed = new Set<number>();
  const occupied: number[][] = t.rows.map(() => []);
  t.rows.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (occupied[r]?.includes(col)) col++;
      for (let k = r; k < r + c.rowSpan; k++) for (let j = col; j < col + c.colSpan; j++) occupied[k]?.push(j);
      for (let k = r; k < r + c.rowSpan - 1; k++) crossed.add(k);
      col += c.colSpan;
    }
  });
  return crossed;
}

/**
 * May a page break come before row `r` (an index into table.rows, a body row other than the first)? Table 三 never
 * breaks; the others only between body rows with at least two on either side, not after a group heading row and not
 * through a merged cell. The DOCX writer keeps rows together by the same answer.
 */
export function rowBreakAllowed(t: ModelTable, r: number, crossed: ReadonlySet<number> = crossedBoundaries(t)): boolean {
  if (t.id === 'apply') return false;
  const body = t.rows.length - t.headerRows;
  const i = r - t.headerRows;
  return i >= MIN_ROWS && body - i >= MIN_ROWS && !crossed.has(r - 1) && t.keepWithNext[r - 1] !== true;
}

function tableAtoms(t: ModelTable, blockIndex: number, m: BlockMeasure, breakBeforeTable: boolean): Atom[] {
  const heights = m.rowHeights ?? [];
  const body = t.rows.length - t.headerRows;
  const crossed = crossedBoundaries(t);
  const atoms: Atom[] = [];
  const head = (m.spaceBefore ?? 0) + (m.headerHeight ?? 0);
  if (t.headerRows > 0) atoms.push({ block: blockIndex, index: -2, height: head, breakBefore: breakBeforeTable });
  for (let i = 0; i < body; i++) {
    const r = t.headerRows + i;
    const first = i === 0 && t.headerRows === 0;
    const after = i === body - 1 ? (m.spaceAfter ?? 0) : 0;
    const height = (heights[i] ?? 0) + (first ? head : 0) + after;
    atoms.push({ block: blockIndex, index: r, height, trailing: after, breakBefore: first ? breakBeforeTable : i > 0 && rowBreakAllowed(t, r, crossed) });
  }
  return atoms;
}

function atomsOf(model: DocModel, measure: FlowMeasure): Atom[] {
  const atoms: Atom[] = [];
  model.blocks.forEach((b, i) => {
    const m = measure.blocks[i] ?? { height: 0 };
    // The 落款 never starts a page: it goes with the text's last lines (GB/T 9704-2012 7.3.5, 印章与正文同处一面).
    const breakBefore = i > 0 && !keepsWithNext(model.blocks[i - 1]) && b.kind !== 'signature';
    if (b.kind === 'paragraph' && (m.lineStarts?.length ?? 0) > 1) {
      const n = m.lineStarts?.length ?? 1;
      const line = m.height / n;
      for (let j = 0; j < n; j++) {
        atoms.push({ block: i, index: j, height: line, breakBefore: j === 0 ? breakBefore : j >= ORPHANS && n - j >= WIDOWS });
      }
    } else if (b.kind === 'table') {
      atoms.push(...tableAtoms(b.table, i, m, breakBefore));
    } else {
      atoms.push({ block: i, index: -1, height: m.height, breakBefore });
    }
  });
  return atoms;
}

/** The repeated header's height when a page starts inside a table at atom `a`. */
function continuationHeader(model: DocModel, measure: FlowMeasure, a: Atom): number {
  const b = model.blocks[a.block];
  if (b?.kind !== 'table' || a.index < 0 || b.table.headerRows === 0 || a.index === b.table.headerRows) return 0;
  return measure.blocks[a.block]?.headerHeight ?? 0;
}

/** Page ranges [start, end) over the atoms. */
function breakAtoms(model: DocModel, measure: FlowMeasure, atoms: Atom[], pageHeight: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start < atoms.length) {
    const first = atoms[start];
    let used = first ? continuationHeader(model, measure, first) : 0;
    let k = start;
    // an atom fits when it fits without its trailing space (at the page foot that space is blank paper anyway)
    while (k < atoms.length && used + (atoms[k]?.height ?? 0) - (atoms[k]?.trailing ?? 0) <= pageHeight + SLACK_PX) used += atoms[k++]?.height ?? 0;
    if (k >= atoms.length) {
      ranges.push([start, atoms.length]);
      break;
    }
    let b = k;
    while (b > start && atoms[b]?.breakBefore !== true) b--;
    // Nothing may break here: break where it overflows (always at least one atom a page).
    if (b === start) b = Math.max(k, start + 1);
    ranges.push([start, b]);
    start = b;
  }
  return ranges;
}

function fragmentsOf(model: DocModel, measure: FlowMeasure, atoms: Atom[]): Fragment[] {
  const out: Fragment[] = [];
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i];
    if (!a) break;
    let j = i;
    while (j + 1 < atoms.length && atoms[j + 1]?.block === a.block) j++;
    const last = atoms[j] ?? a;
    const block = model.blocks[a.block];
    const m = measure.blocks[a.block];
    if (block?.kind === 'paragraph' && a.index >= 0) {
      const starts = m?.lineStarts ?? [0];
      const n = starts.length;
      const text = block.runs.map((r) => r.text).join('');
      if (a.index === 0 && last.index === n - 1) out.push({ block: a.block, kind: 'whole' });
      else out.push({ block: a.block, kind: 'lines', from: starts[a.index] ?? 0, to: starts[last.index + 1] ?? text.length, first: a.index === 0, last: last.index === n - 1 });
    } else if (block?.kind === 'table') {
      const t = block.table;
      const from = a.index === -2 ? t.headerRows : a.index;
      const to = last.index === -2 ? t.headerRows : last.index + 1;
      const begins = a.index === -2 || from === t.headerRows;
      if (begins && to === t.rows.length) out.push({ block: a.block, kind: 'whole' });
      else out.push({ block: a.block, kind: 'rows', from, to, header: t.headerRows > 0, spaceBefore: begins, spaceAfter: to === t.rows.length });
    } else {
      out.push({ block: a.block, kind: 'whole' });
    }
    i = j + 1;
  }
  return out;
}

/** The document's pages. */
export function paginate(model: DocModel, measure: FlowMeasure, pageHeight = TEXT_HEIGHT_PX): Page[] {
  const atoms = atomsOf(model, measure);
  if (atoms.length === 0) return [{ fragments: [] }];
  return breakAtoms(model, measure, atoms, pageHeight).map(([s, e]) => ({ fragments: fragmentsOf(model, measure, atoms.slice(s, e)) }));
}

/**
 * Blocks that begin a page only because table 三 would not fit below the text: the table, or the heading kept with
 * it. The DOCX starts them on a new page too (pageBreakBefore), as not every word processor keeps a table whole
 * (LibreOffice 7 splits it despite keep-with-next on every row).
 */
export function pageStartsForWholeTables(model: DocModel, pages: readonly Page[]): Set<number> {
  const out = new Set<number>();
  pages.forEach((page, p) => {
    const first = page.fragments[0];
    if (p === 0 || !first || first.kind !== 'whole') return;
    for (let b = first.block; b < model.blocks.length; b++) {
      const block = model.blocks[b];
      if (block?.kind === 'table' && block.table.id === 'apply') {
        out.add(first.block);
        return;
      }
      if (!keepsWithNext(block)) return;
    }
  });
  return out;
}
