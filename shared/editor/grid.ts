/**
 * Spreadsheet navigation over a printed table grid (engineering §4): the `TableLayout` rows are laid out like a
 * browser lays out rowspan/colspan, so every data cell gets its true row and column, and moving across rows that
 * start with merged label cells (三、本年度办理结果, （三）不予公开 …) lands in the right column. Computed cells
 * (those with `sumOf`) are never landed on.
 */
import type { ReportFormat, TableLayout } from '../report/format.js';

export interface GridPos {
  key: string;
  row: number;
  col: number;
  colSpan: number;
  /** false for computed totals */
  editable: boolean;
}

export interface GridMap {
  rows: number;
  cols: number;
  positions: readonly GridPos[];
  byKey: ReadonlyMap<string, GridPos>;
  /** the data cell covering (row, col), if any */
  at(row: number, col: number): GridPos | undefined;
  /** editable cells in reading order */
  order: readonly GridPos[];
}

export function buildGridMap(layout: TableLayout, format: ReportFormat): GridMap {
  const taken: boolean[][] = [];
  const positions: GridPos[] = [];
  const cover = new Map<string, GridPos>();
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]?.[c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) (taken[r + dr] ??= [])[c + dc] = true;
      if (cell.cell) {
        const def = format.cellByKey.get(cell.cell);
        const pos: GridPos = { key: cell.cell, row: r, col: c, colSpan: cs, editable: !def?.sumOf };
        positions.push(pos);
        for (let dc = 0; dc < cs; dc++) cover.set(`${r}:${c + dc}`, pos);
      }
      c += cs;
    }
  });
  const order = positions.filter((p) => p.editable).sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    rows: layout.rows.length,
    cols: layout.columns,
    positions,
    byKey: new Map(positions.map((p) => [p.key, p])),
    at: (row, col) => cover.get(`${row}:${col}`),
    order,
  };
}

export type GridMove =
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'next'
  | 'prev'
  | 'rowStart'
  | 'rowEnd'
  | 'tableStart'
  | 'tableEnd';

/** The cell a move lands on, or null when it would leave the table (the caller then does nothing or lets Tab out). */
export function moveInGrid(map: GridMap, fromKey: string, move: GridMove): string | null {
  const from = map.byKey.get(fromKey);
  if (!from) return null;
  const inRow = map.order.filter((p) => p.row === from.row);
  switch (move) {
    case 'right':
      return inRow.find((p) => p.col > from.col)?.key ?? null;
    case 'left':
      return [...inRow].reverse().find((p) => p.col < from.col)?.key ?? null;
    case 'down':
    case 'up': {
      const step = move === 'down' ? 1 : -1;
      for (let r = from.row + step; r >= 0 && r < map.rows; r += step) {
        const p = map.at(r, from.col);
        if (p?.editable) return p.key;
      }
      return null;
    }
    case 'next':
    case 'prev': {
      const i = map.order.findIndex((p) => p.row === from.row && p.col === from.col);
      if (i < 0) {
        // from a computed cell: the first editable cell after (or before) it in reading order
        const after = map.order.filter((p) => (move === 'next' ? p.row > from.row || (p.row === from.row && p.col > from.col) : p.row < from.row || (p.row === from.row && p.col < from.col)));
        return (move === 'next' ? after[0] : after[after.length - 1])?.key ?? null;
      }
      return map.order[move === 'next' ? i + 1 : i - 1]?.key ?? null;
    }
    case 'rowStart':
      return inRow[0]?.key ?? null;
    case 'rowEnd':
      return inRow[inRow.length - 1]?.key ?? null;
    case 'tableStart':
      return map.order[0]?.key ?? null;
    case 'tableEnd':
      return map.order[map.order.length - 1]?.key ?? null;
  }
}

export interface BlockPlacement {
  /** cells to set (editable only), raw text as pasted */
  updates: { key: string; raw: string }[];
  /** pasted values that fell on computed totals (ignored: the app computes them) */
  onComputed: { key: string; raw: string }[];
  /** pasted values that fell outside the table (clipped) */
  clipped: number;
}

/**
 * Where a pasted block goes: block row i fills the i-th grid row (counting only rows that hold data cells) from the
 * focused cell's row, block column j fills grid column (focused column + j). A value that lands on the continuation
 * of a merged cell is ignored when blank (that is how Excel copies merges); anything past the table edge is clipped.
 */
export function placeBlock(map: GridMap, fromKey: string, block: readonly (readonly string[])[]): BlockPlacement {
  const from = map.byKey.get(fromKey);
  const out: BlockPlacement = { updates: [], onComputed: [], clipped: 0 };
  if (!from) return out;
  const dataRows = [...new Set(map.positions.map((p) => p.row))].filter((r) => r >= from.row).sort((a, b) => a - b);
  const seen = new Set<string>();
  block.forEach((line, i) => {
    const row = dataRows[i];
    line.forEach((raw, j) => {
      const col = from.col + j;
      if (row === undefined || col >= map.cols) {
        if (raw.trim() !== '') out.clipped++;
        return;
      }
      const p = map.at(row, col);
      if (!p) {
        if (raw.trim() !== '') out.clipped++;
        return;
      }
      if (p.col !== col) {
        // continuation column of a merged cell: Excel sends blanks there
        if (raw.trim() !== '' && !seen.has(p.key)) out.clipped++;
        return;
      }
      seen.add(p.key);
      if (p.editable) out.updates.push({ key: p.key, raw: raw.trim() });
      else out.onComputed.push({ key: p.key, raw: raw.trim() });
    });
  });
  return out;
}
