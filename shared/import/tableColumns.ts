/**
 * Rows of table 三 whose glued figures can be cut more than one way by the row's own total (「予以公开270020130」:
 * 27 0 0 2 0 1 30 or 2 7 0 0 20 1 30) are settled, where they can be, by the table's columns: the cut whose figures
 * make every column add up (（七）总计 = the results above it; 第一项 + 第二项 = 第三项 + 第四项) is taken when it is
 * the only combination that does. Otherwise the cells the cuts disagree on stay blank, as the row left them.
 */
import { APPLY_COLUMNS, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, sumsOf } from '../report/format.js';
import type { Cells } from '../report/model.js';

/** A row left with blanks because several cuts fit its total: its cells and each cut's figures, in cell order. */
export interface AmbiguousRow {
  keys: readonly string[];
  cuts: readonly (readonly number[])[];
  /** `[more, less]` indices into `keys`: the format's rule of the domain for the row (RowSpec.atLeast) */
  atLeast?: readonly [number, number];
}

/** Most combinations of cuts tried for one table (bounded time whatever the glued text). */
const MAX_COMBINATIONS = 4096;

function known(cells: Cells, key: string): number | null {
  const v = cells[key];
  return typeof v === 'number' ? v : null;
}

/** Every sum of table 三 that can be judged (no blank in it) holds. */
function columnsHold(cells: Cells): boolean {
  const format = Object.keys(cells).some((k) => k.startsWith('apply.other.')) ? FORMAT_2021_SINGLE_OTHER : FORMAT_2021;
  for (const def of format.cells) {
    if (def.table !== 'apply') continue;
    const total = known(cells, def.key);
    if (total === null) continue;
    for (const { sumOf } of sumsOf(def)) {
      const parts = sumOf.map((k) => known(cells, k));
      if (parts.every((v): v is number => v !== null) && parts.reduce((a, b) => a + b, 0) !== total) return false;
    }
  }
  for (const col of APPLY_COLUMNS) {
    const [a, b, c, d] = ['new', 'carried_over', 'processed_total', 'carried_forward'].map((r) => known(cells, `apply.${r}.${col.key}`));
    if (a != null && b != null && c != null && d != null && a + b !== c + d) return false;
  }
  return true;
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
  let fit: number[] | null = null;
  let fits = 0;
  const choice: number[] = [];
  const walk = (i: number): void => {
    if (fits > 1) return;
    const row = rows[i];
    if (!row) {
      if (columnsHold(trial)) {
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
