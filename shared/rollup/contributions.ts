/**
 * What the editor shows beside each cell of a roll-up draft (汇总草稿): the units' figures the draft recorded when it
 * was rolled up (`draft.rollup.sources[].cells`), read again each time the draft opens, never stored a second time.
 * A summed cell ('sum' in the format definition) shows its contributions by unit; a cell left for entry ('entry':
 * 规章, 行政规范性文件) shows the units' values for reference. Only the units counted in the roll-up are listed, in the
 * order of the roll-up; a unit that left the cell blank is not listed. Computed totals and text cells get nothing.
 */
import { FORMATS, type FormatId, type RollupRule } from '../report/format.js';
import { formatCellValue } from '../report/numbers.js';
import type { RollupRecord } from './record.js';
import type { Contribution } from './rollup.js';

export interface CellContributions {
  rule: RollupRule;
  /** the units' figures, in the roll-up's order */
  figures: Contribution[];
  /** the hint under the cell */
  short: string;
  /** the whole list, for the cell's tooltip */
  full: string;
}

/** Summed cells: figures spelled out under the cell up to this many units (「各单位 3+6+4」), else only their number. */
const SUM_SHOWN = 4;
/** Cells left for entry: units named under the cell up to this many (the tooltip names them all). */
const ENTRY_SHOWN = 3;

const listed = (figures: readonly Contribution[]): string => figures.map((f) => `${f.unit} ${formatCellValue(f.value)}`).join('，');

/** Cell key → the units' figures for a draft with a roll-up record; null for any other draft. */
export function rollupContributions(draft: { format: FormatId; rollup?: RollupRecord | null }): Map<string, CellContributions> | null {
  const record = draft.rollup;
  if (!record) return null;
  const counted = record.sources.filter((s) => s.status === 'included');
  const out = new Map<string, CellContributions>();
  for (const def of FORMATS[draft.format].cells) {
    if (def.sumOf || def.kind === 'text') continue;
    const figures: Contribution[] = [];
    for (const s of counted) {
      const v = s.cells[def.key];
      if (v !== undefined) figures.push({ unit: s.unit, value: v });
    }
    if (figures.length === 0) continue;
    if (def.rollup === 'entry') {
      const shown = figures.length > ENTRY_SHOWN ? `${listed(figures.slice(0, ENTRY_SHOWN))} 等 ${figures.length} 个单位` : listed(figures);
      out.set(def.key, { rule: 'entry', figures, short: `各单位：${shown}`, full: `本级政府数据，不汇总，请填写；各单位：${listed(figures)}` });
    } else {
      const short = figures.length > SUM_SHOWN ? `${figures.length} 个单位合计` : `各单位 ${figures.map((f) => formatCellValue(f.value)).join('+')}`;
      out.set(def.key, { rule: 'sum', figures, short, full: `汇总自 ${figures.length} 个单位：${listed(figures)}` });
    }
  }
  return out;
}
