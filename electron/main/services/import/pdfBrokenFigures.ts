/**
 * A figure broken over two lines of its narrow cell: a table printed narrow wraps 「64」 as 「6」 over 「4」, the first
 * half on the row's line and the second on the label's next line — or 「22」 as 「2」 a half line above the row and 「2」 a
 * half line below, the cell's two lines centred on the row. Read line by line, the row gets 6 (or a blank) where the
 * report printed 64, and its sum fails where the report's adds up.
 */
import { centre, trailingFigures, type PdfItem } from './pdfItems.js';

/** How far above or below its row a broken figure's half may sit, per character height (about a line). */
const BROKEN_REACH = 1.6;
/** How far apart a figure's halves' centres may be, per character height (a digit's width, either side). */
const BROKEN_ALIGN = 0.6;
/** The most figures a line holding a broken figure's half has: a line with more is a row of its own. */
const MOST_HALVES = 2;
/** The fewest figures a row has for its sum to tell (parts and their total). */
const FEWEST_IN_ROW = 3;

/**
 * Rows whose figures do not add up (the last the sum of the others, as a row of table 三 prints its total), where
 * figures lying in their columns on the lines just above and below, joined top to bottom with the row's, make them
 * add up: the halves are taken into the row. A row that adds up as printed, and one no joining mends, is left as it
 * is — a figure under another is never guessed into it. Lines in x order; changed in place.
 */
export function withBrokenFiguresJoined(lines: PdfItem[][]): void {
  lines.forEach((line, i) => {
    const row = trailingFigures(line);
    const first = row[0];
    if (!first || row.length < FEWEST_IN_ROW || addsUp(row)) return;
    const h = Math.max(first.h, 1);
    const halves = [lines[i - 1], lines[i + 1]].flatMap((other) => {
      const figures = other ? trailingFigures(other) : [];
      return figures.length <= MOST_HALVES ? figures.filter((f) => Math.abs(f.y - first.y) <= h * BROKEN_REACH) : [];
    });
    const cells = halves.length > 0 ? joinedByColumn(row, halves, h) : null;
    if (!cells || !addsUp(cells)) return;
    for (const other of [lines[i - 1], lines[i + 1]]) if (other) other.splice(0, other.length, ...other.filter((it) => !halves.includes(it)));
    line.splice(line.indexOf(first), line.length, ...cells);
  });
}

/**
 * The row's figures with the halves above and below joined to them column by column, top to bottom (「6」 「4」 →
 * 「64」); null where a half has no figure to join (its column holds neither a row figure nor a half from the other side).
 */
function joinedByColumn(row: readonly PdfItem[], halves: readonly PdfItem[], h: number): PdfItem[] | null {
  const columns: PdfItem[][] = [];
  for (const it of [...row, ...halves].sort((a, b) => centre(a) - centre(b))) {
    const column = columns[columns.length - 1];
    const last = column?.[column.length - 1];
    if (column && last && centre(it) - centre(last) <= h * BROKEN_ALIGN) column.push(it);
    else columns.push([it]);
  }
  const cells: PdfItem[] = [];
  for (const column of columns) {
    const inRow = column.filter((it) => row.includes(it)).length;
    if (inRow > 1 || (inRow === 0 && column.length < 2) || (column.length > 1 && new Set(column.map((it) => it.y)).size < column.length)) return null;
    const top = [...column].sort((a, b) => b.y - a.y);
    const left = Math.min(...column.map((it) => it.x));
    const right = Math.max(...column.map((it) => it.x + it.w));
    cells.push({ ...(row[0] as PdfItem), str: top.map((it) => it.str.trim()).join(''), x: left, w: right - left });
  }
  return cells;
}

/** Do the figures add up: the last the sum of the others? */
function addsUp(figures: readonly PdfItem[]): boolean {
  const values = figures.map((it) => Number(it.str.trim().replace(/,/g, '')));
  const total = values[values.length - 1];
  if (total === undefined || values.length < FEWEST_IN_ROW || values.some((v) => !Number.isFinite(v))) return false;
  const parts = values.slice(0, -1).reduce((sum, v) => sum + v, 0);
  return Math.abs(parts - total) < 1e-9;
}
