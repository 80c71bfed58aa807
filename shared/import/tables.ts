/**
 * Reading the three tables out of a token stream (text lines or DOCX grid rows alike): row labels are
 * found by approximate matching of the labels in `shared/report/format.ts`, in order, and each row takes
 * the values that follow its label. Every doubt becomes an `Uncertain` entry; nothing is guessed silently.
 */
import {
  APPLY_GROUP_LABELS,
  APPLY_COLUMNS,
  APPLY_DETAIL_COLUMNS,
  applyRows,
  FORMAT_2019,
  FORMAT_2021,
  FORMAT_2021_SINGLE_OTHER,
  OLD_LABELS,
  type ActiveGroup,
  type CellKind,
} from '../report/format.js';
import { parseCell } from '../report/numbers.js';
import type { Cells, SumNotAddingUp } from '../report/model.js';
import { COUNTERS, VALUE_MARK, allowedEdits, findApprox, labelKey, tokenValue, type Occurrence, type Token } from './text.js';
import type { Uncertain } from './result.js';
import type { TableRead } from './tableRead.js';
import { cutInNoReading, failingInEveryReading, gluedCuts, isGluedRun, plainlyNoCount, tooLongForACount, ungluedValues } from './tableGlued.js';
import { columnsFailingInEveryCut, settleByColumns, type AmbiguousRow } from './tableColumns.js';

export interface RowSpec {
  /** the row's cell keys, in printed column order */
  cells: readonly { key: string; kind: CellKind }[];
  label: string;
  /** for messages */
  name: string;
  /** index of the column holding the row total (table 三), for repairing a stray or missing value */
  totalIndex?: number;
  /** the row's 2019 label, which later reports still print (read into this row, and named) */
  oldLabel?: string;
  /** `[more, less]` column indices: the format's rule of the domain that one cell is at least another (choosing a cut) */
  atLeast?: readonly [number, number];
}

/** Where a row's label was found: `old` when it is the 2019 label, `prose` when it stands in running text. */
export interface LabelOccurrence extends Occurrence {
  old: boolean;
  prose: boolean;
}

export interface RowMatch {
  spec: RowSpec;
  occurrence: LabelOccurrence;
  /** the tokens of the row's values, in order */
  values: Token[];
  /** the label's text as printed */
  printed?: string;
}

function printedLabel(m: RowMatch): string {
  return (m.printed ?? m.spec.label).slice(0, 120);
}


/** Occurrences of one label kept for ordering. */
const MAX_OCCURRENCES = 40;
/** Most characters of a table's text searched (a real table 三 is 2–5 thousand). */
export const MAX_TABLE_CHARS = 60_000;

/** A matching stream: label text of the tokens, each value token one mark. */
interface Stream {
  text: string;
  /** token index of every character */
  tokenAt: number[];
}

function buildStream(tokens: readonly Token[]): Stream {
  let text = '';
  const tokenAt: number[] = [];
  tokens.forEach((t, i) => {
    const piece = t.type === 'text' ? labelKey(t.text) : VALUE_MARK;
    text += piece;
    for (let k = 0; k < piece.length; k++) tokenAt.push(i);
  });
  return { text, tokenAt };
}

/** The patterns a row's label is looked for with: [pattern, weight lost, is the 2019 label]. */
function labelPatterns(spec: RowSpec): [string, number, boolean][] {
  const out: [string, number, boolean][] = [];
  const add = (label: string, old: boolean): void => {
    const key = labelKey(label);
    // Labels are also looked for without their numbering (Word's automatic numbering leaves it out of the
    // text), weighing a little less than the full label.
    const core = coreKey(label);
    out.push([key, 0, old]);
    if (core !== key && core.length >= 2) out.push([core, 1, old]);
  };
  add(spec.label, false);
  if (spec.oldLabel) add(spec.oldLabel, true);
  return out;
}

/**
 * A label opening its cell and followed by a colon: a row label printed with its definition (a province's
 * template: 「规章：地方行政规章指……」), a label though its cell reads as a sentence. The same word inside the
 * definition (「…发布的规范性文件。」) is not.
 */
function definesLabel(stream: Stream, o: Occurrence): boolean {
  const opensToken = o.start === 0 || stream.tokenAt[o.start - 1] !== stream.tokenAt[o.start];
  return opensToken && stream.text[o.end] === ':';
}

/**
 * Ordered best matching of row labels (a monotone, weighted choice among approximate occurrences). A label
 * standing in running text weighs least: the printed table's row is always preferred to a sentence.
 */
function matchLabels(stream: Stream, tokens: readonly Token[], specs: readonly RowSpec[]): (LabelOccurrence | null)[] {
  type Node = { row: number; occ: LabelOccurrence; weight: number; best: number; prev: Node | null };
  const nodes: Node[] = [];
  specs.forEach((spec, row) => {
    for (const [pattern, penalty, old] of labelPatterns(spec)) {
      // The best few occurrences of each label are enough (and keep the ordering step small on hostile text).
      const found = findApprox(pattern, stream.text, allowedEdits(pattern.length));
      const best = found.length > MAX_OCCURRENCES ? [...found].sort((a, b) => a.cost - b.cost || a.start - b.start).slice(0, MAX_OCCURRENCES) : found;
      for (const o of best) {
        const prose = tokens[stream.tokenAt[o.start] ?? 0]?.prose === true && !definesLabel(stream, o);
        // In running text a label weighs a thousandth: table rows always win, sentences compare by fit.
        const weight = (pattern.length - 2 * o.cost - penalty) * (prose ? 1e-3 : 1);
        nodes.push({ row, occ: { ...o, old, prose }, weight, best: 0, prev: null });
      }
    }
  });
  // Nodes by row then position; each may follow any node of an earlier row that ends before it starts.
  nodes.sort((a, b) => a.row - b.row || a.occ.start - b.occ.start);
  let top: Node | null = null;
  for (const n of nodes) {
    n.best = n.weight;
    for (const p of nodes) {
      if (p.row >= n.row) break;
      if (p.occ.end <= n.occ.start && p.best + n.weight > n.best) {
        n.best = p.best + n.weight;
        n.prev = p;
      }
    }
    if (!top || n.best > top.best) top = n;
  }
  const out: (LabelOccurrence | null)[] = specs.map(() => null);
  for (let n = top; n; n = n.prev) out[n.row] = n.occ;
  return out;
}

/**
 * Labels found only in running text are a table printed as text (a one-line crawl of a web page) when a good
 * part of the table's rows are there, in order; a few are only words of sentences (「其他23条」), and no table.
 * One line outside sentences that is only like a label (the sub-heading 「（一）主动公开」 for 「（一）予以公开」)
 * is no table either: a printed table has a label as printed, or several.
 */
function tableOrNothing(stream: Stream, occ: readonly (LabelOccurrence | null)[], proseTable: boolean): (LabelOccurrence | null)[] {
  const found = occ.filter((o): o is LabelOccurrence => o !== null);
  const printed = found.filter((o) => !o.prose);
  const beside = (o: LabelOccurrence): boolean => stream.text.slice(o.end, o.end + 2).replace(/^:/, '').startsWith(VALUE_MARK) || stream.text[o.start - 1] === VALUE_MARK;
  // (outside the table's section, one label with no figure beside it is a word on a short line — 「好规范性文件清理」,
  // the last line of an excerpt broken at a PDF's margin — not a table of one row)
  if (printed.length >= 2 || printed.some((o) => o.cost === 0 && (proseTable || beside(o)))) return [...occ];
  if (!proseTable && printed.length === 0) return occ.map(() => null);
  // (labels only in sentences are a table printed as text when some stand right next to their figures: 「行政许可 5
  // 行政处罚 17」; an enumeration 「行政许可结果、行政处罚信息、…」 names them with no figure beside any)
  const besideFigure = found.filter(beside).length;
  if (found.length >= Math.max(3, occ.length / 4) && (printed.length > 0 || besideFigure >= 2)) return [...occ];
  return occ.map(() => null);
}

function matchedRows(specs: readonly RowSpec[], occ: readonly (LabelOccurrence | null)[]): { spec: RowSpec; occurrence: LabelOccurrence }[] {
  return specs.map((spec, i) => ({ spec, occurrence: occ[i] })).filter((m): m is { spec: RowSpec; occurrence: LabelOccurrence } => !!m.occurrence);
}

function isNarrative(t: Token): boolean {
  return t.type === 'text' && /[。！？]/.test(t.text);
}

/** A clause of a sentence ends in this text (「件;处理信息公开申请」): a label in running text has its figures within its clause. */
function endsClause(t: Token): boolean {
  return t.type === 'text' && /[；;，,]/.test(t.text);
}

/** Does the label at `start` follow a clause's end in its own word (「件;办理行政处罚处理决定」)? */
function clauseBefore(stream: Stream, start: number): boolean {
  const tok = stream.tokenAt[start];
  let from = start;
  while (from > 0 && stream.tokenAt[from - 1] === tok) from--;
  return /[;,]/.test(stream.text.slice(from, start));
}

/**
 * The lines that are one table row as their source says (grid, pipe, tab) and open with words: a row of its own (a
 * label, known to the format or not, or a group's heading). `withFigure`: those holding a figure, which is that row's
 * (a site's own row, 「其他主动公开文件… | 186 | 86 | 255」 in a 2019 table 二) — never a figure printed above a later
 * label, nor more of the row above's.
 */
function rowsOpeningWithWords(tokens: readonly Token[]): { all: ReadonlySet<number>; withFigure: ReadonlySet<number> } {
  const opening = new Map<number, Token['type']>();
  const figures = new Set<number>();
  for (const t of tokens) {
    if (!t.row) continue;
    if (!opening.has(t.line)) opening.set(t.line, t.type);
    if (t.type === 'num') figures.add(t.line);
  }
  const all = new Set([...opening].filter(([, type]) => type === 'text').map(([line]) => line));
  return { all, withFigure: new Set([...figures].filter((line) => all.has(line))) };
}

/** Assign every value token to the matched row whose label precedes it. */
function collectValues(tokens: readonly Token[], stream: Stream, specs: readonly RowSpec[], occ: readonly (LabelOccurrence | null)[]): RowMatch[] {
  const matched = matchedRows(specs, occ);
  const rows = rowsOpeningWithWords(tokens);
  const out: RowMatch[] = [];
  matched.forEach((m, k) => {
    const startTok = stream.tokenAt[m.occurrence.start] ?? 0;
    const labelEndTok = stream.tokenAt[Math.max(m.occurrence.end - 1, m.occurrence.start)] ?? startTok;
    const next = matched[k + 1];
    const endTok = next ? (stream.tokenAt[next.occurrence.start] ?? tokens.length) : tokens.length;
    const labelLine = tokens[startTok]?.line ?? -1;
    const values: Token[] = [];
    for (let t = startTok; t < endTok; t++) {
      const tok = tokens[t];
      if (!tok) continue;
      if (t > labelEndTok && (isNarrative(tok) || (m.occurrence.prose && endsClause(tok)))) break;
      // a row with its figures on its own line ends where the next row opening with words starts, known or not
      if (tok.line !== labelLine && rows.withFigure.has(labelLine) && rows.all.has(tok.line)) break;
      // Figures glued to their label end at the next text: the row's cells are all in the run (one-line crawls).
      if (t > labelEndTok && tok.type === 'text' && values.some((v) => v.type === 'num' && v.glued)) break;
      // A figure of running text never fills a cell of the printed table.
      if (tok.type !== 'text' && !(tok.prose && !m.occurrence.prose)) values.push(tok);
    }
    out.push({ spec: m.spec, occurrence: m.occurrence, values });
  });
  // A value that slid onto the neighbouring row (labels printed over several lines): move surplus
  // trailing values of a row to the next row when that one lacks exactly as many.
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k];
    const b = out[k + 1];
    if (!a || !b) continue;
    const surplus = a.values.length - a.spec.cells.length;
    if (surplus > 0 && b.spec.cells.length - b.values.length === surplus) {
      b.values = [...a.values.slice(a.spec.cells.length), ...b.values];
      a.values = a.values.slice(0, a.spec.cells.length);
    }
  }
  return out;
}

/**
 * The other order some extractions give (pdftotext and copying from PDF viewers): a row's values before its
 * label. Row j takes the values between the end of label j−1 and the start of label j.
 */
function collectValuesBefore(tokens: readonly Token[], stream: Stream, specs: readonly RowSpec[], occ: readonly (LabelOccurrence | null)[]): RowMatch[] {
  const matched = matchedRows(specs, occ);
  const labelled = rowsOpeningWithWords(tokens).withFigure;
  return matched.map((m, k) => {
    const startTok = stream.tokenAt[m.occurrence.start] ?? 0;
    const prev = matched[k - 1];
    const from = prev ? (stream.tokenAt[Math.max(prev.occurrence.end - 1, prev.occurrence.start)] ?? -1) + 1 : 0;
    const values: Token[] = [];
    // in a sentence, a figure before the clause the label opens is the earlier clause's (「…许可1424件;办理行政处罚…」)
    if (m.occurrence.prose && clauseBefore(stream, m.occurrence.start)) return { spec: m.spec, occurrence: m.occurrence, values };
    for (let t = startTok - 1; t >= from; t--) {
      const tok = tokens[t];
      if (!tok) continue;
      if (isNarrative(tok) || (m.occurrence.prose && endsClause(tok))) break;
      if (tok.type === 'num' && labelled.has(tok.line)) break;
      // (an empty cell is never a figure printed above a label: a PDF prints none, and a grid's or a pipe row's empty
      // cells stand on their own row's line, after its label)
      if (tok.type !== 'text' && tok.type !== 'blank' && !(tok.prose && !m.occurrence.prose)) values.unshift(tok);
    }
    return { spec: m.spec, occurrence: m.occurrence, values };
  });
}

/** Does the row's reading fill it exactly (glued figures counted as the cells they can be cut into)? */
function isExact(m: RowMatch): boolean {
  const want = m.spec.cells.length;
  if (m.values.length === want || figuresFill(m)) return true;
  return m.values.length < want && m.values.some(isGluedRun) && ungluedValues(m.values, m.spec.cells.map((c) => c.kind === 'signed'), rowArithmetic(m.spec)) !== null;
}

/**
 * The row's cells where its reading fills it beside empty cells: a figure for every cell and empty cells besides (a
 * grid's row wider than the table's, a page's stray empty lines), or, on one line from a first figure, the row's cells
 * then only empty ones (「行政强制 | 4 | 4 | - | |」). Null otherwise.
 */
function fillingCells(m: RowMatch): Token[] | null {
  const want = m.spec.cells.length;
  if (m.values.length <= want) return null;
  const figures = m.values.filter((t) => t.type !== 'blank');
  if (figures.length === want) return figures;
  // (one line of the source, from a figure: a leading empty cell may be a merged cell's and the row then one off,
  // 「空 1 0 0 0 0 0 空」; figures a line each, then a line of empty cells, are no row read in place)
  const first = m.values[0];
  const oneRow = first?.type === 'num' && m.values.every((t) => t.line === first.line);
  return oneRow && m.values.slice(want).every((t) => t.type === 'blank') ? m.values.slice(0, want) : null;
}

function figuresFill(m: RowMatch): boolean {
  return fillingCells(m) !== null;
}

/**
 * A row its reading fills exactly, weighed by what that tells: one of two cells or more places its figures
 * (`PLACES`); a lone figure fills any one-cell row (行政许可, 行政处罚…), the row above's as well as its own, so it
 * only breaks a tie — a table 二 whose 「规范性文件 3」 prints two blank cells as nothing would else be read as if every
 * later row's figure stood above its label, each in the row below.
 */
function rowScore(m: RowMatch): number {
  if (!isExact(m)) return 0;
  return m.spec.cells.length > 1 ? PLACES : 1;
}
/** A row that places its figures outweighs any number of one-cell rows (a table has far fewer rows). */
const PLACES = 1000;

/** A reading's rows' scores (`rowScore`). */
function readingScore(matches: readonly RowMatch[]): number {
  return matches.reduce((sum, m) => sum + rowScore(m), 0);
}

/** The rows a reading fills that place their figures. */
const placedRows = (score: number): number => Math.floor(score / PLACES);

/**
 * Some rows' figures printed above their labels, the rest after them (an office suite's PDF of a table whose label cells
 * sit lower than their figures: 「0 0 0」「规章」「6 4 11」「规范性文件」「行政许可 0 1 0」): each row read after or before
 * its label, whichever scores more (`rowScore`). Two neighbours never take the same figures, and figures left to no row
 * count against a choice as a row. Returned only when it places more rows than reading every row after its label.
 */
function valuesAboveSomeLabels(after: readonly RowMatch[], before: readonly RowMatch[]): { matches: RowMatch[]; above: RowMatch[]; score: number } | null {
  const n = after.length;
  // best[k][c]: the best score of rows k… when row k is read after (0) or before (1) its label; the figures between
  // label k and label k+1 are row k's when after, row k+1's when before
  const best: [number, number][] = Array.from({ length: n + 1 }, () => [0, 0]);
  const pick: [0 | 1, 0 | 1][] = Array.from({ length: n }, () => [0, 0]);
  for (let k = n - 1; k >= 0; k--) {
    for (const c of [0, 1] as const) {
      const own = rowScore(c === 0 ? (after[k] as RowMatch) : (before[k] as RowMatch));
      const between = (after[k]?.values.length ?? 0) > 0;
      if (k === n - 1) {
        best[k]![c] = own - (c === 1 && between ? PLACES : 0);
        continue;
      }
      const options = ([0, 1] as const)
        .filter((d) => !(c === 0 && d === 1 && between))
        .map((d) => ({ d, score: (best[k + 1]?.[d] ?? 0) - (c === 1 && d === 0 && between ? PLACES : 0) }));
      const top = options.reduce((a, b) => (b.score > a.score ? b : a));
      best[k]![c] = own + top.score;
      pick[k]![c] = top.d;
    }
  }
  const start: 0 | 1 = (best[0]?.[1] ?? 0) > (best[0]?.[0] ?? 0) ? 1 : 0;
  const score = best[0]?.[start] ?? 0;
  if (n === 0 || placedRows(score) <= placedRows(readingScore(after))) return null;
  const matches: RowMatch[] = [];
  const above: RowMatch[] = [];
  for (let k = 0, c = start; k < n; c = pick[k]![c], k++) {
    const m = (c === 0 ? after[k] : before[k]) as RowMatch;
    matches.push(m);
    if (c === 1) above.push(m);
  }
  return { matches, above, score };
}

/**
 * Every row's figures before its label (a PDF's content order), some rows' (`valuesAboveSomeLabels`), or none: the
 * reading placing more rows, a mixed one only where it scores above both.
 */
function chooseReading(after: RowMatch[], before: RowMatch[]): { matches: RowMatch[]; valuesFirst: boolean; mixed: ReturnType<typeof valuesAboveSomeLabels> } {
  const mixed = valuesAboveSomeLabels(after, before);
  const beforeScore = readingScore(before);
  const valuesFirst = placedRows(beforeScore) > placedRows(readingScore(after)) && !(mixed && mixed.score > beforeScore);
  if (valuesFirst) return { matches: before, valuesFirst, mixed: null };
  return { matches: mixed?.matches ?? after, valuesFirst, mixed };
}

/**
 * A row not found whose figures are printed without its label (a crawl that lost the label): figures of no row
 * stand between the row found before it (or the table's start) and the next row found. Such cells are unread,
 * not blanks of the report. A row simply left out of the printed table (no figures there) stays blank, and rows
 * past the last one found are where an excerpt may stop.
 */
function figuresWithoutLabel(specs: readonly RowSpec[], i: number, byRow: ReadonlyMap<RowSpec, RowMatch>, tokens: readonly Token[], stream: Stream): Token[] | null {
  const next = specs.slice(i + 1).map((s) => byRow.get(s)).find((m) => m !== undefined);
  if (!next) return null;
  const prev = specs.slice(0, i).map((s) => byRow.get(s)).filter((m) => m !== undefined).pop();
  const lastValue = prev?.values[prev.values.length - 1];
  const from = prev ? (lastValue ? tokens.indexOf(lastValue) : (stream.tokenAt[prev.occurrence.end - 1] ?? -1)) + 1 : 0;
  const to = stream.tokenAt[next.occurrence.start] ?? from;
  const stray = tokens.slice(from, to).filter((t) => t.type !== 'text' && t.prose !== true);
  return stray.length >= (specs[i]?.cells.length ?? 1) ? stray : null;
}

/** A row printed without its label, read by its place when its figures are exactly its cells (a doubt); else false. */
function readByPlace(spec: RowSpec, printed: readonly Token[], cells: Cells, uncertain: Uncertain[], what: string): boolean {
  // the label's own cell printed empty (a grid's blank line) comes first
  const stray = printed.slice(printed.findIndex((t) => t.type !== 'blank'));
  if (stray.length !== spec.cells.length || stray.some((t) => t.type !== 'num')) return false;
  const parsed = spec.cells.map((c, k) => parseCell(stray[k]?.type === 'num' ? stray[k].raw : null, c.kind));
  if (parsed.some((r) => !r.ok)) return false;
  spec.cells.forEach((c, k) => {
    const r = parsed[k];
    cells[c.key] = r?.ok ? r.value : null;
  });
  const shown = stray.map((t) => (t.type === 'num' ? t.raw : '')).join(' ');
  uncertain.push({
    target: spec.cells[0]?.key ?? '',
    name: spec.name,
    reason: `${what}中「${spec.label}」一行没有印行标题，其后的行已找到：按位置将 ${shown} 读作本行，请核对`,
    cells: spec.cells.map((c) => c.key),
  });
  return true;
}

/** Whether a row may be cut off (a page or an excerpt ending within it). */
interface CutOff {
  /** no row the format puts after this one was found in the text: cut off within the table, whatever follows (a site's footer) */
  tableAfter: boolean;
  /** a later section was found: the text goes on past the table (`ReadOptions.textGoesOn`) */
  textGoesOn: boolean;
}

/**
 * Values of one row, repaired when the count is off and the row total says how; doubts reported. Returns whether the
 * row printed fewer figures than it has cells and was placed by guess: which of its cells is blank can't be told.
 */
function placeValues(m: RowMatch, cells: Cells, uncertain: Uncertain[], tokens: readonly Token[], ambiguous: AmbiguousRow[], cutOff: CutOff): boolean {
  const { spec } = m;
  const want = spec.cells.length;
  // no room for a blank: the empty ones are layout
  let vals: (Token | null)[] = fillingCells(m) ?? [...m.values];
  let note: string | null = null;
  /** the cells whose figure was placed in order, not by the row's arithmetic (its column a guess) */
  let unplaced: ReadonlySet<number> = new Set();
  let blankUnplaced = false;
  /** figures run together: a cell left blank holds a figure that could not be cut out with certainty */
  const glued = m.values.some((t) => mayHideCells(t, spec)) && m.values.length !== want;
  const shown = m.values.slice(0, 20).map((t) => (t.type === 'num' ? t.raw.slice(0, 20) : '空')).join(' ') + (m.values.length > 20 ? ' …' : '');
  const joined = vals.length > want ? splitCellJoined(vals, spec) : null;
  const unglued = vals.length < want ? ungluedValues(m.values, spec.cells.map((c) => c.kind === 'signed'), rowArithmetic(spec)) : null;
  if (unglued) {
    vals = unglued.values;
    if (unglued.alternatives) ambiguous.push({ keys: spec.cells.map((c) => c.key), cuts: unglued.alternatives.map((cut) => cut.map((t) => tokenValue(t) ?? 0)), printed: printedFigures(m), ...atLeastOf(spec) });
    if (unglued.inferred) {
      const cut = unglued.values.map((t) => (t?.type === 'num' ? t.raw : '？')).join(' ');
      const unsure = unglued.values.includes(null) ? '，无法确定的单元格（？）留空' : '';
      const by = unglued.byDigit ? '按每格一位数字' : spec.totalIndex !== undefined ? '按本行合计' : '';
      note = `原文本行的数字连在一起（${shown}），已${by}拆分为 ${cut}${unsure}，请核对`;
    }
  } else if (vals.length < want && vals.some((t) => cellsRunTogether(t, spec))) {
    // Figures run together that can't be cut with certainty: their cells stay blank, never a guess; the figures
    // left are put in order, their columns a guess (no column's sum is judged on them)
    vals = vals.filter((t) => !cellsRunTogether(t, spec));
    unplaced = new Set(vals.map((_, i) => i));
    note = `原文本行的数字连在一起（${shown}），无法确定如何拆分为 ${want} 个数字，未能读取的单元格留空，请对照原文填写`;
  } else if (joined) {
    vals = joined.values;
    note = `原文本行有 ${m.values.length} 个数字（${shown}），其中「${joined.cell}」印在同一格内，已按本行合计读作 ${joined.cell.replace(/\s+/g, '')}，请核对`;
  } else if (vals.length > want) {
    const extra = vals.length - want;
    let fixed: (Token | null)[] | null = null;
    if (extra === 1 && spec.totalIndex !== undefined) {
      const fits = new Set<string>();
      let fit: (Token | null)[] | null = null;
      for (let drop = 0; drop < vals.length; drop++) {
        const rest = vals.filter((_, i) => i !== drop);
        const total = tokenValue(rest[spec.totalIndex] ?? undefined);
        const parts = rest.slice(0, spec.totalIndex).map((t) => tokenValue(t ?? undefined) ?? 0);
        if (total !== null && parts.reduce((a, b) => a + b, 0) === total) {
          fits.add(rest.map((t) => (t?.type === 'num' ? t.raw : '')).join('|'));
          fit = rest;
        }
      }
      if (fits.size === 1 && fit) fixed = fit;
    }
    if (fixed) {
      vals = fixed;
      note = `原文本行有 ${m.values.length} 个数字（${shown}），比应有的 ${want} 个多一个；已按本行合计舍去多余的数字，请核对`;
    } else {
      vals = vals.slice(0, want);
      unplaced = new Set(vals.map((_, i) => i));
      note = `原文本行有 ${m.values.length} 个数字（${shown}），应为 ${want} 个；已取前 ${want} 个，请核对`;
    }
  } else if (vals.length < want) {
    // some figures but too few: a blank printed as nothing, in a column no one can tell
    blankUnplaced = vals.length > 0;
    if (vals.length === 0) {
      note = '原文本行未找到数字（空白），请核对并填写';
    } else if (spec.totalIndex !== undefined && vals.length > 1) {
      const lastToken = vals[vals.length - 1];
      const last = tokenValue(lastToken ?? undefined);
      const sum = vals.slice(0, -1).reduce((a, t) => a + (tokenValue(t ?? undefined) ?? 0), 0);
      // The last figure is the row total: a table prints its totals and leaves details blank; below the others' sum
      // the row doesn't add up (T3-ROW says so). Not where the text or the table stops within the row (a page or
      // excerpt cut off): its last figure is the last one kept. Where the blank sits can't be known.
      if (last !== null && (last >= sum || !(cutOff.tableAfter || (!cutOff.textGoesOn && textStopsAfter(tokens, lastToken))))) {
        const details = vals.slice(0, -1);
        const placed: (Token | null)[] = spec.cells.map(() => null);
        details.forEach((t, i) => (placed[i] = t));
        placed[spec.totalIndex] = vals[vals.length - 1] ?? null;
        vals = placed;
        unplaced = new Set(details.map((_, i) => i));
        note = `原文本行只有 ${m.values.length} 个数字（${shown}），应为 ${want} 个；末个数字按合计读取，其余按顺序填入，空白单元格的位置无法确定，请核对`;
      }
    }
    if (!note) {
      unplaced = new Set(vals.map((_, i) => i));
      note = `原文本行只有 ${m.values.length} 个数字（${shown}），应为 ${want} 个；已按顺序填入，其余为空白，请核对`;
    }
  }
  spec.cells.forEach((c, i) => {
    const tok = vals[i] ?? null;
    let value: number | string | null = null;
    if (tok && tok.type === 'num') {
      let raw = tok.raw;
      if (c.kind === 'text') {
        const idx = tokens.indexOf(tok);
        const unit = tokens[idx + 1];
        if (unit && unit.type === 'text' && /^万?元/.test(unit.text)) raw = `${raw} ${unit.text.startsWith('万') ? '万元' : '元'}`;
      }
      const parsed = parseCell(raw, c.kind);
      if (parsed.ok) value = parsed.value;
      // (in a row of too few or too many figures the print may be two cells' run together: not a misprint of this one,
      // unless it is plainly no count)
      else {
        const invalid = !note || (c.kind === 'count' && plainlyNoCount(tok));
        uncertain.push({ target: c.key, name: cellName(spec, i), reason: `原文「${raw}」无法识别为数字：${parsed.message}`, unread: true, ...(invalid ? { invalid: raw.slice(0, 64) } : {}) });
      }
    } else if (!note && (!tok || tok.type === 'blank')) {
      uncertain.push({ target: c.key, name: cellName(spec, i), reason: '原文此单元格为空白，请核对并填写（无则填 0）' });
    }
    cells[c.key] = value;
    if (note) {
      const unread = glued && value === null && tok?.type !== 'blank';
      uncertain.push({ target: c.key, name: cellName(spec, i), reason: note, ...(unread ? { unread: true as const } : {}), ...(unplaced.has(i) ? { unplaced: true as const } : {}) });
    }
  });
  const labelCost = m.occurrence.cost;
  const printed = printedLabel(m);
  // Only extra characters (fragments of merged labels printed across it, as PDFs do) are no doubt.
  // A label printed without its numbering (「属于国家秘密」 for 「1.属于国家秘密」) is no doubt either.
  const readAs = (m.occurrence.old ? spec.oldLabel : undefined) ?? spec.label;
  if (labelCost > 0 && !isSubsequence(coreKey(readAs), labelKey(printed))) {
    uncertain.push({
      target: spec.cells[0]?.key ?? '',
      name: spec.name,
      reason: `行标题与标准标题不完全一致（原文「${printed}」，近似匹配为「${readAs}」），请核对本行数字`,
      cells: spec.cells.map((c) => c.key),
    });
  }
  return blankUnplaced;
}

/** Nothing but blanks follows this token: the text stops there (a page or excerpt cut off). */
function textStopsAfter(tokens: readonly Token[], token: Token | null | undefined): boolean {
  if (!token) return true;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t === token) return true;
    if (t?.type !== 'blank') return false;
  }
  return true;
}

/**
 * A row one figure too long whose cells stand each on a line of its own, but for one line holding two figures
 * (「1 6」: a page's stray space inside a cell): the two are one cell when, joined, the row adds up — and only one such
 * line does. Not for a row printed on one line, where two figures side by side are two cells.
 */
function splitCellJoined(vals: readonly (Token | null)[], spec: RowSpec): { values: Token[]; cell: string } | null {
  const fits = rowArithmetic(spec);
  if (!fits || vals.length !== spec.cells.length + 1 || vals.some((t) => t?.type !== 'num')) return null;
  const nums = vals as Extract<Token, { type: 'num' }>[];
  const perLine = new Map<number, number>();
  for (const t of nums) perLine.set(t.line, (perLine.get(t.line) ?? 0) + 1);
  const found: { values: Token[]; cell: string }[] = [];
  for (let i = 0; i + 1 < nums.length; i++) {
    const [a, b] = [nums[i], nums[i + 1]];
    if (!a || !b || a.line !== b.line || perLine.get(a.line) !== 2 || /\D/.test(a.raw + b.raw)) continue;
    const values: Token[] = [...nums.slice(0, i), { type: 'num', raw: a.raw + b.raw, line: a.line }, ...nums.slice(i + 2)];
    if (fits(values.map((t) => tokenValue(t) ?? 0))) found.push({ values, cell: `${a.raw} ${b.raw}` });
  }
  // every other figure on its own line: a table printed a cell per line
  const onOwnLines = perLine.size === nums.length - 1;
  return onOwnLines && found.length === 1 ? (found[0] ?? null) : null;
}

/** Glued rows cut several ways, settled by the table's columns where only one combination adds up; doubts said so. */
function settleGluedRows(cells: Cells, ambiguous: readonly AmbiguousRow[], uncertain: Uncertain[]): void {
  const filled = new Set(settleByColumns(cells, ambiguous));
  if (filled.size === 0) return;
  const rows = new Set(ambiguous.filter((r) => r.keys.some((k) => filled.has(k))).flatMap((r) => r.keys));
  for (let i = uncertain.length - 1; i >= 0; i--) {
    const u = uncertain[i];
    if (u && rows.has(u.target) && u.reason.includes('连在一起')) uncertain.splice(i, 1);
  }
  for (const key of rows) {
    uncertain.push({ target: key, name: CELL_NAMES.get(key) ?? key, reason: `原文本行的数字连在一起，按本行合计有几种拆分，已按各列合计（各项之和、第一项加第二项等于第三项加第四项）唯一确定为 ${cells[key] ?? ''}，请核对` });
  }
}

/**
 * A row whose figures no reading makes add up to its own total: its total is wrong in the report whichever reading is
 * meant (T3-ROW, though the cells stay unread or unplaced). Either runs of digits no cut makes add up
 * (「…数量100002」, 「5000000 58」 however read), or one figure too many that no stray left out and no two joined make
 * add up. (A row of too few plain figures has its last read as its total, and T3-ROW judges it as placed.)
 */
function rowNotAddingUp(m: RowMatch, cells: Cells): SumNotAddingUp | null {
  const { spec } = m;
  const fits = rowArithmetic(spec);
  if (!fits || spec.totalIndex === undefined) return null;
  const keys = spec.cells.map((c) => c.key);
  const printed = printedFigures(m);
  const sum = { total: keys[spec.totalIndex] ?? '', parts: keys.slice(0, spec.totalIndex), printed };
  // (a total read from the runs is judged as placed: no reading to try)
  if (cells[sum.total] === null && gluedRowFailing(m, fits)) return { ...sum, unplaceable: 'glued' };
  if (cells[sum.total] === null && m.values.some((t) => cellsRunTogether(t, spec)) && cutInNoReading(m.values, keys.length)) return { ...sum, unplaceable: 'uncut' };
  if (longRowFailing(m, fits)) return { ...sum, unplaceable: 'long' };
  return null;
}

/**
 * A value that may hold more than one cell: a glued figure of two digits or more (「1973601627.4元」 holds two), or
 * a run of cells (`cellsRunTogether`); a lone digit printed against a word (「0二、」) holds no other.
 */
function mayHideCells(t: Token, spec: RowSpec): boolean {
  return (t.type === 'num' && t.glued === true && /\d\D*\d/.test(t.raw)) || cellsRunTogether(t, spec);
}

/** Figures of several cells run together: digits glued to a word or starting with 0, or too long for a count (in a row of counts). */
function cellsRunTogether(t: Token | null, spec: RowSpec): boolean {
  return !!t && (isGluedRun(t) || (spec.cells.every((c) => c.kind === 'count') && tooLongForACount(t)));
}

/**
 * Digits run together that no cut makes add up. A row of several runs (「5000000 58」) is judged in every reading of
 * its spaces: a crawl's space may fall inside a figure or stand for an empty cell (`failingInEveryReading`).
 */
function gluedRowFailing(m: RowMatch, fits: (figures: number[]) => boolean): boolean {
  if (!m.values.some((t) => cellsRunTogether(t, m.spec)) || m.spec.totalIndex === undefined) return false;
  if (m.values.length === 1 && ungluedValues(m.values, m.spec.cells.map((c) => c.kind === 'signed'), fits)) return false;
  const total = m.spec.totalIndex;
  return failingInEveryReading(m.values, m.spec.cells.length, (cut, figures) => (cut[total]?.type === 'blank' || fits(figures) ? [] : [total])).length > 0;
}

/** The row's figures, when all are plain (no blank, no glued run, table 三's counts). */
function plainFigures(m: RowMatch): number[] | null {
  if (m.spec.cells.some((c) => c.kind !== 'count') || !m.values.every((t) => t.type === 'num' && !isGluedRun(t))) return null;
  const figures = m.values.map((t) => tokenValue(t));
  return figures.every((f): f is number => f !== null) ? figures : null;
}

/** One figure too many, and neither leaving one out (a stray) nor joining two (a cell printed as 「1 6」) adds up. */
function longRowFailing(m: RowMatch, fits: (figures: number[]) => boolean): boolean {
  const figures = plainFigures(m);
  if (!figures || figures.length !== m.spec.cells.length + 1) return false;
  const dropped = figures.map((_, i) => figures.filter((_, j) => j !== i));
  const joined = figures.slice(0, -1).map((f, i) => [...figures.slice(0, i), Number(`${f}${figures[i + 1] ?? ''}`), ...figures.slice(i + 2)]);
  return ![...dropped, ...joined].some(fits);
}

/**
 * A glued row left wholly blank (it cuts several ways and no cell agrees, or no cut adds up): its cuts, for the columns
 * or the text to settle, or the columns to be judged under every one.
 */
function cutsOfBlankRow(m: RowMatch, cells: Cells): AmbiguousRow | null {
  const keys = m.spec.cells.map((c) => c.key);
  if (!keys.every((k) => cells[k] === null) || m.values.length >= keys.length || !m.values.some(isGluedRun)) return null;
  if (m.spec.cells.some((c) => c.kind === 'signed')) return null;
  const cuts = gluedCuts(m.values, keys.length);
  return cuts && cuts.length > 0 ? { keys, cuts, printed: printedFigures(m), ...atLeastOf(m.spec) } : null;
}

/** A row's figures as printed, parted by spaces (for the messages). */
function printedFigures(m: RowMatch): string {
  return m.values.map((t) => (t.type === 'num' ? t.raw : '')).join(' ');
}

/**
 * Table 三's column sums through glued rows left blank that fail under every cut of them: wrong in the report whichever
 * cut is meant. Not through a figure whose column is a guess. (A row the text settles later is judged as placed.)
 */
function columnsNotAddingUp(cells: Cells, open: readonly AmbiguousRow[], uncertain: readonly Uncertain[]): SumNotAddingUp[] {
  const unreadable = new Set(uncertain.filter((u) => u.unplaced || u.unread).flatMap((u) => u.cells ?? [u.target]));
  return columnsFailingInEveryCut(cells, open, unreadable).map((s) => ({
    total: s.total,
    parts: [...s.parts],
    printed: open.filter((r) => r.keys.some((k) => k === s.total || s.parts.includes(k))).map((r) => r.printed ?? '').join('、'),
    unplaceable: 'column' as const,
    ...(s.rule === 'T3-BAL' ? { rule: 'T3-BAL' as const } : {}),
  }));
}

/** The row's rule of the domain, carried with its cuts to the last settling (tableDomain.ts). */
function atLeastOf(spec: RowSpec): Pick<AmbiguousRow, 'atLeast'> {
  return spec.atLeast ? { atLeast: spec.atLeast } : {};
}

/** The row's own arithmetic (table 三: the details add up to the total), for cutting glued figures. */
function rowArithmetic(spec: RowSpec): ((figures: number[]) => boolean) | null {
  const at = spec.totalIndex;
  if (at === undefined) return null;
  return (figures) => figures.slice(0, at).reduce((a, b) => a + b, 0) === figures[at];
}

/** A label's key without its numbering: 「(一)」, 「一.」, 「1.」. */
function coreKey(label: string): string {
  return labelKey(label).replace(/^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\.|\d+\.)/, '');
}

function isSubsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i >= needle.length;
}

const CELL_NAMES: ReadonlyMap<string, string> = new Map(
  [FORMAT_2021, FORMAT_2019, FORMAT_2021_SINGLE_OTHER].flatMap((f) => f.cells.map((c) => [c.key, c.name] as [string, string])),
);
function cellName(spec: RowSpec, i: number): string {
  const key = spec.cells[i]?.key ?? '';
  return CELL_NAMES.get(key) ?? `${spec.name}（第 ${i + 1} 列）`;
}

/** The leading tokens whose text fits in MAX_TABLE_CHARS (bounded time on hostile input). */
function capTokens(tokens: readonly Token[]): readonly Token[] {
  let chars = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    chars += t && t.type === 'text' ? t.text.length : 1;
    if (chars > MAX_TABLE_CHARS) return tokens.slice(0, i);
  }
  return tokens;
}

/**
 * Pieces of a label that spans several rows (「不予公」「度办」「（三）」), which a PDF of a table with narrow label
 * columns interleaves line by line with the row labels beside them (「（三）」「1.属于国」「不予公」「家秘密」): left out,
 * so the row label reads whole. A piece also found in a row's own label stays (「开」 of 「…禁止公开」). A piece printed
 * with its characters spaced out (「不 予 处」, justified text) comes as one token a character: the line's leading
 * run of such tokens is judged as one piece.
 */
function withoutGroupPieces(tokens: readonly Token[], specs: readonly RowSpec[]): readonly Token[] {
  if (!specs.some((s) => s.cells[0]?.key.startsWith('apply.'))) return tokens;
  const groups = APPLY_GROUP_LABELS.map(labelKey);
  const rows = specs.flatMap((s) => [labelKey(s.label), ...(s.oldLabel ? [labelKey(s.oldLabel)] : [])]);
  // (a piece may open with the group's numbering, 「（三）不予公」, or be the whole label, 「（四）无法提供」: centred in its
  // column, it lands on the line of a row's figures between the two lines of that row's own label)
  const pieceLength = (key: string): number => key.replace(/^(?:\([一二三四五六七八九十]\)|[一二三四五六七八九十]\.)/, '').length;
  // (up to five characters: a narrow column wraps 「本年度办」「理结果」, 「（四）」「无法提供」)
  const isGroupPiece = (key: string): boolean =>
    pieceLength(key) >= 1 && (pieceLength(key) <= 5 || groups.includes(key)) && groups.some((g) => g.includes(key)) && !rows.some((r) => r.includes(key));
  const dropped = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.type === 'text' && isGroupPiece(labelKey(t.text))) dropped.add(i);
    if (t.type !== 'text' || tokens[i - 1]?.line === t.line) return;
    // the longest leading run of one-character tokens on this line that is a group piece
    let key = '';
    for (let j = i; tokens[j]?.type === 'text' && tokens[j]?.line === t.line && key.length < 3; j++) {
      const tok = tokens[j];
      key += tok?.type === 'text' ? labelKey(tok.text) : '';
      if (key.length >= 2 && isGroupPiece(key)) for (let k = i; k <= j; k++) dropped.add(k);
    }
  });
  return tokens.flatMap((t, i) => (dropped.has(i) ? [] : [withoutGluedPiece(t, tokens[i - 1], isGroupPiece, rows)]));
}

/**
 * A line's first words that open with a group's piece run into a piece of a row's label (「（四）有现」, 「无法提息需」: a
 * column two characters wide, the text layer giving each line as one run): the row's piece alone.
 */
function withoutGluedPiece(t: Token, before: Token | undefined, isGroupPiece: (key: string) => boolean, rows: readonly string[]): Token {
  if (t.type !== 'text' || before?.line === t.line) return t;
  const key = labelKey(t.text);
  if (rows.some((r) => r.includes(key))) return t;
  for (let cut = Math.min(key.length - 1, 7); cut >= 1; cut--) {
    const [piece, rest] = [key.slice(0, cut), key.slice(cut)];
    const numbering = /^\([一二三四五六七八九十]\)$/.test(piece);
    if ((numbering || isGroupPiece(piece)) && rows.some((r) => r.includes(rest))) return { ...t, text: rest };
  }
  return t;
}

/** How a table is looked for in its tokens. */
export interface ReadOptions {
  /**
   * Labels only in sentences may be the table printed as text: only in the table's own section. With its heading not
   * found, the tokens are the whole text, and a sentence of 总体情况 naming rows with figures (an excerpt cut before
   * section 二) is no table.
   */
  proseTable: boolean;
  /**
   * A later section's heading was found: the text goes on past the table's tokens, so a row they end on is no page or
   * excerpt cut off (a one-line crawl's table 三 ends where 「四、政府信息公开行政复议…」 begins).
   */
  textGoesOn?: boolean;
}
/** Tokens of the table's own section. */
const IN_SECTION: ReadOptions = { proseTable: true };

function readRows(allTokens: readonly Token[], specs: readonly RowSpec[], what: string, opts: ReadOptions): TableRead {
  const tokens = withoutGroupPieces(capTokens(allTokens), specs);
  const stream = buildStream(tokens);
  const occ = tableOrNothing(stream, matchLabels(stream, tokens, specs), opts.proseTable);
  const after = collectValues(tokens, stream, specs, occ);
  const before = collectValuesBefore(tokens, stream, specs, occ);
  const { matches, valuesFirst, mixed } = chooseReading(after, before);
  // Attach the printed text of each label for messages.
  for (const m of matches) {
    const a = stream.tokenAt[m.occurrence.start] ?? 0;
    const b = stream.tokenAt[Math.max(m.occurrence.start, m.occurrence.end - 1)] ?? a;
    const joined = tokens
      .slice(a, b + 1)
      .map((t) => (t.type === 'text' ? t.text : ''))
      .join('');
    // a label inside a longer run of text (a one-line crawl) is printed as matched, not with the whole run
    const matched = m.occurrence.end - m.occurrence.start;
    m.printed = labelKey(joined).length <= matched + 6 ? joined : stream.text.slice(m.occurrence.start, m.occurrence.end).replaceAll(VALUE_MARK, '');
  }
  const cells: Cells = {};
  const uncertain: Uncertain[] = [];
  const byRow = new Map(matches.map((m) => [m.spec, m]));
  const ambiguous: AmbiguousRow[] = [];
  /** glued rows left blank whose one cut doesn't add up */
  const uncutRows: AmbiguousRow[] = [];
  const sumsNotAddingUp: SumNotAddingUp[] = [];
  const blankUnplaced: string[][] = [];
  let score = 0;
  let first = Infinity;
  let last = -Infinity;
  specs.forEach((spec, i) => {
    const m = byRow.get(spec);
    if (!m) {
      for (const c of spec.cells) cells[c.key] = null;
      const stray = valuesFirst ? null : figuresWithoutLabel(specs, i, byRow, tokens, stream);
      if (stray && readByPlace(spec, stray, cells, uncertain, what)) return;
      uncertain.push({
        target: spec.cells[0]?.key ?? '',
        name: spec.name,
        reason: `${what}中未找到「${spec.label}」这一行，本行各单元格留空，请对照原文填写`,
        cells: spec.cells.map((c) => c.key),
        ...(stray ? { unread: true as const } : {}),
      });
      score -= 2;
      return;
    }
    const key = labelKey(spec.label);
    score += key.length - 2 * m.occurrence.cost;
    if (m.values.length !== spec.cells.length) score -= 3 * Math.abs(m.values.length - spec.cells.length);
    const tableCutAfter = i + 1 < specs.length && specs.slice(i + 1).every((later) => !byRow.has(later));
    if (placeValues(m, cells, uncertain, tokens, ambiguous, { tableAfter: tableCutAfter, textGoesOn: opts.textGoesOn === true })) blankUnplaced.push(spec.cells.map((c) => c.key));
    const notAddingUp = rowNotAddingUp(m, cells);
    if (notAddingUp) sumsNotAddingUp.push(notAddingUp);
    const blankCuts = cutsOfBlankRow(m, cells);
    // (a row's one cut that doesn't add up settles nothing: its columns are judged under it)
    if (blankCuts) (blankCuts.cuts.length > 1 ? ambiguous : uncutRows).push(blankCuts);
    // the table spans the rows it read figures or blanks from: a label met in text with nothing after it (「…规章库、规范性
    // 文件库对现行有」, a line of a wrapped paragraph) leaves its line to the narrative
    const lineA = tokens[stream.tokenAt[m.occurrence.start] ?? 0]?.line;
    const lastTok = m.values[m.values.length - 1];
    if (lineA !== undefined && lastTok) {
      first = Math.min(first, lineA);
      last = Math.max(last, lastTok.line);
    }
  });
  settleGluedRows(cells, ambiguous, uncertain);
  const unsettled = ambiguous.filter((r) => r.keys.some((k) => cells[k] === null));
  sumsNotAddingUp.push(...columnsNotAddingUp(cells, [...unsettled, ...uncutRows], uncertain));
  const found = matches.length;
  const misfit = matches.filter((m) => m.values.length !== m.spec.cells.length && !figuresFill(m)).length;
  if (found >= 3 && misfit * 3 > found) {
    uncertain.unshift({
      target: specs[0]?.cells[0]?.key ?? '',
      name: what,
      reason: `${what}有 ${misfit} 行的数字个数与表格不符，原文表格的文字顺序可能已被打乱（常见于从 PDF 中复制的文字）；本表的识别结果不可靠，建议直接导入 PDF 或 DOCX 文件，或逐格核对`,
      cells: specs.flatMap((sp) => sp.cells.map((c) => c.key)).slice(0, 40),
    });
  } else if (valuesFirst) {
    uncertain.unshift({ target: specs[0]?.cells[0]?.key ?? '', name: what, reason: `${what}中数字印在行标题之前（文字顺序与版面不同），已按此顺序读取，请核对` });
  } else if (mixed) {
    const rows = mixed.above.map((m) => `「${m.spec.label}」`).join('');
    uncertain.unshift({ target: mixed.above[0]?.spec.cells[0]?.key ?? '', name: what, reason: `${what}中${rows}的数字印在行标题之前（高于行标题），已按此读取，请核对`, cells: mixed.above.flatMap((m) => m.spec.cells.map((c) => c.key)).slice(0, 40) });
  }
  const rowsFound = matches.map((m) => m.spec.cells[0]?.key ?? '');
  const read: TableRead = { cells, uncertain, score, found, expected: specs.length, rowsFound };
  if (found > 0 && Number.isFinite(first)) read.lines = [first, last];
  const oldLabels = matches.filter((m) => m.occurrence.old && standsAsLabel(m, tokens, stream)).map((m) => printedLabel(m));
  if (oldLabels.length) read.oldLabels = oldLabels;
  if (sumsNotAddingUp.length) read.sumsNotAddingUp = sumsNotAddingUp;
  if (blankUnplaced.length) read.blankUnplaced = blankUnplaced;
  if (unsettled.length) read.unsettled = unsettled;
  return read;
}

/**
 * An old label as a table prints it: its line's words are the label and little else. Inside running text
 * (「…包括政府工作报告、常务会议、规范性文件、政府文件…」, a sentence wrapped at the margin) or opening one
 * (「规范性文件方面：2021年…」) it is a word, not a row.
 */
function standsAsLabel(m: RowMatch, tokens: readonly Token[], stream: Stream): boolean {
  if (rowFollows(m, tokens, stream)) return true;
  const line = tokens[stream.tokenAt[m.occurrence.start] ?? 0]?.line;
  const words = tokens.filter((t) => t.line === line && t.type === 'text').map((t) => (t.type === 'text' ? t.text : ''));
  // 「规范性文件方面：…」 opens a sentence about the subject, however short the line
  if (/方面|[:：]/.test(words.join(''))) return false;
  return labelKey(words.join('')).length <= m.occurrence.end - m.occurrence.start + 6;
}

/**
 * A label printed as a table row in a run-together crawl (「…现行有效件数规范性文件107第二十条…」), where its line is
 * the whole page: its row's figures follow it at once (its cells, or a run of digits), with no counter after them
 * (「制发规范性文件34件」 is a sentence's count).
 */
function rowFollows(m: RowMatch, tokens: readonly Token[], stream: Stream): boolean {
  const labelEnd = stream.tokenAt[m.occurrence.end - 1];
  const first = m.values[0];
  const last = m.values[m.values.length - 1];
  if (labelEnd === undefined || !first || !last || tokens.indexOf(first) !== labelEnd + 1) return false;
  // the label ends its text (「规范性文件方面：2021」 is a sentence's subject)
  if (stream.tokenAt[m.occurrence.end] === labelEnd) return false;
  // its cells, or figures run together (however they cut)
  if (m.values.length !== m.spec.cells.length && !m.values.some(isGluedRun)) return false;
  const after = tokens[tokens.indexOf(last) + 1];
  return !(after?.type === 'text' && COUNTERS.includes(after.text.trim().charAt(0)));
}

// ---------------------------------------------------------------------------------------------
// The three tables

/** The row's 2019 label, when later reports print it (never for a format-2019 table, whose label it is). */
function withOldLabel(spec: RowSpec, rowKey: string): RowSpec {
  const old = OLD_LABELS.get(rowKey);
  return old && old !== spec.label ? { ...spec, oldLabel: old } : spec;
}

export function activeSpecs(groups: readonly ActiveGroup[]): RowSpec[] {
  return groups.flatMap((g) =>
    g.rows.map((r) => {
      const at = (key: string) => r.cells.findIndex((c) => c.key === key);
      const atLeast = r.atLeast ? ([at(r.atLeast[0]), at(r.atLeast[1])] as const) : undefined;
      return withOldLabel({ label: r.label, name: `二、${r.label}`, cells: r.cells, ...(atLeast ? { atLeast } : {}) }, r.key);
    }),
  );
}

export function applySpecs(otherSplit: boolean): RowSpec[] {
  return applyRows(otherSplit).map((r) =>
    withOldLabel(
      {
        label: r.label,
        name: `三、${r.group ?? ''}${r.label}`,
        cells: APPLY_COLUMNS.map((c) => ({ key: `apply.${r.key}.${c.key}`, kind: 'count' as const })),
        totalIndex: APPLY_DETAIL_COLUMNS.length,
      },
      `apply.${r.key}`,
    ),
  );
}

export function readActive(tokens: readonly Token[], groups: readonly ActiveGroup[], opts: ReadOptions = IN_SECTION): TableRead {
  return readRows(tokens, activeSpecs(groups), '表二', opts);
}

/** Table 三, read both with the split 「（六）其他处理」 rows and with the single row: the better reading wins. */
export function readApply(tokens: readonly Token[], allowSingle: boolean, allowSplit: boolean, opts: ReadOptions = IN_SECTION): TableRead & { otherSplit: boolean } {
  const split = allowSplit ? { ...readRows(tokens, applySpecs(true), '表三', opts), otherSplit: true } : null;
  const single = allowSingle ? { ...readRows(tokens, applySpecs(false), '表三', opts), otherSplit: false } : null;
  if (!split || !single) return (split ?? single)!;
  // Only a （六） row printed decides: an excerpt that stops before it (or a row cut off mid-label) keeps the split rows.
  const holdsOther = (r: TableRead) => (r.rowsFound ?? []).some((k) => k.startsWith('apply.other'));
  if (!holdsOther(single)) return split;
  if (!holdsOther(split)) return single;
  // Rows missing from both readings decide nothing: their penalty is left out.
  const fit = (r: TableRead): number => r.score + 2 * (r.expected - r.found);
  return fit(single) > fit(split) ? single : split;
}

export { readReview } from './tableReview.js';
export type { TableRead } from './tableRead.js';
