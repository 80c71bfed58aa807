/**
 * 审核意见: the sheet the 政务公开办 sends back to a unit after checking its report — the problems found (errors
 * first, each with its rule), the parser's doubts to confirm, and room for the reviewer's signature. One document
 * model per unit, written by the same DOCX writer as the report.
 */
import { cleanText, signatureLayout, type Block, type DocModel, type ModelCell, type ModelTable } from '../render/model.js';
import { SIZES } from '../render/typography.js';
import { RULES, type RuleId } from '../rules/index.js';
import { verdictOf, type ReviewRow } from './review.js';

function cell(text: string, align: 'left' | 'center' = 'left', role: ModelCell['role'] = 'value'): ModelCell {
  return { text: cleanText(text), colSpan: 1, rowSpan: 1, role, vertical: false, align };
}

function para(text: string): Block {
  return { kind: 'paragraph', runs: [{ text: cleanText(text), style: 'body' }] };
}

function ruleName(rule: string): string {
  return (RULES as Record<string, { name: string } | undefined>)[rule as RuleId]?.name ?? rule;
}

function problemsTable(row: ReviewRow): ModelTable {
  const sorted = [...row.findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const rows: ModelCell[][] = [['序号', '类别', '规则', '问题'].map((t) => cell(t, 'center', 'header'))];
  sorted.forEach((f, i) => {
    rows.push([cell(String(i + 1), 'center'), cell(f.severity === 'error' ? '错误（须改正）' : '提示（请核对）', 'center'), cell(`${f.rule} ${ruleName(f.rule)}`), cell(f.message)]);
  });
  return { id: 'findings', columns: 4, widths: [8, 16, 22, 54], headerRows: 1, keepWithNext: rows.map(() => false), fontSizePt: SIZES.tableApply, rows };
}

/** The 审核意见 of one unit's report. `date` ISO (the day of the review), `reviewer` the office that reviewed. */
export function buildOpinionModel(row: ReviewRow, options: { year?: number; date?: string; reviewer?: string } = {}): DocModel {
  const year = row.year ?? options.year ?? new Date().getFullYear() - 1;
  const title = `${row.unit}${year}年政府信息公开工作年度报告审核意见`;
  const blocks: Block[] = [{ kind: 'title', lines: [`关于${row.unit}`, `${year}年政府信息公开工作年度报告的`, '审核意见'] }];
  blocks.push(para(`${row.unit}：`));
  if (row.status === 'failed') {
    blocks.push(para(`报送的文件「${row.file}」无法核查：${row.reason ?? '无法读取'}。请重新报送 DOCX、PDF、文本或本程序的草稿文件。`));
  } else {
    blocks.push(para(`经核查，贵单位报送的年度报告（文件「${row.file}」）结论为「${verdictOf(row)}」：错误 ${row.errors} 个，提示 ${row.warnings} 个，解析存疑 ${row.doubts} 处。`));
    if (row.findings.length > 0) {
      blocks.push({ kind: 'heading', text: '一、发现的问题' });
      blocks.push({ kind: 'table', table: problemsTable(row) });
    } else blocks.push(para('未发现问题。'));
    if (row.uncertain.length > 0) {
      blocks.push({ kind: 'heading', text: row.findings.length > 0 ? '二、请核对的内容' : '一、请核对的内容' });
      row.uncertain.forEach((u, i) => blocks.push(para(`${i + 1}. ${u.name}：${u.reason}`)));
    }
    if (row.errors > 0) blocks.push(para('请改正上述错误后重新报送，改正前不宜公开。'));
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(options.date ?? '');
  const when = date ? `${date[1]}年${Number(date[2])}月${Number(date[3])}日` : '    年  月  日';
  blocks.push({ kind: 'signature', ...signatureLayout(options.reviewer ?? '审核人：', when), blankLinesBefore: 2 });
  return { title, year, blocks };
}
