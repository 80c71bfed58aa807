/**
 * Table 四 (行政复议、行政诉讼): fifteen figures, in block order, after a header whose wording and order are
 * not relied on. Printed as one row of 15, as three five-column tables (each with its own header), with the
 * header spread over many lines, or with the figures glued together; figures of running text are left out.
 */
import { REVIEW_BLOCKS, REVIEW_COLUMNS } from '../report/format.js';
import { parseCell } from '../report/numbers.js';
import type { Cells, SumNotAddingUp } from '../report/model.js';
import type { Uncertain } from './result.js';
import { failingInEveryReading, isGluedRun, plainlyNoCount, ungluedValues } from './tableGlued.js';
import type { TableRead } from './tableRead.js';
import { labelKey, tokenValue, type Token } from './text.js';

const WANT = REVIEW_BLOCKS.length * REVIEW_COLUMNS.length;

/** The blocks whose total is not the sum of their four results. */
function blocksNotAddingUp(figures: readonly (number | null)[]): number[] {
  const out: number[] = [];
  for (let b = 0; b < REVIEW_BLOCKS.length; b++) {
    const block = figures.slice(b * 5, b * 5 + 5).map((n) => n ?? 0);
    if ((block[0] ?? 0) + (block[1] ?? 0) + (block[2] ?? 0) + (block[3] ?? 0) !== block[4]) out.push(b);
  }
  return out;
}

/** Each block's total is the sum of its four results. */
function reviewAddsUp(figures: readonly (number | null)[]): boolean {
  return blocksNotAddingUp(figures).length === 0;
}

/**
 * Glued runs that no reading makes add up: the blocks that fail in every reading of their spaces and every cut of
 * their runs are wrong in the printed table (「00202000001324015」: 复议后起诉 13 + 2 + 4 + 0 is not 15, however the
 * digits are read). A block whose total a reading leaves empty is not judged in it.
 */
function gluedSumsNotAddingUp(runs: readonly Token[][], keys: readonly string[]): SumNotAddingUp[] {
  const glued = runs.find((r) => r.some(isGluedRun));
  if (!glued || ungluedValues(glued, new Array<boolean>(WANT).fill(false), reviewAddsUp)) return [];
  const printed = printedFigures(glued);
  const failing = (cut: readonly Token[], figures: number[]) => blocksNotAddingUp(figures).filter((b) => cut[b * 5 + 4]?.type !== 'blank');
  return failingInEveryReading(glued, WANT, failing).map((b) => ({
    total: keys[b * 5 + 4] ?? '',
    parts: keys.slice(b * 5, b * 5 + 4),
    printed,
    unplaceable: 'glued' as const,
  }));
}

/** Figures as printed, for a message (a blank as nothing). */
function printedFigures(values: readonly Token[]): string {
  return values.map((t) => (t.type === 'num' ? t.raw : '')).join(' ');
}

/** The blocks that fail whichever reading `readings` gives (a block whose total a reading leaves empty is not judged in it). */
function failingInEvery(readings: readonly (number | null)[][]): number[] {
  let common: number[] | null = null;
  for (const figures of readings) {
    const fails = blocksNotAddingUp(figures).filter((b) => figures[b * 5 + 4] !== null);
    common = common === null ? fails : common.filter((b) => fails.includes(b));
    if (common.length === 0) return [];
  }
  return common ?? [];
}

/** Sixteen figures: each reading with one left out (a stray), and with two neighbours joined (a stray space). */
function longReadings(values: readonly Token[]): (number | null)[][] {
  const figures = values.map(tokenValue);
  const dropped = figures.map((_, drop) => figures.filter((__, i) => i !== drop));
  const joined = figures.slice(0, -1).map((_, i) => {
    const [a, b] = [values[i], values[i + 1]];
    const both = a?.type === 'num' && b?.type === 'num' && /^\d+$/.test(a.raw + b.raw) ? Number(a.raw + b.raw) : null;
    return [...figures.slice(0, i), both, ...figures.slice(i + 2)];
  });
  return [...dropped, ...joined];
}

/** Fourteen figures: the one cell printed as nothing (a blank of a space-parted line) in each place it may stand. */
function shortReadings(values: readonly Token[]): (number | null)[][] {
  const figures = values.map(tokenValue);
  return Array.from({ length: WANT }, (_, at) => [...figures.slice(0, at), null, ...figures.slice(at)]);
}

/** A block fits a reading: a blank total says nothing, and a blank result may hold what the others lack. */
function blockFits(block: readonly (number | null)[]): boolean {
  const total = block[4];
  if (total === null || total === undefined) return true;
  const parts = block.slice(0, 4);
  const known = parts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
  return parts.some((n) => n === null) ? known <= total : known === total;
}

const readingFits = (figures: readonly (number | null)[]) => REVIEW_BLOCKS.every((_, b) => blockFits(figures.slice(b * 5, b * 5 + 5)));

/**
 * Figures one too many or one too few, placed in order: the blocks that fail in every reading of them (`long`), or,
 * where no block does (an empty cell may be any block's total), the whole table when no reading fits at all (`table`):
 * wrong as printed, in a block no reading names.
 */
function unplacedSumsNotAddingUp(values: readonly Token[], keys: readonly string[]): SumNotAddingUp[] {
  const readings = values.length === WANT + 1 ? longReadings(values) : values.length === WANT - 1 ? shortReadings(values) : [];
  if (readings.length === 0) return [];
  const printed = printedFigures(values);
  const blocks = failingInEvery(readings).map((b) => ({ total: keys[b * 5 + 4] ?? '', parts: keys.slice(b * 5, b * 5 + 4), printed, unplaceable: 'long' as const }));
  if (blocks.length > 0 || readings.some(readingFits)) return blocks;
  const [total = ''] = keys.slice(4, 5);
  return [{ total, parts: keys.filter((k) => k !== total), printed, unplaceable: 'table' }];
}

/** Runs of consecutive values (a run ends at any text token). */
function runsOf(tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    if (t.type === 'text') {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(t);
  }
  if (run.length) runs.push(run);
  return runs;
}

interface Chosen {
  /** null: a cell left blank (glued figures whose cut is uncertain there) */
  values: (Token | null)[];
  /** a doubt that concerns every cell */
  note?: string;
  /** the figures were too few or too many, and placed in order: which cell each stands in is a guess */
  guessedFrom?: readonly Token[];
}

/** A run one value too long: drop the one value that makes every block add up, if exactly one does. */
function dropStray(longest: readonly Token[]): Chosen {
  const fits: Token[][] = [];
  if (longest.length === WANT + 1) {
    for (let drop = 0; drop < longest.length; drop++) {
      const rest = longest.filter((_, i) => i !== drop);
      if (reviewAddsUp(rest.map(tokenValue))) fits.push(rest);
    }
  }
  const distinct = new Set(fits.map((f) => f.map((t) => (t.type === 'num' ? t.raw : '')).join('|')));
  const [fit] = fits;
  if (distinct.size === 1 && fit) return { values: fit, note: `表四有 ${longest.length} 个数字，比应有的 15 个多一个；已按各栏总计舍去多余的数字，请核对` };
  return { values: longest.slice(0, WANT), note: `表四有 ${longest.length} 个数字，应为 15 个；已取前 15 个，请核对`, guessedFrom: longest };
}

/** The fifteen figures of the table, and how sure the choice is; null when there are none. */
function chooseValues(runs: readonly Token[][]): Chosen | null {
  const exact = runs.filter((r) => r.length === WANT);
  const lastExact = exact[exact.length - 1];
  if (lastExact) return { values: lastExact };
  // Figures glued together: the first run after the header that holds a glued figure (one try: bounded work).
  const glued = runs.find((r) => r.some(isGluedRun));
  const unglued = glued ? ungluedValues(glued, new Array<boolean>(WANT).fill(false), reviewAddsUp) : null;
  if (unglued && !unglued.inferred) return { values: unglued.values };
  if (unglued) return { values: unglued.values, note: `表四的数字连在一起，已按${unglued.byDigit ? '每格一位数字（数字个数与单元格数相同）' : '各栏总计'}拆分，请核对` };
  // Three five-column tables: the three rows of five figures.
  const fives = runs.filter((r) => r.length === REVIEW_COLUMNS.length);
  if (fives.length === REVIEW_BLOCKS.length) return { values: fives.flat() };
  const all = runs.flat();
  if (all.length === WANT) return { values: all };
  if (runs.length === 0) return null;
  const longest = runs.reduce((a, b) => (b.length >= a.length ? b : a));
  if (longest.length > WANT) return dropStray(longest);
  return { values: all.slice(0, WANT), note: `表四只找到 ${all.length} 个数字，应为 15 个；已按顺序填入，请核对`, guessedFrom: all };
}

/**
 * Words only the table's own header prints (「维持」「纠正」「审结」 of 结果维持、结果纠正、尚未审结): its figures come
 * after them; figures before belong to other tables or text. Their characters are looked for in any order
 * (PDFs give a vertical header a character per line, column by column), in one run of text.
 */
const HEADER_CUES = REVIEW_COLUMNS.filter((c) => c.key === 'upheld' || c.key === 'corrected' || c.key === 'pending').map((c) => labelKey(c.label).slice(-2));

const CUE_CHARS = new Set(HEADER_CUES.join(''));

/** The tokens after the first run of text that holds the header's words; none when there is no such header. */
function fromHeader(tokens: readonly Token[]): readonly Token[] {
  const seen = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t?.type !== 'text') {
      seen.clear();
      continue;
    }
    for (const ch of t.text) if (CUE_CHARS.has(ch)) seen.add(ch);
    if (seen.size === CUE_CHARS.size) return tokens.slice(i + 1);
  }
  return [];
}

export function readReview(sectionTokens: readonly Token[]): TableRead {
  const keys = REVIEW_BLOCKS.flatMap((b) => REVIEW_COLUMNS.map((c) => `review.${b.key}.${c.key}`));
  // Figures of running text are never the table's: they are left out when the table's own are there.
  const tableTokens = sectionTokens.filter((t) => !t.prose);
  const tokens = fromHeader(tableTokens.some((t) => t.type === 'num') ? tableTokens : sectionTokens);
  const runs = runsOf(tokens);
  const chosen = chooseValues(runs);
  const values = chosen?.values ?? null;
  const note = chosen?.note ?? null;
  const cells: Cells = {};
  const uncertain: Uncertain[] = [];
  keys.forEach((key, i) => {
    const tok = values?.[i];
    let value: number | null = null;
    if (tok?.type === 'num') {
      const parsed = parseCell(tok.raw, 'count');
      if (parsed.ok && typeof parsed.value === 'number') value = parsed.value;
      // a value the table prints but that is no count (「0.5」「-1」) is the report's error, V-NUM (where the figures
      // were a guess, only one plainly no count: another may be two cells' run together)
      else if (!parsed.ok) {
        const invalid = !note || plainlyNoCount(tok);
        uncertain.push({ target: key, name: reviewName(key), reason: `原文「${tok.raw}」无法识别：${parsed.message}`, unread: true, ...(invalid ? { invalid: tok.raw.slice(0, 64) } : {}) });
      }
    } else if (values && !note) {
      uncertain.push({ target: key, name: reviewName(key), reason: '原文此单元格为空白，请核对并填写（无则填 0）' });
    }
    cells[key] = value;
    // figures printed but too few or run together past reading: the cells left empty are unread, not blanks of the report
    if (note) uncertain.push({ target: key, name: reviewName(key), reason: note, ...(value === null ? { unread: true as const } : {}), ...(chosen?.guessedFrom ? { unplaced: true as const } : {}) });
  });
  if (!values) uncertain.push({ target: keys[0] ?? '', name: '表四', reason: '未能在原文中找到表四（行政复议、行政诉讼）的数字，请对照原文填写', cells: keys });
  const read: TableRead = { cells, uncertain, score: values ? 15 : 0, found: values ? 1 : 0, expected: 1 };
  const guessedFrom = chosen?.guessedFrom;
  const glued = gluedSumsNotAddingUp(runs, keys);
  const notAddingUp = glued.length > 0 || !guessedFrom ? glued : unplacedSumsNotAddingUp(guessedFrom, keys);
  if (notAddingUp.length) read.sumsNotAddingUp = notAddingUp;
  const lines = values?.flatMap((t) => (t ? [t.line] : [])) ?? [];
  if (lines.length) read.lines = [Math.min(...lines), Math.max(...lines)];
  return read;
}

function reviewName(key: string): string {
  const [, block, col] = key.split('.');
  const b = REVIEW_BLOCKS.find((x) => x.key === block)?.label ?? '';
  const c = REVIEW_COLUMNS.find((x) => x.key === col)?.label ?? '';
  return `四、${b}·${c}`;
}
