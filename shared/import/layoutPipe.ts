/**
 * Markdown (pipe) tables, as PDF converters and OCR tools write them: 「| 规章 | 0 | 0 | 0 |」 rows,
 * 「|---|---|」 separator rows, and header rows of placeholder column names (「数据1」…, 「1 | 2 | 3」).
 * Every function here looks at one line once (linear in its length).
 */

/**
 * Is this line a row of a pipe table? At least two bars; converters also leave out the leading one
 * (「一、本年新收政府信息公开申请数量 | 58 | 7 | … |」).
 */
export function isPipeRow(text: string): boolean {
  let bars = 0;
  for (const ch of text) if (ch === '|' || ch === '｜') bars++;
  return bars >= 2;
}

/** The cells of a pipe row, trimmed (the empty pieces outside the outer bars left out), without markdown's
 * emphasis marks and HTML line breaks (「**总计**」, 「（二）部分公开<br>（区分处理的…）」). */
export function pipeCells(text: string): string[] {
  const t = text.trim();
  const cells = t.split(/[|｜]/).map((c) => c.replace(/<br\s*\/?>/gi, ' ').replace(/\*\*|__/g, '').trim());
  if (cells[0] === '') cells.shift();
  if (cells[cells.length - 1] === '' && (t.endsWith('|') || t.endsWith('｜'))) cells.pop();
  return cells;
}

/** 「|---|:---:|」: the rule under a markdown header. */
export function isSeparatorRow(cells: readonly string[]): boolean {
  return cells.length > 0 && cells.every((c) => /^:?-{1,}:?$/.test(c.replace(/\s+/g, '')) || c === '');
}

const PLACEHOLDER = /^(?:数据|列|栏|第)\d{1,2}(?:列|栏)?$/;
const COLUMN_NUMBER = /^\d{1,2}$/;

/**
 * A header row of placeholder column names, never values: every cell 「数据k」/「列k」, or only column numbers
 * 「1 | 2 | 3 …」 (at least three, counting up from 1). A row with a label is data, whatever its figures.
 */
export function isPlaceholderHeader(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.normalize('NFKC').replace(/\s+/g, '')).filter((c) => c !== '');
  if (filled.length === 0) return false;
  if (filled.every((c) => PLACEHOLDER.test(c))) return true;
  if (filled.length < 3 || !filled.every((c) => COLUMN_NUMBER.test(c))) return false;
  return filled.every((c, i) => Number(c) === i + 1);
}

/** A placeholder column name glued to its number (「数据1」) is a word, never a value. */
export function isPlaceholderWord(word: string): boolean {
  return PLACEHOLDER.test(word);
}
