/**
 * What a table must look like, straight from the format definition (shared/report/format.ts) and the
 * report's figures — independent of the document model the writers use.
 */
import { tableLayout, type TableId } from '../../shared/report/format.js';
import { formatCellValue } from '../../shared/report/numbers.js';
import { reportFormat, resolvedCells, type Report } from '../../shared/report/model.js';

export interface ExpectedGrid {
  rows: number;
  cols: number;
  /** text at every grid position (a merged cell's text everywhere it spans) */
  texts: string[][];
  /** which printed cell covers each position, numbered in reading order */
  ids: number[][];
  headerRows: number;
}

export function expectedGrid(report: Report, id: TableId): ExpectedGrid {
  const layout = tableLayout(reportFormat(report), id);
  const values = resolvedCells(report);
  const rows = layout.rows.length;
  const texts: string[][] = Array.from({ length: rows }, () => Array<string>(layout.columns).fill('\u0000'));
  const ids: number[][] = Array.from({ length: rows }, () => Array<number>(layout.columns).fill(-1));
  let next = 0;
  layout.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while ((ids[r]?.[c] ?? -2) !== -1) c++;
      const text = cell.cell !== undefined ? formatCellValue(values[cell.cell] ?? null) : (cell.text ?? '');
      const id = next++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          const tr = texts[r + dr];
          const ir = ids[r + dr];
          if (!tr || !ir) throw new Error(`layout ${id}: row span past the end`);
          tr[c + dc] = text;
          ir[c + dc] = id;
        }
      }
      c += cell.colSpan ?? 1;
    }
  });
  for (const row of ids) if (row.includes(-1)) throw new Error(`layout ${id}: a grid position no cell covers`);
  return { rows, cols: layout.columns, texts, ids, headerRows: layout.headerRows };
}

/** Renumber cell identities by first appearance, so two partitions of a grid compare with toEqual. */
export function normaliseIds(ids: readonly (readonly number[])[]): number[][] {
  const map = new Map<number, number>();
  return ids.map((row) =>
    row.map((v) => {
      if (!map.has(v)) map.set(v, map.size);
      return map.get(v) ?? -1;
    }),
  );
}
