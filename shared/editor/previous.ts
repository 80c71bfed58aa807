/**
 * Last year's figures as the editor shows them beside each cell (「上年 12」): the same figures the cross-year rules
 * read (`previousValues`: printed totals when last year's report printed them, computed otherwise).
 */
import { formatCellValue } from '../report/numbers.js';
import { previousValues } from '../rules/prepare.js';
import { draftToReport, type DraftFile } from '../schema/draft.js';

export function previousFigures(draft: DraftFile): { year: number; values: Map<string, string> } | null {
  const previous = draftToReport(draft).previous;
  if (!previous) return null;
  const { format, value } = previousValues(previous);
  const values = new Map<string, string>();
  for (const def of format.cells) {
    const v = value(def.key);
    if (v !== null) values.set(def.key, formatCellValue(v));
  }
  return { year: previous.year, values };
}
