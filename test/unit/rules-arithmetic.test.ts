/** T3-BAL, T3-ROW, T3-SUM7, T4-SUM, V-NUM, V-BLANK: each once broken, once quiet; 2019 and single-（六） reports. */
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import { blankCells, type Report } from '../../shared/report/model.js';
import { parseReportDataJson } from '../../shared/schema/reportData.js';
import { asDraft, cleanReport, only, run, rulesOf } from './rules-support.js';

function zeros(format: typeof FORMAT_2021): Report['cells'] {
  const cells = blankCells(format);
  for (const k of Object.keys(cells)) cells[k] = format.cellByKey.get(k)?.kind === 'text' ? '0 万元' : 0;
  return cells;
}

describe('T3-BAL', () => {
  it('flags a column whose first + second ≠ （七） + fourth, naming both sides and the difference', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.new.natural'] = 11;
    r.cells['apply.granted.natural'] = 9;
    const f = only(run(r), 'T3-BAL');
    // the 总计 column follows from the detail columns: one finding, not two
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('「自然人」列：第一项 11 + 第二项 0 = 11，第三项（七）总计 9 + 第四项 0 = 9，相差 2');
    expect(f[0]?.severity).toBe('error');
    expect(f[0]?.target).toBe('apply.carried_forward.natural');
    expect(f[0]?.cells).toEqual(['apply.new.natural', 'apply.carried_over.natural', 'apply.processed_total.natural', 'apply.carried_forward.natural']);
  });

  it('is quiet when balanced via the carry-forward, and while a figure it needs is blank', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.new.natural'] = 6;
    r.cells['apply.carried_forward.natural'] = 2;
    expect(rulesOf(run(r))).not.toContain('T3-BAL');
    r.cells['apply.carried_forward.natural'] = null;
    expect(rulesOf(run(r))).not.toContain('T3-BAL');
  });

  it('uses the totals as printed when an imported report prints them', () => {
    const r = cleanReport();
    r.cells['apply.processed_total.total'] = 3; // printed, while its rows say 4
    const f = run(r);
    expect(only(f, 'T3-BAL').map((x) => x.target)).toEqual(['apply.carried_forward.total']);
    expect(only(f, 'T3-BAL')[0]?.message).toContain('第三项（七）总计 3');
  });

  it('a printed 总计 column that doesn\'t balance is its own finding beside the detail column\'s (a computed one follows from it)', () => {
    const r = cleanReport();
    // 自然人 and 总计 both printed: 3 new, nothing processed or carried forward
    for (const col of ['natural', 'total']) {
      r.cells[`apply.new.${col}`] = 7;
      r.cells[`apply.processed_total.${col}`] = 4 + 0;
    }
    r.cells['apply.granted.natural'] = 4;
    r.cells['apply.granted.total'] = 4;
    expect(only(run(r), 'T3-BAL').map((x) => x.target)).toEqual(['apply.carried_forward.natural', 'apply.carried_forward.total']);
  });
});

describe('T3-BAL and the sums on a published report with blank or unreadable figures', () => {
  // cleanReport prints its totals (a published report): 自然人 新收 4, 上年结转 0, （七）总计 4, 结转 0
  it('a column that can\'t balance whatever its blanks hold (all on the larger side) is T3-BAL, said 「至少」', () => {
    const r = cleanReport();
    r.printed = {}; // as an import gives it
    r.cells['apply.new.natural'] = 6;
    r.cells['apply.carried_over.natural'] = null;
    const f = only(run(r), 'T3-BAL').filter((x) => x.target === 'apply.carried_forward.natural');
    expect(f.map((x) => x.message)).toEqual(['「自然人」列：第一项 6 + 第二项（空白） ≥ 6，第三项（七）总计 4 + 第四项 0 = 4，空白的格无论填多少都对不上，至少相差 2']);
  });

  it('is quiet where a blank could make it balance, where blanks stand on both sides, and in a draft (a hint there)', () => {
    const r = cleanReport();
    r.printed = {};
    r.cells['apply.carried_over.natural'] = null; // 4 + ? = 4 + 0: ? = 0 balances
    r.cells['apply.carried_forward.natural'] = null;
    r.cells['apply.new.natural'] = 3; // 3 + ? = 4 + ?: balances with ? = 1
    expect(only(run(r), 'T3-BAL').filter((x) => x.cells.includes('apply.new.natural'))).toEqual([]);
    const draft = asDraft(cleanReport());
    draft.cells['apply.new.natural'] = 6;
    draft.cells['apply.carried_over.natural'] = null;
    expect(only(run(draft), 'T3-BAL')).toEqual([]);
  });

  it('an unreadable figure leaves its sums unjudged, however large the readable parts (the figures around it are in doubt too)', () => {
    const r = cleanReport();
    r.printed = { unread: ['apply.granted.natural'] };
    r.cells['apply.granted.natural'] = null;
    r.cells['apply.partial.natural'] = 5;
    r.cells['apply.partial.total'] = 5;
    // （七） 4 against readable parts 5 + ?: more than the total whatever ? is, yet not said
    expect(run(r).filter((x) => x.cells.includes('apply.granted.natural')).map((x) => x.rule)).toEqual([]);
  });
});

describe('printed totals of an imported report (T3-ROW, T3-SUM7, T4-SUM)', () => {
  it('finds a row total, a （七） total and a 四 total that do not add up', () => {
    const r = cleanReport();
    r.cells['apply.new.total'] = 5; // row: 4 + 0 … = 4
    r.cells['apply.processed_total.natural'] = 3; // column: granted 4 = 4
    r.cells['review.reconsideration.total'] = 2; // 1 + 0 + 0 + 0
    const f = run(r);
    const row = only(f, 'T3-ROW');
    expect(row.map((x) => x.target)).toContain('apply.new.total');
    expect(row.find((x) => x.target === 'apply.new.total')?.message).toContain('「一、本年新收政府信息公开申请数量」行：表中总计 5，各项之和 = 自然人 4，相差 1');
    const sum7 = only(f, 'T3-SUM7');
    expect(sum7).toHaveLength(1);
    expect(sum7[0]?.target).toBe('apply.processed_total.natural');
    expect(sum7[0]?.message).toContain('（七）总计 3');
    expect(sum7[0]?.cells).toContain('apply.granted.natural');
    expect(sum7[0]?.cells).toContain('apply.other_3.natural');
    const t4 = only(f, 'T4-SUM');
    expect(t4).toHaveLength(1);
    expect(t4[0]?.message).toBe('「行政复议」：表中总计 2，各项之和 = 结果维持 1，相差 1');
    expect(t4[0]?.cells).toEqual(['review.reconsideration.total', 'review.reconsideration.upheld', 'review.reconsideration.corrected', 'review.reconsideration.other', 'review.reconsideration.pending']);
    for (const x of [...row, ...sum7, ...t4]) expect(x.severity).toBe('error');
  });

  it('checks the corner 「（七）总计·总计」 against its column too, not only its row', () => {
    // printed as published: 予以公开 row total mistyped 5 (its row says 4); the corner 4 fits its row, not its column
    const r = cleanReport();
    r.cells['apply.granted.total'] = 5;
    r.cells['apply.processed_total.total'] = 4;
    const f = run(r);
    const corner = only(f, 'T3-SUM7').filter((x) => x.target === 'apply.processed_total.total');
    expect(corner.map((x) => x.message)).toEqual(['「总计」列：表中（七）总计 4，各项之和 = （一）予以公开 5，相差 1']);
    expect(corner[0]?.cells).toContain('apply.granted.total');
    expect(corner[0]?.cells).toContain('apply.other_3.total');
    expect(only(f, 'T3-ROW').map((x) => x.target)).toEqual(['apply.granted.total']);
  });

  it('is quiet on a corner that fits both its row and its column, and a report that prints only the 总计 column', () => {
    const r = cleanReport();
    r.cells['apply.granted.total'] = 4;
    r.cells['apply.processed_total.total'] = 4;
    expect(rulesOf(run(r))).toEqual([]);
    // only the 总计 column printed: the row sums have no parts, the column sum is checked
    const totalsOnly = cleanReport();
    for (const k of Object.keys(totalsOnly.cells)) if (k.startsWith('apply.') && !k.endsWith('.total')) totalsOnly.cells[k] = null;
    totalsOnly.cells['apply.granted.total'] = 4;
    totalsOnly.cells['apply.processed_total.total'] = 4;
    expect(rulesOf(run(totalsOnly))).not.toContain('T3-SUM7');
    totalsOnly.cells['apply.processed_total.total'] = 6;
    expect(only(run(totalsOnly), 'T3-SUM7').map((x) => x.message)).toEqual(['「总计」列：表中（七）总计 6，各项之和 = （一）予以公开 4，相差 2']);
  });

  it('lists every non-zero part in the message', () => {
    const r = cleanReport();
    r.cells['apply.granted.natural'] = 2;
    r.cells['apply.denied_4.natural'] = 1;
    r.cells['apply.granted.total'] = 2;
    r.cells['apply.denied_4.total'] = 1;
    r.cells['apply.processed_total.natural'] = 4; // 2 + 1 = 3
    const sum7 = only(run(r), 'T3-SUM7');
    expect(sum7.map((x) => x.message)).toEqual([
      '「自然人」列：表中（七）总计 4，（一）予以公开 2 + （三）不予公开4.保护第三方合法权益 1 = 3，相差 1',
      // the printed corner 4 fits its row (自然人 4) but not its column
      '「总计」列：表中（七）总计 4，（一）予以公开 2 + （三）不予公开4.保护第三方合法权益 1 = 3，相差 1',
    ]);
  });

  it('a draft never stores totals, so the sum rules stay quiet whatever the figures', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.granted.commercial'] = 7;
    r.cells['review.sued_after.pending'] = 3;
    const found = rulesOf(run(r));
    expect(found).not.toContain('T3-ROW');
    expect(found).not.toContain('T3-SUM7');
    expect(found).not.toContain('T4-SUM');
  });
});

describe('V-NUM', () => {
  it('names a cell holding text that is not a number, a numeral in Chinese, a negative count and a decimal count', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.granted.research'] = '三件';
    r.cells['apply.partial.research'] = '若干';
    r.cells['review.sued_direct.upheld'] = -1;
    r.cells['active.licensing.decisions'] = 12.5;
    const f = only(run(r), 'V-NUM');
    expect(f.map((x) => x.target).sort()).toEqual(['active.licensing.decisions', 'apply.granted.research', 'apply.partial.research', 'review.sued_direct.upheld']);
    expect(f.find((x) => x.target === 'apply.granted.research')?.message).toMatch(/「三、（一）予以公开·科研机构」.*「三件」是汉字数字，不是阿拉伯数字/);
    expect(f.find((x) => x.target === 'apply.partial.research')?.message).toMatch(/「若干」不是数字/);
    expect(f.find((x) => x.target === 'review.sued_direct.upheld')?.message).toContain('不能为负数');
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });

  it('accepts what parseCell accepts: full-width digits, separators, units, 万元 decimals — and computes with them', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.new.natural'] = '４';
    r.cells['apply.granted.natural'] = '4 件';
    r.cells['active.fees.amount'] = '1054.25万元';
    r.cells['active.licensing.decisions'] = '1 539';
    const f = run(r);
    expect(rulesOf(f)).toEqual([]);
    r.cells['apply.granted.natural'] = '3';
    expect(only(run(r), 'T3-BAL')[0]?.message).toContain('第一项 4 + 第二项 0 = 4，第三项（七）总计 3');
  });
});

describe('V-NUM in report data JSON', () => {
  it('reads a file with a negative, decimal or text value and reports each as V-NUM, not a refusal of the file', () => {
    const r = cleanReport();
    const json = JSON.parse(JSON.stringify({ ...r, cells: { ...r.cells, 'apply.new.legal': -1, 'active.licensing.decisions': 3.5, 'active.fees.amount': '伍万元' } }));
    const parsed = parseReportDataJson(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const f = only(run(parsed.report), 'V-NUM');
    expect(f.map((x) => x.message).sort()).toEqual([
      '「二、行政许可·本年处理决定数量」填的是 3.5：此处应填写整数',
      '「二、行政事业性收费·本年收费金额（单位：万元）」填的是 「伍万元」：「伍万元」不是有效的金额，请填写数字（单位：万元），如 21613.91',
      '「三、一、本年新收政府信息公开申请数量·法律服务机构」填的是 -1：件数不能为负数',
    ].sort());
    expect(f.every((x) => x.severity === 'error')).toBe(true);
  });
  it('still refuses what is not report data at all (unknown cells, objects as values)', () => {
    expect(parseReportDataJson({ format: '2021', year: 2024, cells: { 'apply.new.nobody': 1 } }).ok).toBe(false);
    expect(parseReportDataJson({ format: '2021', year: 2024, cells: { 'apply.new.natural': { n: 1 } } }).ok).toBe(false);
    expect(rulesOf(run({ format: '2021', year: 2024, cells: { 'apply.new.natural': 3 } }))).not.toContain('V-NUM');
  });
});

describe('V-BLANK', () => {
  it('is a warning while drafting and an error at the final stage, one finding per table listing every blank', () => {
    const r = asDraft(cleanReport());
    r.cells['apply.partial.legal'] = null;
    delete r.cells['apply.refused_2.natural'];
    r.cells['active.fees.amount'] = '';
    const draft = only(run(r), 'V-BLANK');
    expect(draft.map((x) => x.severity)).toEqual(['warning', 'warning']);
    const apply = draft.find((x) => x.cells.includes('apply.partial.legal'));
    expect(apply?.cells).toEqual(['apply.partial.legal', 'apply.refused_2.natural']);
    expect(apply?.message).toContain('等 2 个单元格为空白');
    const final = only(run(r, { stage: 'final' }), 'V-BLANK');
    expect(final.map((x) => x.severity)).toEqual(['error', 'error']);
  });

  it('is quiet when every cell is filled (0 is not blank) and does not ask for computed totals', () => {
    const r = asDraft(cleanReport());
    expect(Object.keys(r.cells).some((k) => k.endsWith('.total'))).toBe(false);
    expect(rulesOf(run(r, { stage: 'final' }))).not.toContain('V-BLANK');
  });
});

describe('format variants', () => {
  it('a 2019-format report (year 2020) passes with its own cells, and its sums use apply.other', () => {
    const cells = zeros(FORMAT_2019);
    cells['active2019.fees.change'] = -14;
    cells['active2019.procurement.amount'] = '3979.5 万元';
    cells['apply.new.natural'] = 4;
    cells['apply.other.natural'] = 4;
    const r: Report = { ...cleanReport(), format: '2019', year: 2020, cells, title: '某县人民政府2020年政府信息公开工作年度报告' };
    r.signature = { organ: '某县人民政府办公室', date: '2021-03-20' };
    r.sections = { ...r.sections, preface: '各项数据统计期限为 2020 年 1 月 1 日至 2020 年 12 月 31 日。' };
    const f = run(r, { stage: 'final' });
    expect(rulesOf(f)).toEqual([]);
    // imported with printed totals: （七） 3 where （六） alone holds 4
    const printed = { ...r, cells: { ...cells, 'apply.processed_total.natural': 3 } };
    const sum7 = only(run(printed), 'T3-SUM7');
    expect(sum7).toHaveLength(1);
    expect(sum7[0]?.cells).toContain('apply.other.natural');
    expect(sum7[0]?.message).toBe('「自然人」列：表中（七）总计 3，各项之和 = （六）其他处理 4，相差 1');
  });

  it('a 2021-or-later report still printing the single （六） row gets F-OLD, and T3-SUM7 uses apply.other', () => {
    const cells = zeros(FORMAT_2021_SINGLE_OTHER);
    cells['apply.new.natural'] = 2;
    cells['apply.granted.natural'] = 1;
    cells['apply.other.natural'] = 1;
    cells['apply.processed_total.natural'] = 1; // printed, but 1 + 1 = 2
    const r: Report = { ...cleanReport(), cells };
    const f = run(r);
    const old = only(f, 'F-OLD');
    expect(old).toHaveLength(1);
    expect(old[0]?.cells).toContain('apply.other.natural');
    expect(old[0]?.message).toContain('1.申请人无正当理由逾期不补正');
    const sum7 = only(f, 'T3-SUM7');
    expect(sum7).toHaveLength(1);
    expect(sum7[0]?.message).toBe('「自然人」列：表中（七）总计 1，（一）予以公开 1 + （六）其他处理 1 = 2，相差 1');
  });
});
