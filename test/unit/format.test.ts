import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER, formatFor, tableLayout, type TableLayout } from '../../shared/report/format.js';

/** Lay a grid out like a browser does (rowspan occupancy) and return the column count of every row. */
function occupancy(t: TableLayout): number[] {
  const taken: boolean[][] = [];
  const widths: number[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken[r]?.[c]) c++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1); dr++)
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) {
          (taken[r + dr] ??= [])[c + dc] = true;
        }
      c += cell.colSpan ?? 1;
    }
    widths.push((taken[r] ?? []).filter(Boolean).length);
  });
  return widths;
}

describe('format definitions', () => {
  it('table 三 of format 2021 is 28 rows × 10 columns (3 header rows + 25 data rows)', () => {
    const t = tableLayout(FORMAT_2021, 'apply');
    expect(t.rows.length).toBe(28);
    expect(occupancy(t).every((w) => w === 10)).toBe(true);
    expect(t.rows[0]?.[0]?.text).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const results = t.rows.flat().find((c) => c.text === '三、本年度办理结果');
    expect(results?.rowSpan).toBe(22);
  });

  it('format 2019 has the single （六）其他处理 row: 三 spans 20 rows', () => {
    const t = tableLayout(FORMAT_2019, 'apply');
    expect(t.rows.length).toBe(26);
    expect(t.rows.flat().find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(20);
    expect(FORMAT_2019.cellByKey.has('apply.other.natural')).toBe(true);
    expect(FORMAT_2019.cellByKey.has('apply.other_1.natural')).toBe(false);
  });

  it('table 四 is 15 columns with three header rows', () => {
    const t = tableLayout(FORMAT_2021, 'review');
    expect(occupancy(t).every((w) => w === 15)).toBe(true);
    expect(t.rows[3]?.map((c) => c.cell)).toContain('review.sued_after.total');
  });

  it('table 二 grids are rectangular in both formats', () => {
    for (const f of [FORMAT_2021, FORMAT_2019]) {
      const t = tableLayout(f, 'active');
      expect(new Set(occupancy(t))).toEqual(new Set([t.columns]));
    }
    expect(FORMAT_2019.cellByKey.get('active2019.licensing.change')?.kind).toBe('signed');
    expect(FORMAT_2021.cellByKey.get('active.fees.amount')?.kind).toBe('amount');
  });

  it('every data cell of a layout has a definition and every definition is laid out once', () => {
    for (const f of [FORMAT_2021, FORMAT_2019, FORMAT_2021_SINGLE_OTHER]) {
      const laid = f.tables.flatMap((t) => t.rows.flat().flatMap((c) => (c.cell ? [c.cell] : [])));
      expect(new Set(laid).size).toBe(laid.length);
      expect(new Set(laid)).toEqual(new Set(f.cells.map((c) => c.key)));
    }
  });

  it('totals are derived with the rule that checks them', () => {
    expect(FORMAT_2021.cellByKey.get('apply.new.total')?.rule).toBe('T3-ROW');
    expect(FORMAT_2021.cellByKey.get('apply.processed_total.natural')?.sumOf).toHaveLength(21);
    expect(FORMAT_2021.cellByKey.get('review.reconsideration.total')?.rule).toBe('T4-SUM');
    expect(FORMAT_2021.cellByKey.get('apply.carried_forward.natural')?.sumOf).toBeUndefined();
  });

  it('formatFor picks the single-row variant only when the cells say so', () => {
    expect(formatFor('2021', ['apply.other.natural'])).toBe(FORMAT_2021_SINGLE_OTHER);
    expect(formatFor('2021', ['apply.other_1.natural', 'apply.other.natural'])).toBe(FORMAT_2021);
    expect(formatFor('2021', [])).toBe(FORMAT_2021);
    expect(formatFor('2019')).toBe(FORMAT_2019);
  });
});
