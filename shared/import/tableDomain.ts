/**
 * The last way a glued row that cuts several ways is settled, after the table's columns and the report's text have
 * said nothing: the format's rule of the domain for the row (RowSpec.atLeast — 现行有效件数 ≥ 本年制发件数, since a
 * document made this year is still in force at its end). The cells on which every cut keeping that rule agrees are
 * read, and each is a doubt naming the rule: a real report may break it (a document repealed the year it was made),
 * which is why it comes last and never outweighs what the report itself prints.
 */
import { FORMAT_2021 } from '../report/format.js';
import type { Cells } from '../report/model.js';
import type { Uncertain } from './result.js';
import type { AmbiguousRow } from './tableColumns.js';

/** 「二、行政规范性文件·现行有效件数」 (only 2021 rows declare a rule of the domain). */
function cellName(key: string): string {
  return FORMAT_2021.cellByKey.get(key)?.name ?? key;
}

/** 「现行有效件数」 for 「二、行政规范性文件·现行有效件数」: the column's own words. */
function columnName(key: string | undefined): string {
  return cellName(key ?? '').split('·').pop() ?? '';
}

export function settleByDomain(cells: Cells, rows: readonly AmbiguousRow[], uncertain: Uncertain[]): void {
  for (const row of rows) {
    const [more, less] = row.atLeast ?? [];
    if (more === undefined || less === undefined) continue;
    const blank = row.keys.map((k) => cells[k] === null || cells[k] === undefined);
    if (!blank.some(Boolean)) continue;
    const keeping = row.cuts.filter((cut) => (cut[more] ?? 0) >= (cut[less] ?? 0));
    const [first] = keeping;
    if (!first || keeping.length === row.cuts.length) continue;
    const agreed = first.map((v, i) => (blank[i] && keeping.every((cut) => cut[i] === v) ? v : null));
    if (agreed.every((v) => v === null)) continue;
    const rule = `${columnName(row.keys[more])}不少于${columnName(row.keys[less])}`;
    const shown = first.map((v, i) => (agreed[i] !== null || !blank[i] ? String(cells[row.keys[i] ?? ''] ?? v) : '？')).join(' ');
    row.keys.forEach((key, i) => {
      const value = agreed[i];
      if (value === null || value === undefined) return;
      cells[key] = value;
      for (let j = uncertain.length - 1; j >= 0; j--) {
        const u = uncertain[j];
        if (u?.target === key && u.reason.includes('连在一起')) uncertain.splice(j, 1);
      }
      uncertain.push({ target: key, name: cellName(key), reason: `原文本行的数字连在一起，有几种拆分，表格和正文都未说明；已按「${rule}」读为 ${shown}，请对照原文核对` });
    });
  }
}
