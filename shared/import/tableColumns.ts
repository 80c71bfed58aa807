/**
 * Rows of table 三 whose glued figures can be cut more than one way by the row's own total (「予以公开270020130」:
 * 27 0 0 2 0 1 30 or 2 7 0 0 20 1 30) are settled, where they can be, by the table's columns: the cut whose figures
 * make every column add up (（七）总计 = the results above it; 第一项 + 第二项 = 第三项 + 第四项) is taken when it is
 * the only combination that does. Otherwise the cells the cuts disagree on stay blank, as the row left them, and a
 * column's sum that fails under every combination (rows no cut adds up included) is wrong in the report as printed.
 */
import { APPLY_COLUMNS, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, balanceRowKeys, sumsOf } from '../report/format.js';
import type { Cells } from '../report/model.js';

/** A row left with blanks because several cuts fit its total, or none does: its cells and each cut's figures, in cell order. */
export interface AmbiguousRow {
  keys: readonly string[];
  cuts: readonly (readonly number[])[];
  /** the row's figures as printed (「13000000」) */
  printed?: string;
  /** `[more, less]` indices into `keys`: the format's rule of the domain for the row (RowSpec.atLeast) */
  atLeast?: readonly [number, number];
}

/** Most combinations of cuts tried for one table (bounded time whatever the glued text). */
const MAX_COMBINATIONS = 4096;

function known(cells: Cells, key: string): number | null {
  const v = cells[key];
  return typeof v === 'number' ? v : null;
}

/**
 * One sum of table 三: a row's or a column's total against its parts (T3-ROW, T3-SUM7), or a column's balance
 * (T3-BAL: 第一项 + 第二项 = 第三项（七）总计 + 第四项, `total` the 第三项 and `parts` the other three).
 */
export interface ApplySum {
  rule: 'T3-ROW' | 'T3-SUM7' | 'T3-BAL';
  total: string;
  parts: readonly string[];
}

/** Every sum of table 三, by the format the cells are of. */
function applySums(cells: Cells): ApplySum[] {
  const format = Object.keys(cells).some((k) => k.startsWith('apply.other.')) ? FORMAT_2021_SINGLE_OTHER : FORMAT_2021;
  const sums: ApplySum[] = [];
  for (const def of format.cells) {
    if (def.table !== 'apply') continue;
    for (const { sumOf, rule } of sumsOf(def)) if (rule === 'T3-ROW' || rule === 'T3-SUM7') sums.push({ rule, total: def.key, parts: sumOf });
  }
  const [first, second, seventh, fourth] = balanceRowKeys();
  for (const col of APPLY_COLUMNS) {
    const key = (row: string) => `apply.${row}.${col.key}`;
    sums.push({ rule: 'T3-BAL', total: key(seventh), parts: [key(first), key(second), key(fourth)] });
  }
  return sums;
}

/** Whether the sum holds on these cells; null when a figure of it is blank. */
function sumHolds(cells: Cells, s: ApplySum): boolean | null {
  const total = known(cells, s.total);
  const parts = s.parts.map((k) => known(cells, k));
  if (total === null || !parts.every((v): v is number => v !== null)) return null;
  if (s.rule !== 'T3-BAL') return parts.reduce((a, b) => a + b, 0) === total;
  const [first = 0, second = 0, fourth = 0] = parts;
  return first + second === total + fourth;
}

/** Every sum of table 三 that can be judged (no blank in it) holds. */
function columnsHold(cells: Cells, sums: readonly ApplySum[]): boolean {
  return sums.every((s) => sumHolds(cells, s) !== false);
}

/**
 * Whether the sum fails as the rules judge a published table (rules/arithmetic.ts): a blank part is left out of a
 * total's sum, a balance needs all four figures; null when it can't be judged (no figure, or one that can't be read).
 */
function sumFailsAsPrinted(cells: Cells, s: ApplySum, unreadable: ReadonlySet<string>): boolean | null {
  if ([s.total, ...s.parts].some((k) => unreadable.has(k))) return null;
  if (s.rule === 'T3-BAL') {
    const holds = sumHolds(cells, s);
    return holds === null ? null : !holds;
  }
  const total = known(cells, s.total);
  if (total === null) return null;
  const printed = s.parts.map((k) => known(cells, k)).filter((v): v is number => v !== null);
  return printed.length === 0 ? null : printed.reduce((a, b) => a + b, 0) !== total;
}

/**
 * The columns' sums (T3-SUM7, T3-BAL) through cells of these rows left blank that fail in every combination of the
 * rows' cuts: wrong in the report whichever cut is meant (「予以公开13000000」 is 13 or 1 | 30 for 自然人, and
 * （七）总计 prints 0 under both). `unreadable`: other cells that can't be judged (unread, or their column a guess).
 * None when the combinations are too many.
 */
export function columnsFailingInEveryCut(cells: Cells, rows: readonly AmbiguousRow[], unreadable: ReadonlySet<string>): ApplySum[] {
  const blank = new Set(rows.flatMap((r) => r.keys.filter((k) => cells[k] === null)));
  const others = new Set([...unreadable].filter((k) => !blank.has(k)));
  let failing = applySums(cells).filter((s) => s.rule !== 'T3-ROW' && [s.total, ...s.parts].some((k) => blank.has(k)));
  if (failing.length === 0 || rows.reduce((n, r) => n * r.cuts.length, 1) > MAX_COMBINATIONS) return [];
  const trial: Cells = { ...cells };
  const walk = (i: number): void => {
    if (failing.length === 0) return;
    const row = rows[i];
    if (!row) {
      failing = failing.filter((s) => sumFailsAsPrinted(trial, s, others) === true);
      return;
    }
    for (const cut of row.cuts) {
      // a cell some cuts agree on was read already: the cut's figure stands in for the blank ones only
      row.keys.forEach((k, j) => (trial[k] = cells[k] === null ? (cut[j] ?? null) : (cells[k] ?? null)));
      walk(i + 1);
    }
  };
  walk(0);
  return failing;
}

/**
 * The one combination of the rows' cuts under which the columns add up, written into `cells`; the keys it filled.
 * Nothing is written (and [] returned) when none or more than one combination fits, or there are too many.
 */
export function settleByColumns(cells: Cells, rows: readonly AmbiguousRow[]): string[] {
  if (rows.length === 0) return [];
  const combinations = rows.reduce((n, r) => n * r.cuts.length, 1);
  if (combinations > MAX_COMBINATIONS) return [];
  const trial: Cells = { ...cells };
  const sums = applySums(cells);
  let fit: number[] | null = null;
  let fits = 0;
  const choice: number[] = [];
  const walk = (i: number): void => {
    if (fits > 1) return;
    const row = rows[i];
    if (!row) {
      if (columnsHold(trial, sums)) {
        fits++;
        fit = [...choice];
      }
      return;
    }
    row.cuts.forEach((cut, c) => {
      row.keys.forEach((k, j) => (trial[k] = cut[j] ?? null));
      choice.push(c);
      walk(i + 1);
      choice.pop();
    });
  };
  walk(0);
  const chosen: number[] | null = fit;
  if (fits !== 1 || !chosen) return [];
  const filled: string[] = [];
  rows.forEach((row, i) => {
    const cut = row.cuts[chosen[i] ?? 0] ?? [];
    row.keys.forEach((k, j) => {
      if (cells[k] === null && cut[j] !== undefined) filled.push(k);
      cells[k] = cut[j] ?? null;
    });
  });
  return filled;
}
