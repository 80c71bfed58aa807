/**
 * Every printed label of the format definition against the spec (../shared/spec/report-format.md §2–§3), typed here
 * by hand from the spec — never read from shared/report/format.ts, or the test would compare the code with itself.
 */
import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, SECTIONS, tableLayout, type ReportFormat, type TableId } from '../../shared/report/format.js';

// spec §2, verbatim
const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
];

// spec §3.1, in reading order (group rows, header rows, row labels)
const ACTIVE_2021 = [
  '第二十条第（一）项',
  '信息内容', '本年制发件数', '本年废止件数', '现行有效件数',
  '规章',
  '行政规范性文件',
  '第二十条第（五）项',
  '信息内容', '本年处理决定数量',
  '行政许可',
  '第二十条第（六）项',
  '信息内容', '本年处理决定数量',
  '行政处罚',
  '行政强制',
  '第二十条第（八）项',
  '信息内容', '本年收费金额（单位：万元）',
  '行政事业性收费',
];

// spec §3.2
const ACTIVE_2019 = [
  '第二十条第（一）项',
  '信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量',
  '规章',
  '规范性文件',
  '第二十条第（五）项',
  '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
  '行政许可',
  '其他对外管理服务事项',
  '第二十条第（六）项',
  '信息内容', '上一年项目数量', '本年增/减', '处理决定数量',
  '行政处罚',
  '行政强制',
  '第二十条第（八）项',
  '信息内容', '上一年项目数量', '本年增/减',
  '行政事业性收费',
  '第二十条第（九）项',
  '信息内容', '采购项目数量', '采购总金额',
  '政府集中采购',
];

// spec §3.3: header R1–R3, then the row labels as the grid reads them
const APPLY_HEADER = [
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '申请人情况',
  '自然人', '法人或其他组织', '总计',
  '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他',
];
const APPLY_ROWS_BEFORE_OTHER = [
  '一、本年新收政府信息公开申请数量',
  '二、上年结转政府信息公开申请数量',
  '三、本年度办理结果', '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '（三）不予公开', '1.属于国家秘密',
  '2.其他法律行政法规禁止公开',
  '3.危及“三安全一稳定”',
  '4.保护第三方合法权益',
  '5.属于三类内部事务信息',
  '6.属于四类过程性信息',
  '7.属于行政执法案卷',
  '8.属于行政查询事项',
  '（四）无法提供', '1.本机关不掌握相关政府信息',
  '2.没有现成信息需要另行制作',
  '3.补正后申请内容仍不明确',
  '（五）不予处理', '1.信访举报投诉类申请',
  '2.重复申请',
  '3.要求提供公开出版物',
  '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
];
const APPLY_OTHER_SPLIT = [
  '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他',
];
const APPLY_ROWS_AFTER_OTHER = ['（七）总计', '四、结转下年度继续办理'];

// spec §3.4
const REVIEW = [
  '行政复议', '行政诉讼',
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉',
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计',
  '结果维持', '结果纠正', '其他结果', '尚未审结', '总计',
];

/** The printed (non-value) texts of a table, in the order its grid lists them. */
function labels(format: ReportFormat, id: TableId): string[] {
  return tableLayout(format, id).rows.flatMap((row) => row.flatMap((c) => (c.text !== undefined ? [c.text] : [])));
}

describe('labels as the spec prints them', () => {
  it('the six headings', () => {
    expect(SECTIONS.map((s) => s.heading)).toEqual(HEADINGS);
  });

  it('table 二 in format 2021 and in format 2019', () => {
    expect(labels(FORMAT_2021, 'active')).toEqual(ACTIVE_2021);
    expect(labels(FORMAT_2019, 'active')).toEqual(ACTIVE_2019);
  });

  it('table 三 (format 2021: （六） split in three; format 2019: one row)', () => {
    expect(labels(FORMAT_2021, 'apply')).toEqual([...APPLY_HEADER, ...APPLY_ROWS_BEFORE_OTHER, ...APPLY_OTHER_SPLIT, ...APPLY_ROWS_AFTER_OTHER]);
    expect(labels(FORMAT_2019, 'apply')).toEqual([...APPLY_HEADER, ...APPLY_ROWS_BEFORE_OTHER, '（六）其他处理', ...APPLY_ROWS_AFTER_OTHER]);
  });

  it('table 四', () => {
    expect(labels(FORMAT_2021, 'review')).toEqual(REVIEW);
  });

  it('cell names in messages carry the spec’s row and column labels', () => {
    expect(FORMAT_2021.cellByKey.get('apply.denied_3.total')?.name).toBe('三、（三）不予公开3.危及“三安全一稳定”·总计');
    expect(FORMAT_2021.cellByKey.get('active.fees.amount')?.name).toBe('二、行政事业性收费·本年收费金额（单位：万元）');
    expect(FORMAT_2021.cellByKey.get('review.sued_after.pending')?.name).toBe('四、复议后起诉·尚未审结');
  });
});
