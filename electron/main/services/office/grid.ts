/**
 * A printed table's grid (format.ts `TableLayout`, rows written like HTML with rowSpan/colSpan) placed on a sheet:
 * each grid cell's row and column, as a browser lays out a table — so the sheet looks like the printed table.
 */
import type { GridCell, TableLayout } from '../../../../shared/report/format.js';

export interface PlacedCell {
  /** 0-based row and column in the grid */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: GridCell;
}

export function placeGrid(layout: TableLayout): PlacedCell[] {
  const taken = new Set<string>();
  const out: PlacedCell[] = [];
  layout.rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken.has(`${row}:${col}`)) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan; r++) for (let c = col; c < col + colSpan; c++) taken.add(`${r}:${c}`);
      out.push({ row, col, rowSpan, colSpan, cell });
      col += colSpan;
    }
  });
  return out;
}
