/** Every rule of spec §4 once: id, Chinese name, severity, what it checks. Messages and the issue panel read it. */
import type { RuleId, RuleInfo } from './types.js';

export const RULES: Readonly<Record<RuleId, RuleInfo>> = {
  'T3-BAL': {
    name: '申请数量勾稽关系',
    severity: 'error',
    group: 'arithmetic',
    description: '表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和',
  },
  'T3-ROW': { name: '表三行合计', severity: 'error', group: 'arithmetic', description: '表三每一行：总计等于各类申请人之和' },
  'T3-SUM7': {
    name: '表三办理结果合计',
    severity: 'error',
    group: 'arithmetic',
    description: '表三每一列：（七）总计等于（一）至（六）各项办理结果之和',
  },
  'T4-SUM': { name: '表四合计', severity: 'error', group: 'arithmetic', description: '表四每一组：总计等于结果维持、结果纠正、其他结果、尚未审结之和' },
  'V-NUM': { name: '数值格式', severity: 'error', group: 'value', description: '件数为非负整数，金额（万元）为非负数' },
  'V-BLANK': {
    name: '空白单元格',
    severity: 'error',
    draftSeverity: 'warning',
    group: 'value',
    description: '定稿时表格不应有空白单元格，没有的填 0',
  },
  'XY-CARRY': { name: '上年结转衔接', severity: 'warning', group: 'cross-year', description: '上年“结转下年度继续办理”应等于本年“上年结转”' },
  'XY-VALID': {
    name: '现行有效件数衔接',
    severity: 'warning',
    group: 'cross-year',
    description: '现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止',
  },
  'XY-JUMP': { name: '数值异常变化', severity: 'warning', group: 'cross-year', description: '与上年相比变化异常（如相差十倍以上、由 0 变为很多）' },
  'XY-SAME': { name: '表格与上年相同', severity: 'warning', group: 'cross-year', description: '表格数据与上年报告完全相同（全为 0 的表格除外）' },
  'XY-COPY': {
    name: '正文与上年雷同',
    severity: 'warning',
    group: 'cross-year',
    description: '正文一半以上与上年报告相同或只改了年份、数字和个别字词（不计规定的标题、统计期限和数字全为 0 的句子）',
  },
  'N-APP': { name: '正文申请数与表三不符', severity: 'warning', group: 'narrative', description: '正文所述收到、办结、结转的申请件数应与表三一致' },
  'N-REVIEW': { name: '正文复议诉讼数与表四不符', severity: 'warning', group: 'narrative', description: '正文所述行政复议、行政诉讼件数应与表四总计一致' },
  'N-ACTIVE': {
    name: '正文主动公开数据与表二不符',
    severity: 'warning',
    group: 'narrative',
    description: '正文所述行政规范性文件件数，行政许可、行政处罚、行政强制决定件数和行政事业性收费金额应与表二一致',
  },
  'N-PCT': { name: '百分比与分子分母不符', severity: 'warning', group: 'narrative', description: '正文中的百分比应与同处写出的分子、分母一致' },
  'F-SECTIONS': { name: '六部分标题', severity: 'error', group: 'content', description: '六个部分齐全、顺序正确、标题与规定一字不差' },
  'F-FIVE': { name: '总体情况五个方面', severity: 'warning', group: 'content', description: '总体情况应写明主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面' },
  'F-KPZ': { name: '考核评议追究结果', severity: 'error', group: 'content', description: '人民政府的报告应写明工作考核、社会评议和责任追究结果情况（条例第五十条）' },
  'F-FEE': {
    name: '信息处理费',
    severity: 'error',
    group: 'content',
    description: '第六部分应说明信息处理费收取情况（国办函〔2020〕109号），行政事业性收费不是信息处理费',
  },
  'F-OLD': {
    name: '旧格式',
    severity: 'error',
    group: 'content',
    description: '2021年及以后的报告应使用国办公开办函〔2021〕30号格式，不引用报告年度已失效的文件（如国务院令第492号）',
  },
  'F-STALE': { name: '年份不符', severity: 'warning', group: 'content', description: '正文中的年份或“××年工作要点”应与报告年度相符' },
  'F-DATE': { name: '成文日期', severity: 'warning', group: 'content', description: '成文日期写作“YYYY年M月D日”，且不晚于法定公布期限' },
  'F-TITLE': { name: '标题格式', severity: 'warning', group: 'content', description: '标题应为“机关名称＋YYYY年政府信息公开工作年度报告”' },
};

export const RULE_IDS = Object.keys(RULES) as RuleId[];
