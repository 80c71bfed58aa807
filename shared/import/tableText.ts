/**
 * A glued 规范性文件 row that cuts more than one way (「34089」: 34 | 0 | 89, 3 | 40 | 89 …) may be settled by what the
 * report's own text says of it (「本年度制发规范性文件34件」): the one cut that agrees with every figure the text gives
 * that some cut holds. A figure no cut holds (the text disagreeing with the table) settles nothing and is left for
 * N-ACTIVE to report; the cut taken is a doubt for the clerk.
 */
import { FORMAT_2021 } from '../report/format.js';
import type { Cells } from '../report/model.js';
import { textFigures, type ActiveFigure } from '../rules/textFigures.js';
import type { Uncertain } from './result.js';
import type { AmbiguousRow } from './tableColumns.js';

/** Which cell of the row each figure of the text names (by the key's last part). */
const CELL_OF: Partial<Record<ActiveFigure, readonly string[]>> = {
  issued: ['issued'],
  repealed: ['repealed'],
  in_force: ['in_force'],
  issued_or_in_force: ['issued', 'in_force'],
};

export function settleByText(cells: Cells, rows: readonly AmbiguousRow[], text: string, year: number, uncertain: Uncertain[]): void {
  const normative = rows.filter((r) => r.keys.every((k) => k.startsWith('active.normative.')));
  if (normative.length === 0 || text.trim() === '') return;
  const mentions = textFigures(text, year).active;
  for (const row of normative) {
    const column = (name: string): number => row.keys.findIndex((k) => k.endsWith(`.${name}`));
    const holds = (cut: readonly number[], kind: ActiveFigure, value: number): boolean => (CELL_OF[kind] ?? []).some((n) => cut[column(n)] === value);
    // the text's figures that some cut holds: each says something about which cut is meant
    const telling = mentions.filter((m) => row.cuts.some((cut) => holds(cut, m.kind, m.value)));
    if (telling.length === 0) continue;
    const agreeing = row.cuts.filter((cut) => telling.every((m) => holds(cut, m.kind, m.value)));
    const [cut] = agreeing;
    if (!cut || agreeing.length !== 1) continue;
    row.keys.forEach((k, j) => (cells[k] = cut[j] ?? null));
    for (let i = uncertain.length - 1; i >= 0; i--) if (row.keys.includes(uncertain[i]?.target ?? '')) uncertain.splice(i, 1);
    const said = telling.map((m) => text.slice(m.start, m.end)).join('」「');
    for (const k of row.keys) {
      uncertain.push({ target: k, name: FORMAT_2021.cells.find((c) => c.key === k)?.name ?? k, reason: `原文本行的数字连在一起，有几种拆分；已按正文「${said}」确定为 ${cut.join(' ')}，请核对` });
    }
  }
}
