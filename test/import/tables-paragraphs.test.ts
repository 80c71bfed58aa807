/**
 * A page saved as text one paragraph per table cell, a blank line after each: an empty cell is one more empty line.
 * Real pages print only the 总计 of a row whose applicant columns are left empty (榆阳区驼峰路街道 2020).
 */
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';

const HEADER = ['申请人情况', '自然人', '法人或其他组织', '总计', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

/** Paragraphs as such a page gives them: each with words followed by one empty line; an empty paragraph ('') is one empty line. */
const asParagraphs = (paragraphs: readonly string[]) => paragraphs.map((p) => (p === '' ? '' : `${p}\n`)).join('\n');

function page(newRow: readonly string[]): string {
  return asParagraphs([
    '某某街道办事处2020年政府信息公开工作年度报告',
    '一、总体情况',
    '2020年度我街办未接到提出公开政府信息的申请。',
    '三、收到和处理政府信息公开申请情况',
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)',
    ...HEADER,
    '一、本年新收政府信息公开申请数量',
    ...newRow,
    '二、上年结转政府信息公开申请数量',
    ...['3', '0', '0', '0', '0', '0', '3'],
    '五、存在的主要问题及改进情况',
    '无。',
  ]);
}

describe('one paragraph per cell', () => {
  it('six empty paragraphs then 「0」: the six applicant columns are blank and 0 is the 总计', () => {
    const r = parsePublished(textDocument(page(['', '', '', '', '', '', '0'])));
    expect(r.report.cells['apply.new.total']).toBe(0);
    expect(r.report.cells['apply.new.natural']).toBeNull();
    expect(r.report.cells['apply.new.other_org']).toBeNull();
    expect(r.report.cells['apply.carried_over.natural']).toBe(3);
    expect(r.report.cells['apply.carried_over.total']).toBe(3);
  });

  it('every cell printed: each paragraph is its own column, nothing blank', () => {
    const r = parsePublished(textDocument(page(['1', '0', '0', '0', '0', '0', '1'])));
    expect(r.report.cells['apply.new.natural']).toBe(1);
    expect(r.report.cells['apply.new.total']).toBe(1);
  });

  it('one cell per line with pipes: a lone 「|」 between a label and its figure is an empty cell, one after the last figure closes the row', () => {
    const lines = [
      '某某县卫生健康局2019年政府信息公开工作年度报告',
      '一、总体情况',
      '2019年，我局主动公开政府信息301条。',
      '二、主动公开政府信息情况',
      '第二十条第(一)项 |', '||||', '信息内容 |', '本年新制作数量 |', '本年新公开数量 |', '对外公开总数量 |', '|',
      '规章 |', '0 |', '0 |', '0 |', '|',
      '规范性文件 |', '1 |', '0 |', '3 |', '|',
      '第二十条第(五)项 |', '||||', '信息内容 |', '上一年项目数量 |', '本年增/减 |', '处理决定数量 |', '|',
      '行政许可 |', '4 |', '|', '2 |', '|',
      '三、收到和处理政府信息公开申请情况',
      '申请人情况 |', '自然人 |', '法人或其他组织 |', '总计 |', '商业企业 |', '科研机构 |', '社会公益组织 |', '法律服务机构 |', '其他 |',
      '一、本年新收政府信息公开申请数量 |', '|', '|', '|', '|', '|', '|', '0 |', '||',
      '五、存在的主要问题及改进情况', '无。',
    ];
    const r = parsePublished(textDocument(lines.join('\n')));
    expect([r.report.cells['active2019.licensing.prev_items'], r.report.cells['active2019.licensing.change'], r.report.cells['active2019.licensing.decisions']]).toEqual([4, null, 2]);
    expect(r.report.cells['apply.new.natural']).toBeNull();
    expect(r.report.cells['apply.new.total']).toBe(0);
    expect(r.report.cells['active2019.normative.total']).toBe(3);
  });

  it('a row with every figure printed and stray empty lines between them: the empty lines are no cells', () => {
    // 「1」, 「」, 「0」, …: one extra empty paragraph inside a row of seven printed figures
    const r = parsePublished(textDocument(page(['1', '', '0', '0', '0', '', '', '0', '0', '1'])));
    expect([r.report.cells['apply.new.natural'], r.report.cells['apply.new.commercial'], r.report.cells['apply.new.other_org'], r.report.cells['apply.new.total']]).toEqual([1, 0, 0, 1]);
  });

  it('a page whose cells are parted by two empty lines: two is the separator, only a third is an empty cell', () => {
    const twice = (paragraphs: readonly string[]) => paragraphs.map((p) => (p === '' ? '' : `${p}\n\n`)).join('\n');
    const r = parsePublished(textDocument(twice([
      '某某街道办事处2020年政府信息公开工作年度报告', '一、总体情况', '2020年度我街办收到申请2件。',
      '三、收到和处理政府信息公开申请情况', ...HEADER,
      '一、本年新收政府信息公开申请数量', '2', '0', '0', '0', '0', '0', '2',
      '二、上年结转政府信息公开申请数量', '', '', '', '', '', '', '0',
      '五、存在的主要问题及改进情况', '无。',
    ])));
    expect([r.report.cells['apply.new.natural'], r.report.cells['apply.new.commercial'], r.report.cells['apply.new.total']]).toEqual([2, 0, 2]);
    expect(r.report.cells['apply.carried_over.natural']).toBeNull();
    expect(r.report.cells['apply.carried_over.total']).toBe(0);
  });

});

describe('figures and years as small reports print them', () => {
  it('「本年增/减」 printed in words (「增1423」, 「减38」) is a signed figure', () => {
    const lines = [
      '某某县林业局2019年政府信息公开工作年度报告', '一、总体情况', '2019年，我局主动公开政府信息20条。', '二、主动公开政府信息情况',
      '第二十条第(五)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
      '行政许可', '421', '增1423', '1844',
      '第二十条第(六)项', '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
      '行政处罚', '90', '减38', '52',
      '三、收到和处理政府信息公开申请情况', '无。',
    ];
    const r = parsePublished(textDocument(lines.join('\n')));
    expect([r.report.cells['active2019.licensing.change'], r.report.cells['active2019.licensing.decisions']]).toEqual([1423, 1844]);
    expect([r.report.cells['active2019.punishment.change'], r.report.cells['active2019.punishment.decisions']]).toEqual([-38, 52]);
  });

  it('「未增未减」 in the 「本年增/减」 column is 0, and the row’s last figure stays 处理决定数量 (pipe-ended cells, a page as stored)', () => {
    const lines = [
      '某某县退役军人事务局2019年政府信息公开工作年度报告', '一、总体情况', '2019年，我局主动公开政府信息20条。', '二、主动公开政府信息情况',
      '第二十条第(五)项 |', '信息内容 |', '上一年项目数量 |', '本年增/减 |', '处理决定数量 |',
      '行政许可 |', '0 |', '未增未减 |', '3 |',
      '第二十条第(八)项 |', '信息内容 |', '上一年项目数量 |', '本年增/减 |',
      '行政事业性收费 |', '2 |', '无增减 |',
      '三、收到和处理政府信息公开申请情况', '无。',
    ];
    const r = parsePublished(textDocument(lines.join('\n')));
    expect([r.report.cells['active2019.licensing.prev_items'], r.report.cells['active2019.licensing.change'], r.report.cells['active2019.licensing.decisions']]).toEqual([0, 0, 3]);
    expect([r.report.cells['active2019.fees.prev_items'], r.report.cells['active2019.fees.change']]).toEqual([2, 0]);
  });

  it('a label whose closing 「|」 fell onto the next line (「行政规范性文件」/「|」) has no empty first cell', () => {
    const lines = [
      '某某县信访局2021年政府信息公开工作年度报告', '一、总体情况', '2021年，我局主动公开政府信息20条。', '二、主动公开政府信息情况',
      '第二十条第(一)项 |', '|||', '信息内容 |', '本年制发件数 |', '本年废止件数 |', '现行有效件数 |',
      '规章 |', '0 |', '0 |', '0 |',
      '行政规范性文件', '|', '2 |', '1 |', '5 |',
      '第二十条第(五)项 |', '|||', '信息内容 |', '本年处理决定数量 |', '||', '行政许可 |', '3 |', '||',
      '三、收到和处理政府信息公开申请情况', '无。',
    ];
    const r = parsePublished(textDocument(lines.join('\n')));
    expect(['issued', 'repealed', 'in_force'].map((c) => r.report.cells[`active.normative.${c}`])).toEqual([2, 1, 5]);
    expect(r.report.cells['active.licensing.decisions']).toBe(3);
  });

  it('「减少 8」 with the figure set apart from its word (a PDF\'s text layer) is still −8, in a row on one line too', () => {
    const lines = [
      '某某乡人民政府2019年政府信息公开工作年度报告', '一、总体情况', '2019年，我乡主动公开政府信息20条。', '二、主动公开政府信息情况',
      '第二十条第(五)项', '信息内容 上一年项目数量 本年增/减 处理决定数量',
      '行政许可', '10', '减少 8', '0',
      '第二十条第(六)项', '信息内容 上一年项目数量 本年增/减 处理决定数量',
      '行政处罚 50 减 45 5',
      '三、收到和处理政府信息公开申请情况', '无。',
    ];
    const r = parsePublished(textDocument(lines.join('\n')));
    expect(r.report.cells['active2019.licensing.change']).toBe(-8);
    expect([r.report.cells['active2019.punishment.prev_items'], r.report.cells['active2019.punishment.change'], r.report.cells['active2019.punishment.decisions']]).toEqual([50, -45, 5]);
  });

  it('a report with no heading and no table 二: its format follows the year its text names most (2020 → format 2019)', () => {
    const text = ['根据《条例》规定，我局编制了2020年政府信息公开工作年度报告。', '一、总体情况', '2020年，我局主动公开政府信息35条。', '2020年未收到政府信息公开申请。'].join('\n');
    const r = parsePublished(textDocument(text));
    expect(r.report.year).toBe(2020);
    expect(r.report.format).toBe('2019');
  });
});

