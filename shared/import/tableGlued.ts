/**
 * Figures printed with no space between them (one-line crawls of web pages: 「一、本年新收…数量1000001」 for
 * seven cells 1 0 0 0 0 0 1): cutting a glued run of digits back into the row's cells. One digit per cell
 * when the digits are exactly as many as the cells; otherwise a cut is taken only when it is the one cut the
 * row's own arithmetic accepts (or the only cut at all), and it is then a doubt for the clerk.
 */
import type { Token } from './text.js';

/** Most cuts looked at for one row (bounded time: a row's run is a few dozen digits at most). */
const MAX_CUTS = 2000;
/** Most partial cuts tried for one row, all runs together: past it the row is not cut at all. */
const MAX_STEPS = 20_000;
/** Longest glued run that is cut (longer runs are not a table row's figures). */
const MAX_DIGITS = 40;
/** Most cuts of one row kept for settling it later (by the report's text). */
const MAX_LISTED_CUTS = 64;

/** A cut's figures (a blank counts 0: cuts are of figures only). */
function figures(cut: readonly Token[]): number[] {
  return cut.map((t) => (t.type === 'num' ? Number(t.raw.replace(/,/g, '')) : 0));
}

/** Work left for one row's cutting, shared by all its runs. */
interface Budget {
  steps: number;
}

/** Ways to cut `digits` into `parts` figures, none but 「0」 starting with 0; stops after `cap` ways. A sign stays on the first. */
export function digitCuts(signed: string, parts: number, cap = MAX_CUTS, budget: Budget = { steps: MAX_STEPS }): string[][] {
  const sign = signed.startsWith('+') || signed.startsWith('-') ? signed.slice(0, 1) : '';
  const digits = signed.slice(sign.length);
  const out: string[][] = [];
  const cut: string[] = [];
  const walk = (from: number, left: number): void => {
    // bounded work whatever the digits (a cut that fails only at its last figure is still a step)
    if (out.length >= cap || --budget.steps < 0) return;
    if (left === 1) {
      const last = digits.slice(from);
      if (last.length > 0 && (last.length === 1 || last[0] !== '0')) out.push([...cut, last]);
      return;
    }
    // leave at least one digit for each remaining part; a figure starting with 0 is 「0」 alone
    const longest = digits[from] === '0' ? 1 : digits.length - from - (left - 1);
    for (let len = 1; len <= longest; len++) {
      cut.push(digits.slice(from, from + len));
      walk(from + len, left - 1);
      cut.pop();
    }
  };
  if (parts >= 1 && parts <= digits.length) walk(0, parts);
  return sign ? out.map(([head, ...rest]) => [sign + (head ?? ''), ...rest]) : out;
}

/** A glued figure of several digits (that may be several cells' figures run together). */
export function isGluedRun(t: Token | null): boolean {
  return !!t && t.type === 'num' && t.glued === true && /^[+-]?\d{2,}$/.test(t.raw) && t.raw.length <= MAX_DIGITS;
}

/**
 * Every way to cut the glued runs among `values` so that there are `want` values; null when there are more
 * than MAX_CUTS or finding them takes more than the budget (then nothing is cut: too uncertain).
 */
function candidates(values: readonly Token[], want: number, splittable: (t: Token) => boolean = isGluedRun, budget: Budget = { steps: MAX_STEPS }): Token[][] | null {
  const extra = want - values.length;
  const out: Token[][] = [];
  const walk = (i: number, left: number, acc: Token[]): void => {
    if (out.length >= MAX_CUTS || --budget.steps < 0) return;
    const tok = values[i];
    if (!tok) {
      if (left === 0) out.push(acc);
      return;
    }
    if (!splittable(tok) || tok.type !== 'num') {
      walk(i + 1, left, [...acc, tok]);
      return;
    }
    for (let more = 0; more <= Math.min(left, tok.raw.replace(/^[+-]/, '').length - 1); more++) {
      for (const cut of digitCuts(tok.raw, more + 1, MAX_CUTS - out.length, budget)) {
        walk(i + 1, left - more, [...acc, ...cut.map((raw): Token => ({ type: 'num', raw, line: tok.line, glued: true }))]);
      }
    }
  };
  if (extra > 0 && values.some(splittable)) walk(0, extra, []);
  return out.length >= MAX_CUTS || budget.steps < 0 ? null : out;
}

export interface Unglued {
  /** the row's values; null where the possible cuts disagree (the cell is left blank) */
  values: (Token | null)[];
  /** the cut was inferred (from the row's arithmetic, the digits' form or agreement of the cuts), not one digit per cell */
  inferred: boolean;
  /** the cuts that all fit, when more than one does (the table's columns may still settle it) */
  alternatives?: Token[][];
  /** one digit per cell, the digits being exactly as many as the cells (a cut no arithmetic chose: the rules judge it) */
  byDigit?: true;
}

/** What a value reads as, for comparing two cuts. */
function cellText(t: Token | undefined): string {
  return t === undefined ? '' : t.type === 'num' ? t.raw : t.type;
}

function hasLongGluedFigure(c: readonly Token[]): boolean {
  return c.some((t) => t.type === 'num' && t.glued === true && t.raw.replace(/^[+-]/, '').length > 1);
}

/**
 * The row's values with glued runs cut into `want` values, or null when no cell can be read with certainty.
 * `signed`: which cells may hold a signed figure (2019 本年增/减); `fits`: the row's arithmetic on the figures
 * (null when the row has none). Cells on which every acceptable cut agrees are read; the others stay blank.
 */
export function ungluedValues(values: readonly Token[], signed: readonly boolean[], fits: ((figures: number[]) => boolean) | null): Unglued | null {
  const want = signed.length;
  const signsFit = (c: readonly Token[]): boolean => c.every((t, i) => !(t.type === 'num' && /^[+-]/.test(t.raw)) || signed[i] === true);
  const found = candidates(values, want);
  if (!found) return null;
  if (found.length === 0) {
    // spaces standing for empty cells only in a row that shows gluing (a figure starting with 0, or one too long for
    // a count: 「2600000 26」)
    if (values.some(isGluedRun) || values.some(tooLongForACount)) {
      const spaced = blanksAtSpaces(values, want);
      if (spaced) return spaced;
    }
    // plain runs cut too, with or without a sign of gluing (a run starting a PDF's line: 「700000 7」), only where
    // exactly one cut fills the row and adds up: a short row's blanks never would; else the row has a blank cell
    if (fits) return gluedAtBothEnds(values, want, signsFit, (c) => fits(figures(c))) ?? digitPerCell(values, want, fits);
  }
  const all = found.filter(signsFit);
  const [first] = all;
  if (!first) return null;
  if (all.length === 1 && !hasLongGluedFigure(first)) {
    // the one cut of the runs that show gluing doesn't add up: a plain figure may be cells run together too
    // (「1 02 0 312 00 012…」: 312 is 3 and 12); else it stands, and the arithmetic rules report the row
    const both = fits && !fits(figures(first)) ? gluedAtBothEnds(values, want, signsFit, (c) => fits(figures(c))) : null;
    return both ?? { values: first, inferred: false };
  }
  const accepted = fits ? all.filter((c) => fits(figures(c))) : all;
  const [one] = accepted;
  if (!one) return null;
  if (accepted.length === 1) return { values: one, inferred: true };
  // Several cuts remain: keep the cells they all agree on.
  const agreed = one.map((t, i) => (accepted.every((c) => cellText(c[i]) === cellText(t)) ? t : null));
  return agreed.some((t) => t !== null) ? { values: agreed, inferred: true, alternatives: accepted } : null;
}

/** A plain figure of several digits, in a row that shows glued figures: it may be two cells run together too. */
function plainRun(t: Token): boolean {
  return (t.type === 'num' && !t.glued && /^\d{2,6}$/.test(t.raw)) || tooLongForACount(t);
}

/** Seven digits or more with no separator: no organ counts a million applications or cases; cells run together. */
export function tooLongForACount(t: Token): boolean {
  return t.type === 'num' && !t.glued && /^\d{7,}$/.test(t.raw) && t.raw.length <= MAX_DIGITS;
}

/**
 * A figure printed that is no count and no cells run together: a decimal or a negative of a count's length (「56.5」
 * 「0.5」「-1」). Cells run together never make one (a count has no point or sign), so it is a misprint of the cell it
 * stands in even where the row's other figures are placed by a guess; 「1973601627.4元」 may be two.
 */
export function plainlyNoCount(t: Token): boolean {
  return t.type === 'num' && /^(?:-?\d{1,5}[.．]\d{1,2}|-\d{1,5})$/.test(t.raw);
}

/**
 * A row glued at both ends (「10 0 0 0 01」 for 1 0 0 0 0 0 1): only a figure starting with 0 shows it was glued, so
 * the row is short even after cutting those. Cutting plain figures too is taken only when exactly one cut gives the
 * row's number of cells and its own total, and it is a doubt for the clerk.
 */
function gluedAtBothEnds(values: readonly Token[], want: number, signsFit: (c: readonly Token[]) => boolean, adds: (c: readonly Token[]) => boolean): Unglued | null {
  const found = candidates(values, want, (t) => isGluedRun(t) || plainRun(t));
  const accepted = (found ?? []).filter((c) => signsFit(c) && adds(c));
  const [one] = accepted;
  return one && accepted.length === 1 ? { values: one, inferred: true } : null;
}

/**
 * A row that shows gluing (a figure starting with 0) whose digits are exactly as many as its cells, yet no cut adds
 * up (「00 0 00 0 0 0 00 0 0 0 10」 for table 四): one digit per cell, as everywhere the digits match the cells — the one
 * reading that needs no empty cell. Not where some reading of its spaces makes it add up (「5 5 00 0 10」 may be
 * 5 5 0 0 0, blank, 10); past the readings that can be tried (many spaces), the digits stand. The arithmetic rules
 * then judge the row as read; a doubt for the clerk.
 */
function digitPerCell(values: readonly Token[], want: number, fits: (figures: number[]) => boolean): Unglued | null {
  if (!values.some(isGluedRun) || !values.every((t) => t.type === 'num' && /^\d+$/.test(t.raw))) return null;
  const digits = values.flatMap((t) => (t.type === 'num' ? [...t.raw].map((d): Token => ({ type: 'num', raw: d, line: t.line, glued: true })) : []));
  if (digits.length !== want || someReadingFits(values, want, fits)) return null;
  return { values: digits, inferred: true, byDigit: true };
}

/**
 * A crawl that runs a row's cells together but leaves a space for an empty one (「0 00000」 for 0, blank, 0 0 0 0 0):
 * when the row's runs of zeros, a cell a digit, fall short of its cells by exactly the number of spaces between its
 * figures, each space is a blank cell. Only runs of zeros (they cut one way); a doubt for the clerk.
 */
function blanksAtSpaces(values: readonly Token[], want: number): Unglued | null {
  if (!values.every((t) => t.type === 'num' && (!isGluedRun(t) || /^0+$/.test(t.raw)))) return null;
  const cells = values.reduce((n, t) => n + (isGluedRun(t) && t.type === 'num' ? t.raw.length : 1), 0);
  if (cells + values.length - 1 !== want) return null;
  const out: Token[] = [];
  values.forEach((t, i) => {
    if (i > 0) out.push({ type: 'blank', line: t.line });
    if (isGluedRun(t) && t.type === 'num') for (const d of t.raw) out.push({ type: 'num', raw: d, line: t.line, glued: true });
    else out.push(t);
  });
  return { values: out, inferred: true };
}

/** Most spaces of a row read each of three ways (`spaceReadings`): 3⁶ readings at most, all cut within one budget. */
const MAX_SPACES = 6;
/** Most spaces of a row read at all: past MAX_SPACES, only one of them read otherwise than between two cells. */
const MAX_SPACES_ONE_ODD = 30;
const MAX_READING_STEPS = 200_000;

const gluedRun = (raw: string, line: number): Token => ({ type: 'num', raw, line, glued: true });

/**
 * The ways a crawl's spaces between a row's runs of digits may be read: a stray space inside a figure (「1 2」 for
 * 12), a space between two cells, or an empty cell (「0 00000」 for 0, blank, 0 0 0 0 0). Every run of two digits or
 * more may be cells run together. Null unless every value is a run of digits and the spaces are few. A crawl that
 * spaces some cells and not others (「00 2 02 00 000 1324 0 15」, table 四) has more spaces than can be read every
 * way: each space between two cells, or any one of them read otherwise.
 */
function spaceReadings(values: readonly Token[]): Token[][] | null {
  const runs = values.map((t) => (t.type === 'num' && /^\d+$/.test(t.raw) ? t : null));
  if (runs.some((t) => t === null) || runs.length - 1 > MAX_SPACES_ONE_ODD) return null;
  const nums = runs.flatMap((t) => (t?.type === 'num' ? [t] : []));
  if (nums.length - 1 > MAX_SPACES) return oneOddSpace(nums);
  let readings: Token[][] = [];
  for (const t of nums) {
    if (readings.length === 0) {
      readings = [[gluedRun(t.raw, t.line)]];
      continue;
    }
    readings = readings.flatMap((r) => {
      const prev = r[r.length - 1];
      const joined = prev?.type === 'num' ? [[...r.slice(0, -1), gluedRun(prev.raw + t.raw, prev.line)]] : [];
      return [...joined, [...r, gluedRun(t.raw, t.line)], [...r, { type: 'blank' as const, line: t.line }, gluedRun(t.raw, t.line)]];
    });
  }
  return readings;
}

/** Every space between two cells, and each reading with one space read otherwise (a stray space, or an empty cell). */
function oneOddSpace(nums: readonly (Token & { type: 'num' })[]): Token[][] {
  const between = nums.map((t) => gluedRun(t.raw, t.line));
  const odd = nums.slice(1).flatMap((t, i) => {
    const prev = nums[i];
    if (!prev) return [];
    const before = between.slice(0, i);
    const after = between.slice(i + 2);
    return [
      [...before, gluedRun(prev.raw + t.raw, prev.line), ...after],
      [...before, gluedRun(prev.raw, prev.line), { type: 'blank' as const, line: t.line }, gluedRun(t.raw, t.line), ...after],
    ];
  });
  return [between, ...odd];
}

/**
 * The sums of a row of runs of digits that fail in every reading of its spaces (`spaceReadings`) and every cut of
 * its runs: wrong in the printed table whichever is meant. `failing` gives the sums one cut fails (by index), leaving
 * out a sum it can't judge there (its total read as an empty cell). Empty when some reading makes every sum add up,
 * or the readings can't be judged in bounded time.
 */
export function failingInEveryReading(values: readonly Token[], want: number, failing: (cut: readonly Token[], figures: number[]) => number[]): number[] {
  let common: number[] | null = null;
  const walked = eachReadingCut(values, want, (cut) => {
    const fails = failing(cut, figures(cut));
    common = common === null ? fails : common.filter((i) => fails.includes(i));
    return common.length === 0;
  });
  return walked === 'done' ? (common ?? []) : [];
}

/** Some reading of a row's spaces and cut of its runs makes it add up (a blank counted 0); false when they can't all be tried in bounded time. */
function someReadingFits(values: readonly Token[], want: number, fits: (figures: number[]) => boolean): boolean {
  return eachReadingCut(values, want, (cut) => fits(figures(cut))) === 'stopped';
}

/**
 * Visits every cut into `want` values of every reading of a row's spaces (`spaceReadings`) until `stop` says so:
 * 'stopped', 'done' (all visited), or 'unbounded' (too many to try in bounded time, or a row that can't be read so).
 */
function eachReadingCut(values: readonly Token[], want: number, stop: (cut: readonly Token[]) => boolean): 'stopped' | 'done' | 'unbounded' {
  const readings = spaceReadings(values);
  if (!readings) return 'unbounded';
  const budget: Budget = { steps: MAX_READING_STEPS };
  for (const reading of readings) {
    const cuts = reading.length === want ? [reading] : candidates(reading, want, isGluedRun, budget);
    if (cuts === null) return 'unbounded';
    if (cuts.some(stop)) return 'stopped';
  }
  return 'done';
}

/**
 * Runs of digits that are no row of `want` cells in any reading of their spaces and any cut of their glued runs:
 * more digits than cells, yet each 0 that starts a figure is a cell of its own (「000000010」 is at least 8 figures
 * for 7 cells). Misprinted whichever is meant. False when the readings can't be tried in bounded time.
 */
export function cutInNoReading(values: readonly Token[], want: number): boolean {
  const digits = values.reduce((n, t) => n + (t.type === 'num' ? t.raw.replace(/\D/g, '').length : 0), 0);
  if (digits <= want) return false;
  const readings = spaceReadings(values);
  if (!readings) return false;
  const budget: Budget = { steps: MAX_READING_STEPS };
  return readings.every((reading) => reading.length !== want && candidates(reading, want, isGluedRun, budget)?.length === 0);
}

/** Every cut of a short row's glued runs into its cells, as figures (null when too many to list). */
export function gluedCuts(values: readonly Token[], want: number): number[][] | null {
  const found = candidates(values, want);
  if (!found || found.length > MAX_LISTED_CUTS) return null;
  return found.map(figures);
}
