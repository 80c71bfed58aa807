/** A PDF page's text items as the reader takes them from pdf.js, and their grouping into baselines. */

/** A text item of the page: its text, where its baseline starts, how wide and how high (the font size). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * A page's items grouped by baseline, top to bottom: an item joins the current line when its baseline is within half a
 * character of the line's first item (linear after the sort: a page with very many items stays fast).
 */
export function baselines(items: readonly PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  let current: PdfItem[] | null = null;
  for (const it of sorted) {
    const ref = current?.[0];
    const size = Math.max(it.h, 1);
    if (current && ref && Math.abs(ref.y - it.y) <= Math.max(Math.min(size, Math.max(ref.h, 1)) * 0.5, 1)) current.push(it);
    else {
      current = [it];
      lines.push(current);
    }
  }
  return lines;
}

/** Where an item's middle stands across the page (cells centred in their columns share it). */
export const centre = (it: PdfItem): number => it.x + it.w / 2;

/** A figure as a table cell prints it (「1,234」, 「-3」, 「0.5」). */
export const FIGURE = /^\s*[+-]?\d[\d,]*(?:\.\d+)?\s*$/;

/** The figures a line ends with (a table row's cells after its label). */
export function trailingFigures(l: readonly PdfItem[]): PdfItem[] {
  let k = l.length;
  while (k > 0 && (FIGURE.test(l[k - 1]?.str ?? '') || (l[k - 1]?.str ?? '').trim() === '')) k--;
  return l.slice(k).filter((it) => it.str.trim() !== '');
}
