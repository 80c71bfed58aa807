/**
 * Figures printed with no space between them: text crawls of web pages put a whole report on one line and
 * the table cells run together (「规章000行政规范性文件0011…」). The runs are cut into the row's cells: one
 * digit per cell when the digits are exactly as many as the cells, otherwise only by the row's own arithmetic
 * (then a doubt), never by a guess.
 */
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { digitCuts } from '../../shared/import/tableGlued.js';
import { readReview } from '../../shared/import/tables.js';
import { tokenise } from '../../shared/import/text.js';
import { evaluate } from '../../shared/rules/index.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

const ONE_LINE_2021 = [
  '某县人民政府2022年政府信息公开工作年度报告 当前位置：首页 一、总体情况本年度，我县深入贯彻《条例》。',
  '二、主动公开政府信息情况 第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件0011',
  '第二十条第（五）项信息内容本年处理决定数量行政许可1204第二十条第（六）项信息内容本年处理决定数量行政处罚0行政强制0',
  '第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0 三、收到和处理政府信息公开申请情况 ',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
  '一、本年新收政府信息公开申请数量120000012二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开1000001',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000',
  '（四）无法提供1.本机关不掌握相关政府信息30000252.没有现成信息需要另行制作0000000（七）总计110000011四、结转下年度继续办理1000001',
  '四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持',
  '结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计100010001100000五、存在的主要问题及改进情况略。六、其他需要报告的事项无。',
].join('');

/** Table 四 of ONE_LINE_2021 printed otherwise, read from section 四's text as the import gives it (its last figure ends it, glued to no word after). */
const reviewPrinted = (printed: string) =>
  readReview(tokenise([{ text: ONE_LINE_2021.slice(ONE_LINE_2021.indexOf('四、政府信息公开行政复议'), ONE_LINE_2021.indexOf('五、存在')).replace('100010001100000', printed) }]));

const row = (cells: Record<string, unknown>, key: string) => ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map((c) => cells[`apply.${key}.${c}`]);

describe('figures run together', () => {
  it('cuts a digit run only where no figure but 「0」 starts with 0', () => {
    expect(digitCuts('0011', 3)).toEqual([['0', '0', '11']]);
    expect(digitCuts('1000001', 7)).toEqual([['1', '0', '0', '0', '0', '0', '1']]);
    expect(digitCuts('+1737', 2)).toEqual([['+1', '737'], ['+17', '37'], ['+173', '7']]);
    expect(digitCuts('12', 3)).toEqual([]);
  });

  it('a whole report on one line: every row read, the next label’s numbering left with it', () => {
    const { report, uncertain } = parsePublished(textDocument(ONE_LINE_2021));
    const c = report.cells;
    expect([c['active.regulations.issued'], c['active.regulations.in_force'], c['active.normative.issued'], c['active.normative.repealed'], c['active.normative.in_force']]).toEqual([0, 0, 0, 0, 11]);
    expect([c['active.licensing.decisions'], c['active.punishment.decisions'], c['active.fees.amount']]).toEqual([1204, 0, 0]);
    expect(row(c, 'new')).toEqual([12, 0, 0, 0, 0, 0, 12]);
    expect(row(c, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(row(c, 'denied_1')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(c, 'denied_2')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(row(c, 'unable_1')).toEqual([3, 0, 0, 0, 0, 2, 5]);
    // 「110000011」 is 11 … 11 or 1 10 … 11: both add up along the row; the columns settle it (12 + 0 = 11 + 1)
    expect(row(c, 'processed_total')).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(uncertain.find((u) => u.target === 'apply.processed_total.natural')?.reason).toContain('已按各列合计');
    expect(row(c, 'carried_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // one digit per cell is certain; a cut by the row total is a doubt that says so
    const doubts = uncertain.filter((u) => /^(apply|active|review)\./.test(u.target) && u.reason.includes('连在一起'));
    expect(new Set(doubts.map((u) => u.target.split('.').slice(0, 2).join('.')))).toEqual(new Set(['active.normative', 'apply.new', 'apply.processed_total']));
    expect(doubts.find((u) => u.target === 'apply.new.natural')?.reason).toContain('按本行合计拆分为 12 0 0 0 0 0 12');
  });

  it('a 2019 label printed as a row of a one-line crawl (「…现行有效件数规范性文件107第二十条…」) is reported as printed; a sentence\'s 「制发规范性文件34件」 is not', () => {
    const printed = ONE_LINE_2021.replace('行政规范性文件0011', '规范性文件107');
    const { report } = parsePublished(textDocument(printed));
    expect(report.printed?.oldLabels).toEqual(['规范性文件']);
    expect([report.cells['active.normative.issued'], report.cells['active.normative.repealed'], report.cells['active.normative.in_force']]).toEqual([1, 0, 7]);
    // a run of digits that cuts more than one way is still the row's figures
    expect(parsePublished(textDocument(ONE_LINE_2021.replace('行政规范性文件0011', '规范性文件2120'))).report.printed?.oldLabels).toEqual(['规范性文件']);
    const sentence = ONE_LINE_2021.replace('本年度，我县深入贯彻《条例》。', '本年度，我县制发规范性文件34件，现行有效件数424件。');
    expect(parsePublished(textDocument(sentence)).report.printed?.oldLabels).toBeUndefined();
  });

  it('table 四 glued into one run of fifteen digits, on a line of running text', () => {
    const at = ONE_LINE_2021.indexOf('四、政府信息公开行政复议');
    const read = readReview(tokenise([{ text: ONE_LINE_2021.slice(at) }]));
    const review = ['reconsideration', 'sued_direct', 'sued_after'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => read.cells[`review.${b}.${k}`]));
    expect(review).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(read.uncertain).toEqual([]);
  });

  it('a run that can be cut several ways leaves only the cells every cut agrees on (2019 「行政许可20+1737」)', () => {
    const text = ONE_LINE_2021.replace('2022年', '2019年')
      .replace('本年制发件数本年废止件数现行有效件数规章000行政规范性文件0011', '本年新制作数量本年新公开数量对外公开总数量规章000规范性文件222')
      .replace('第二十条第（五）项信息内容本年处理决定数量行政许可1204', '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可20+1737');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(report.format).toBe('2019');
    expect([report.cells['active2019.normative.made'], report.cells['active2019.normative.published'], report.cells['active2019.normative.total']]).toEqual([2, 2, 2]);
    expect([report.cells['active2019.licensing.prev_items'], report.cells['active2019.licensing.change'], report.cells['active2019.licensing.decisions']]).toEqual([20, null, null]);
    expect(uncertain.find((u) => u.target === 'active2019.licensing.change')?.reason).toContain('无法确定的单元格（？）留空');
  });

  it('a row cut several ways that no column settles keeps the cells the cuts disagree on blank', () => {
    // 「110000011」 again, but 结转 printed blank: 第一项 + 第二项 = 第三项 + 第四项 can no longer choose
    const text = ONE_LINE_2021.replace('四、结转下年度继续办理1000001', '四、结转下年度继续办理');
    const { report } = parsePublished(textDocument(text));
    expect(row(report.cells, 'processed_total')).toEqual([null, null, 0, 0, 0, 0, 11]);
  });

  it('「00」 and 「023」 are figures printed without a space: 「（七）总计23 0 00 0 023」 is 23 0 0 0 0 0 23', () => {
    const text = ONE_LINE_2021.replace('（七）总计110000011', '（七）总计11 0 00 0 011').replace('四、结转下年度继续办理1000001', '四、结转下年度继续办理 1 0 00 00 1 ');
    const { report } = parsePublished(textDocument(text));
    expect(row(report.cells, 'processed_total')).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(row(report.cells, 'carried_forward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('a row glued at both ends, 「（一）予以公开10 0 0 0 01」, is 1 0 0 0 0 0 1 (its total settles the one cut), with a doubt', () => {
    const text = ONE_LINE_2021.replace('（一）予以公开1000001', '（一）予以公开 10 0 0 0 01 ');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(row(report.cells, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(uncertain.some((u) => u.target === 'apply.granted.natural')).toBe(true);
    // a short row that shows no gluing keeps its blank: 「12 0 0 0 0 12」 is six figures, not a cut of 「12」
    const short = parsePublished(textDocument(ONE_LINE_2021.replace('（一）予以公开1000001', '（一）予以公开 12 0 0 0 0 12 '))).report;
    expect(row(short.cells, 'granted').filter((v) => v === null)).toHaveLength(1);
  });

  it('a figure too long for a count, 「2600000 26」, is cells run together: 26 0 0 0 0 0 26 (its total settles the cut), with a doubt', () => {
    const text = ONE_LINE_2021.replace('1.本机关不掌握相关政府信息3000025', '1.本机关不掌握相关政府信息 2600000 26');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(row(report.cells, 'unable_1')).toEqual([26, 0, 0, 0, 0, 0, 26]);
    expect(uncertain.some((u) => u.target === 'apply.unable_1.natural' && u.reason.includes('连在一起'))).toBe(true);
  });

  it('a run with no sign of gluing, starting a line of a PDF (「（二）部分公开…」 then 「700000 7」): its one digit-by-digit cut fills the row and adds up, so it is 7 0 0 0 0 0 7, a doubt', () => {
    const data = richData(FORMAT_2021, 2023);
    for (const c of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org', 'total']) data.cells[`apply.partial.${c}`] = c === 'natural' || c === 'total' ? 7 : 0;
    const printed = makeText(data, { layout: 'rows' });
    const partial = /^(（二）部分公开[^\n]*?) 7 0 0 0 0 0 7$/m;
    expect(printed).toMatch(partial);
    const { report, uncertain } = parsePublished(textDocument(printed.replace(partial, '$1\n700000 7')));
    expect(row(report.cells, 'partial')).toEqual([7, 0, 0, 0, 0, 0, 7]);
    expect(uncertain.some((u) => u.target === 'apply.partial.natural' && u.reason.includes('连在一起'))).toBe(true);
    expect(evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW')).toEqual([]);
    // no cut adds up (「700000 8」): the row is still judged, and fails
    const off = parsePublished(textDocument(printed.replace(partial, '$1\n700000 8'))).report;
    expect(evaluate(off, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.partial.total')).toHaveLength(1);
    // a short row whose figures can't fill the row however cut keeps its blank (「12 0 0 0 0 12」)
    const short = parsePublished(textDocument(printed.replace(partial, '$1\n12 0 0 0 0 12'))).report;
    expect(row(short.cells, 'partial').filter((v) => v === null)).toHaveLength(1);
  });

  it('table 四 with a plain figure run together too (「1 02 0 312 00 012 0 00 00」): the one cut that adds up, 3 and 12', () => {
    const at = ONE_LINE_2021.indexOf('四、政府信息公开行政复议');
    const text = ONE_LINE_2021.slice(at).replace('100010001100000', '1 02 0 312 00 012 0 00 00');
    const read = readReview(tokenise([{ text }]));
    const review = ['reconsideration', 'sued_direct', 'sued_after'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => read.cells[`review.${b}.${k}`]));
    expect(review).toEqual([1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]);
  });

  it('a paragraph run straight after a cell\'s figure (「行政事业性收费02022年，我县…」): the figure is the cell\'s, the year the paragraph\'s', () => {
    const fee = ONE_LINE_2021.replace('行政事业性收费0 三、', '行政事业性收费02022年，我县继续规范收费公示。 三、');
    expect(parsePublished(textDocument(fee)).report.cells['active.fees.amount']).toBe(0);
  });

  it('a crawl that glues cells but leaves a space for an empty one: 「0 00000」 is 0, blank, 0 0 0 0 0 (a doubt)', () => {
    const text = ONE_LINE_2021.replace('二、上年结转政府信息公开申请数量0000000', '二、上年结转政府信息公开申请数量0 00000');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(row(report.cells, 'carried_over')).toEqual([0, null, 0, 0, 0, 0, 0]);
    expect(uncertain.some((u) => u.target === 'apply.carried_over.commercial')).toBe(true);
    // runs that are not all zeros cut more than one way: no blank is placed by the spaces
    const other = parsePublished(textDocument(ONE_LINE_2021.replace('二、上年结转政府信息公开申请数量0000000', '二、上年结转政府信息公开申请数量1 10001'))).report;
    expect(row(other.cells, 'carried_over')).not.toEqual([1, null, 1, 0, 0, 0, 1]);
  });

  it('a glued 规范性文件 row that cuts several ways is settled by what the text says of it (「制发规范性文件34件」 → 34 | 0 | 89), a doubt', () => {
    const normative = (text: string) => {
      const { report, uncertain } = parsePublished(textDocument(ONE_LINE_2021.replace('行政规范性文件0011', '行政规范性文件34089').replace('本年度，我县深入贯彻《条例》。', text)));
      return { cells: ['issued', 'repealed', 'in_force'].map((k) => report.cells[`active.normative.${k}`]), uncertain };
    };
    const told = normative('本年度，我县制发规范性文件34件。');
    expect(told.cells).toEqual([34, 0, 89]);
    expect(told.uncertain.find((u) => u.target === 'active.normative.issued')?.reason).toContain('已按正文');
    // nothing said, or a figure no cut holds (the text disagreeing with the table, N-ACTIVE's to report): left blank
    expect(normative('本年度，我县深入贯彻《条例》。').cells).toEqual([null, null, null]);
    expect(normative('本年度，我县制发规范性文件7件。').cells).toEqual([null, null, null]);
  });

  it('a glued 规范性文件 row nothing else settles is read by the format\'s rule of the domain (现行有效 ≥ 本年制发), a doubt naming it; the text comes first', () => {
    const normative = (glued: string, text: string) => {
      const { report, uncertain } = parsePublished(textDocument(ONE_LINE_2021.replace('行政规范性文件0011', `行政规范性文件${glued}`).replace('本年度，我县深入贯彻《条例》。', text)));
      const keys = ['issued', 'repealed', 'in_force'].map((k) => `active.normative.${k}`);
      return { cells: keys.map((k) => report.cells[k]), reasons: keys.map((k) => uncertain.filter((u) => u.target === k).map((u) => u.reason).join('；')) };
    };
    // 「2023」: 2 | 0 | 23 or 20 | 2 | 3 — only the first keeps what is in force at least what was made
    const plain = normative('2023', '本年度，我县深入贯彻《条例》。');
    expect(plain.cells).toEqual([2, 0, 23]);
    for (const reason of plain.reasons) expect(reason).toContain('已按「现行有效件数不少于本年制发件数」读为 2 0 23');
    // 「34089」: three cuts keep the rule and disagree on every cell: still blank
    expect(normative('34089', '本年度，我县深入贯彻《条例》。').cells).toEqual([null, null, null]);
    // what the report says outweighs the rule: 「废止…12件」 settles 「2120」 as 2 | 12 | 0, which breaks it
    const told = normative('2120', '本年度，我县制发规范性文件2件，废止规范性文件12件。');
    expect(told.cells).toEqual([2, 12, 0]);
    expect(told.reasons[1]).toContain('已按正文');
    expect(normative('2120', '本年度，我县深入贯彻《条例》。').cells).toEqual([2, 1, 20]);
  });

  it('a run of digits that no cut makes add up is an arithmetic error whichever cut is meant: T4-SUM / T3-ROW, though the cells stay unread', () => {
    // 17 digits for 15 cells; 复议后起诉 13 + 2 + 4 + 0 is not 15 however they are read
    const review = reviewPrinted('00202000001324015');
    expect(review.sumsNotAddingUp?.map((s) => s.total)).toEqual(['review.sued_after.total']);
    // a table 三 row as one run of 8 digits for 7 cells: 「10000012」 cut any way, its parts never make its total
    const text = ONE_LINE_2021.replace('（一）予以公开1000001', '（一）予以公开10000012');
    const { report } = parsePublished(textDocument(text));
    const t3 = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total');
    expect(t3).toHaveLength(1);
    expect(t3[0]?.message).toContain('无论怎样拆分');
    // stray spaces in a crawl (「1 1000011」 for 11 … 11): no verdict
    const spaced = parsePublished(textDocument(ONE_LINE_2021.replace('（七）总计110000011', '（七）总计1 1000011'))).report;
    expect(spaced.printed?.sumsNotAddingUp).toBeUndefined();
  });

  it('a column through a glued row no cut makes add up is judged under every cut: 「本年新收13000000」 (13 or 1 | 30 for 自然人) fails T3-BAL for 自然人 either way, not for 商业企业', () => {
    const findings = (from: string, to: string) => {
      const { report } = parsePublished(textDocument(ONE_LINE_2021.replace(from, to)));
      return evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-BAL' || f.rule === 'T3-SUM7');
    };
    // 自然人: 13 (or 1) + 0 against （七）总计 11 (or 1, its own run cuts two ways) + 1; 总计: 0 + 0 against 11 + 1
    const thirteen = findings('数量120000012', '数量13000000').filter((f) => f.rule === 'T3-BAL');
    expect(thirteen.map((f) => f.target).sort()).toEqual(['apply.carried_forward.natural', 'apply.carried_forward.total']);
    expect(thirteen[0]?.message).toContain('本列有数字连在一起的行（13000000、110000011），无论怎样拆分，第一项加第二项都不等于第三项加第四项');
    // 12 balances 自然人 (12 + 0 = 11 + 1): one cut fits, no verdict on that column
    expect(findings('数量120000012', '数量12000000').filter((f) => f.rule === 'T3-BAL').map((f) => f.target)).toEqual(['apply.carried_forward.total']);
    // a result row of one cut that doesn't add up (「予以公开20000000」): the columns' （七）总计 judged under it —
    // 自然人 11 against 20 + 3, 其他 0 against 0 + 2 (the report's own misprint, still said though the row is unread)
    const granted = findings('予以公开1000001', '予以公开20000000').filter((f) => f.rule === 'T3-SUM7');
    expect(granted.map((f) => f.target).sort()).toEqual(['apply.processed_total.natural', 'apply.processed_total.other_org', 'apply.processed_total.total']);
    expect(granted[0]?.message).toContain('（20000000），无论怎样拆分，（七）总计都不等于各项之和');
  });

  it('a run with more digits than its row has cells, every leading 0 a cell of its own (「00000001」: 8 figures at least for 7), is misprinted however read: T3-ROW', () => {
    const t3 = (granted: string) => {
      const { report } = parsePublished(textDocument(ONE_LINE_2021.replace('（一）予以公开1000001', `（一）予以公开${granted}`)));
      return evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total');
    };
    expect(t3('00000001').map((f) => f.message)).toEqual([expect.stringContaining('（00000001），数字比本行的 7 格多，无论怎样拆分都对不上各格')]);
    // as many digits as cells is a cut like any other; fewer is a row with blanks: neither is this finding
    expect(t3('0000001').map((f) => f.message)).toEqual([expect.not.stringContaining('对不上各格')]);
    expect(t3('000001')).toEqual([]);
  });

  it('table 四 as several runs with spaces (「0020 2000001 324015」) that no reading of its spaces adds up: T4-SUM on the failing block', () => {
    expect(reviewPrinted('0020 2000001 324015').sumsNotAddingUp?.map((s) => s.total)).toEqual(['review.sued_after.total']);
    // 0 0 0 0 0 · 0 0 0 0 0 · 13 2 4 0 19, printed so: some cut adds up, no verdict
    expect(reviewPrinted('0000 0000001 324019').sumsNotAddingUp).toBeUndefined();
  });

  it('table 四 crawled with spaces between some cells (「00 0 00 0 0 0 00 0 0 0 10」): fifteen digits for fifteen cells are one a cell, so 复议后起诉 尚未审结 1 against 总计 0 fails T4-SUM', () => {
    // as the crawl prints an all-zero table 四: read, nothing to say
    const zeros = reviewPrinted('00 0 00 0 0 0 00 0 0 0 00');
    expect(Object.values(zeros.cells)).toEqual(new Array(15).fill(0));
    // 「10」 is 1 and 0 run together, not ten: the only reading of fifteen digits that needs no empty cell
    const misprinted = reviewPrinted('00 0 00 0 0 0 00 0 0 0 10');
    expect(['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => misprinted.cells[`review.sued_after.${c}`])).toEqual([0, 0, 0, 1, 0]);
    expect(misprinted.uncertain.find((u) => u.target === 'review.sued_after.pending')?.reason).toContain('每格一位数字');
    const text = ONE_LINE_2021.replace('100010001100000', '00 0 00 0 0 0 00 0 0 0 10');
    const t4 = evaluate(parsePublished(textDocument(text)).report, { stage: 'final' }).filter((f) => f.rule === 'T4-SUM');
    expect(t4.map((f) => f.target)).toEqual(['review.sued_after.total']);
  });

  it('a row of table 三 with spaces whose seven digits add up in no reading (「10 0 00 0 2」) is one digit a cell, judged as read; 「5 5 00 0 10」, which one reading of its spaces makes add up (5 5 0 0 0, blank, 10), is left unread', () => {
    const read = (printed: string) => parsePublished(textDocument(ONE_LINE_2021.replace('（一）予以公开1000001', `（一）予以公开 ${printed} `))).report;
    const failing = read('10 0 00 0 2');
    expect(row(failing.cells, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 2]);
    expect(evaluate(failing, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total').map((f) => f.message)).toEqual([
      '「（一）予以公开」行：表中总计 2，各项之和 = 自然人 1，相差 1',
    ]);
    const open = read('5 5 00 0 10');
    expect(row(open.cells, 'granted')).toContain(null);
    expect(evaluate(open, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total')).toEqual([]);
  });

  it('table 四 crawled with more spaces than can be read every way (「00 2 02 00 000 1324 0 15」: seven) is judged with each space between cells and with any one read otherwise: 复议后起诉 fails T4-SUM', () => {
    // 0 0 2 0 2 · 0 0 0 0 0 · 13 2 4 0 15: no cut of 「1324」 and 「15」 gives 复议后起诉 its total
    expect(reviewPrinted('00 2 02 00 000 1324 0 15').sumsNotAddingUp?.map((s) => s.total)).toEqual(['review.sued_after.total']);
    // with its total 19 it reads, and adds up
    const right = reviewPrinted('00 2 02 00 000 1324 0 19');
    expect(right.sumsNotAddingUp).toBeUndefined();
    expect(Object.values(right.cells)).toEqual([0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19]);
  });

  it('a row of several runs that no cut of its digits makes add up (「5000000 58」: 50 0 0 0 0 0 against 58) fails T3-ROW whichever cut is meant', () => {
    // the crawl prints 「5800000 58」 for 58 0 0 0 0 0 58; one digit misprinted, no cut of 「500000058」 adds up
    const text = ONE_LINE_2021.replace('一、本年新收政府信息公开申请数量120000012', '一、本年新收政府信息公开申请数量5000000 58 ');
    const { report } = parsePublished(textDocument(text));
    const t3 = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.new.total');
    expect(t3).toHaveLength(1);
    expect(t3[0]?.message).toContain('5000000 58');
    // the one figure left, 58, is put in the row's first cell: its column a guess, so no column's sum is judged on it
    expect(report.printed?.unplaced).toContain('apply.new.natural');
    // as printed, it reads and adds up: no finding
    const right = parsePublished(textDocument(ONE_LINE_2021.replace('一、本年新收政府信息公开申请数量120000012', '一、本年新收政府信息公开申请数量5800000 58 '))).report;
    expect(row(right.cells, 'new')).toEqual([58, 0, 0, 0, 0, 0, 58]);
    expect(evaluate(right, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.new.total')).toEqual([]);
  });

  it('「1000000」 set apart by spaces is no count of a million but cells run together: 1 0 0 0 0 0 against a total 0 fails T3-ROW', () => {
    const text = ONE_LINE_2021.replace('四、结转下年度继续办理1000001', '四、结转下年度继续办理 1000000 ');
    const { report } = parsePublished(textDocument(text));
    expect(row(report.cells, 'carried_forward')).toEqual([null, null, null, null, null, null, null]);
    const t3 = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.carried_forward.total');
    expect(t3.map((f) => f.message)).toEqual([expect.stringContaining('（1000000），无论怎样拆分')]);
  });

  it('a row of five runs with spaces (「10 1 00 0 1」) is judged in every reading of its spaces: none adds up, T3-ROW; 「10 0 00 0 1」 reads and adds up', () => {
    const failing = parsePublished(textDocument(ONE_LINE_2021.replace('（一）予以公开1000001', '（一）予以公开 10 1 00 0 1 '))).report;
    expect(evaluate(failing, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total')).toHaveLength(1);
    const right = parsePublished(textDocument(ONE_LINE_2021.replace('（一）予以公开1000001', '（一）予以公开 10 0 00 0 1 '))).report;
    expect(row(right.cells, 'granted')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(evaluate(right, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.granted.total')).toEqual([]);
  });

  it('a lone digit printed against the next label (「0 0 10 0 0 0二、」) hides no cells: the row is six figures, its total judged', () => {
    const text = ONE_LINE_2021.replace('一、本年新收政府信息公开申请数量120000012二、', '一、本年新收政府信息公开申请数量 0 0 10 0 0 0二、');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.unread ?? []).not.toContain('apply.new.other_org');
    const t3 = evaluate(report, { stage: 'final' }).filter((f) => f.rule === 'T3-ROW' && f.target === 'apply.new.total');
    expect(t3.map((f) => f.message)).toEqual(['「一、本年新收政府信息公开申请数量」行：表中总计 0，各项之和 = 科研机构 10，相差 10']);
  });

  it('a figure printed but not readable is no blank of the report, and no sum is judged on it', () => {
    const text = ONE_LINE_2021.replace('2022年', '2019年')
      .replace('本年制发件数本年废止件数现行有效件数规章000行政规范性文件0011', '本年新制作数量本年新公开数量对外公开总数量规章000规范性文件898989')
      .replace('（七）总计110000011', '（七）总计1 1000011');
    const { report, uncertain } = parsePublished(textDocument(text));
    // 「898989」: 8/98/989, 89/89/89 … — left blank with a doubt, which says it was printed
    expect(report.cells['active2019.normative.made']).toBeNull();
    expect(uncertain.filter((u) => u.target.startsWith('active2019.normative.') && u.unread).length).toBeGreaterThan(0);
    expect(report.printed?.unread).toContain('active2019.normative.made');
    const findings = evaluate(report, { stage: 'final' });
    expect(findings.filter((f) => f.rule === 'V-BLANK' && f.cells.some((c) => c.startsWith('active2019.normative.')))).toEqual([]);
    // the unread cells of （七）总计 hold back the sums they are part of
    const unreadTotals = (report.printed?.unread ?? []).filter((k) => k.startsWith('apply.processed_total.'));
    expect(unreadTotals.length).toBeGreaterThan(0);
    expect(findings.filter((f) => f.rule.startsWith('T3-') && f.cells.some((c) => unreadTotals.includes(c)))).toEqual([]);
  });

  it.each([
    // a counter between glued figures keeps the row going
    ['政府集中采购1个246900元', 1, '246900 元'],
    // a count with its counter as a word of its own
    ['政府集中采购 2笔 984361元 ', 2, '984361 元'],
    // counted in 批次 (batches), as a word of its own or run together
    ['政府集中采购 31批次 709455.9元', 31, '709455.9 元'],
    ['政府集中采购31批次709455.9元', 31, '709455.9 元'],
  ])('the 2019 procurement row 「%s」 is %i item(s) and the amount as printed', (printed, items, amount) => {
    const text = ONE_LINE_2021.replace('2022年', '2019年')
      .replace('本年制发件数本年废止件数现行有效件数规章000行政规范性文件0011', '本年新制作数量本年新公开数量对外公开总数量规章000规范性文件222')
      .replace('第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0', `第二十条第（八）项信息内容上一年项目数量本年增/减量行政事业性收费00第二十条第（九）项信息内容采购项目数量采购总金额${printed}`);
    const { report } = parsePublished(textDocument(text));
    expect(report.cells['active2019.procurement.items']).toBe(items);
    expect(report.cells['active2019.procurement.amount']).toBe(amount);
  });
});

describe('figures that are never cells', () => {
  it('a running page header with the year between table rows, and a citation, add no figure to a row', () => {
    const text = [
      '某县人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '依据国办公开办函〔2021〕30号。',
      '二、主动公开政府信息情况',
      '信息内容 本年制发件数 本年废止件数 现行有效件数',
      '规章 0 0 0',
      '某县人民政府2024年政府信息公开工作年度报告',
      '行政规范性文件 3 1 6',
      '行政许可 12',
      '三、收到和处理政府信息公开申请情况',
    ].join('\n');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect([report.cells['active.regulations.issued'], report.cells['active.regulations.in_force'], report.cells['active.normative.issued'], report.cells['active.normative.in_force'], report.cells['active.licensing.decisions']]).toEqual([0, 0, 3, 6, 12]);
    expect(uncertain.filter((u) => /^active\.(regulations|normative)/.test(u.target))).toEqual([]);
  });
});

/** The line of `text` holding a row's label (a label not found would leave the row as it was, and a test pass on any reader). */
function rowOf(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.includes(label));
  if (!line) throw new Error(`no row 「${label}」`);
  return line;
}

/** A row line's seven figures. */
function figuresOf(line: string): string {
  const m = /(?:\s\d+){7}$/.exec(line);
  if (!m) throw new Error(`no seven figures in 「${line}」`);
  return m[0].trim();
}

describe('a PDF of table 三 with narrow label columns', () => {
  it('row labels interleaved line by line with the group label beside them (「（三）」「1.属于国」「不予公」「家秘密」) are read', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    const denied = ['1', '2'].map((n) => text.split('\n').find((l) => l.includes(n === '1' ? '1.属于国家秘密' : '2.其他法律行政法规禁止公开')) ?? '');
    const figures = denied.map((l) => l.replace(/^.*?(?=(?:\s\d+){7}$)/, '').trim());
    // as Chromium's text layer gives a 2019-style page printed with narrow label cells
    const narrow = ['（三）  1.属于国', figures[0], '不予公  家秘密', '开  2.其他法', '律行政法', figures[1], '规禁止公', '开'].join('\n');
    const { report } = parsePublished(textDocument(text.replace(`${denied[0]}\n${denied[1]}`, narrow)));
    for (const row of ['denied_1', 'denied_2']) {
      expect(['natural', 'total'].map((c) => report.cells[`apply.${row}.${c}`])).toEqual(['natural', 'total'].map((c) => data.cells[`apply.${row}.${c}`]));
    }
  });

  it('a group label printed with its characters spaced out (「不 予 处」, justified) is left out of the row label beside it', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    const printed = text.split('\n').find((l) => l.includes('4.无正当理由大量反复申请')) ?? '';
    const figures = printed.replace(/^.*?(?=(?:\s\d+){7}$)/, '').trim();
    // Chromium's text layer of a 2019-style page: 「（五）不予处理」 beside the wrapped row label, one character an item
    const narrow = ['（ 五 ）', `4. 无 正 当 理  ${figures}`, '不 予 处', '由 大 量 反 复', '理', '申请'].join('\n');
    const { report } = parsePublished(textDocument(text.replace(printed, narrow)));
    expect(['natural', 'total'].map((c) => report.cells[`apply.refused_4.${c}`])).toEqual(['natural', 'total'].map((c) => data.cells[`apply.refused_4.${c}`]));
  });

  it('a group label wrapped into pieces of four characters (「本年度办」「理结果」, 「（四）」「无法提供」) beside a row\'s label is left out of it', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    const [denied, unable] = [rowOf(text, '8.属于行政查询事项'), rowOf(text, '2.没有现成信息需要另行制作')];
    // the lines our PDF reader gives for Chromium's print of a page whose label columns are narrow
    const narrow = text
      .replace(denied, ['8.属于行政查', `本年度办  ${figuresOf(denied)}`, '询事项', '理结果'].join('\n'))
      .replace(unable, ['2.没有', `（四） 现成信息  ${figuresOf(unable)}`, '无法提供  需要另行', '制作'].join('\n'));
    const { report } = parsePublished(textDocument(narrow));
    for (const row of ['denied_8', 'unable_2']) {
      expect(['natural', 'commercial', 'total'].map((c) => report.cells[`apply.${row}.${c}`]), row).toEqual(['natural', 'commercial', 'total'].map((c) => data.cells[`apply.${row}.${c}`]));
    }
  });

  it('a group label\'s pieces run into a row label\'s on the same line (「（四）有现」, 「无法提息需」: a column two characters wide) are left out of it', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    const unable = rowOf(text, '2.没有现成信息需要另行制作');
    const figures = figuresOf(unable);
    // the lines our PDF reader gives for Chromium's print of a real page (its label column two characters wide)
    const narrow = ['2.没', '（四）有现', '成信', `无法提息需 ${figures}`, '供  要另', '行制', '作'].join('\n');
    const { report } = parsePublished(textDocument(text.replace(unable, narrow)));
    expect(['natural', 'commercial', 'total'].map((c) => report.cells[`apply.unable_2.${c}`])).toEqual(['natural', 'commercial', 'total'].map((c) => data.cells[`apply.unable_2.${c}`]));
  });

  it('the group label centred on a row\'s figures, between the two lines of that row\'s label: 「（三）不予公  3 0 0 0 0 0 3」, 「（四）无法提供  0 …」', () => {
    const data = richData(FORMAT_2021, 2024);
    const text = makeText(data, { layout: 'rows' });
    const [denied, unable] = [rowOf(text, '4.保护第三方合法权益'), rowOf(text, '2.没有现成信息需要另行制作')];
    // the lines our PDF reader gives for a page whose tables are set wider than the paper (Chromium's print)
    const narrow = text
      .replace(denied, ['4.保护第三方', `（三）不予公  ${figuresOf(denied)}`, '合法权益', '开'].join('\n'))
      .replace(unable, ['2.没有现成信息需', `（四）无法提供  ${figuresOf(unable)}`, '要另行制作'].join('\n'));
    const { report } = parsePublished(textDocument(narrow));
    for (const row of ['denied_4', 'unable_2']) {
      expect(['natural', 'commercial', 'total'].map((c) => report.cells[`apply.${row}.${c}`]), row).toEqual(['natural', 'commercial', 'total'].map((c) => data.cells[`apply.${row}.${c}`]));
    }
  });
});
