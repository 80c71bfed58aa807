/**
 * The review sheet (审核单): a second, internal document listing every finding the report still has, with
 * the clerk's explanation of each accepted warning, for sign-off before publication. It is never part of
 * the published report. Built as a document model, so the same writers make its HTML and DOCX.
 */
import { acceptanceFor } from '../report/acceptance.js';
import { formatTimestamp } from '../report/history.js';
import { STATE_NAMES } from '../report/reviewState.js';
import type { AcceptedWarning, StateChange } from '../schema/draft.js';
import type { Finding } from '../rules/types.js';
import { SECTION_NAMES, type SectionKey } from '../report/format.js';
import { reportFormat, type Report } from '../report/model.js';
import { cleanText, printedTitle, titleLines, type Block, type DocModel, type ModelCell, type ModelTable } from './model.js';
import { SIZES, TITLE_CHARS_PER_LINE } from './typography.js';

/** A file of the publication bundle, as the 审核单 lists it. */
export interface BundleFileDigest {
  name: string;
  sha256: string;
}

export interface ReviewSheetInput {
  report: Report;
  /** the publication bundle's files: the sheet lists their SHA-256, so what was approved is what gets published */
  files?: readonly BundleFileDigest[];
  findings: readonly Finding[];
  acceptedWarnings: readonly AcceptedWarning[];
  /** when the sheet was made, ISO date (shown as 「2025年2月25日」) */
  date?: string;
  /** the review states the draft went through (送审, 退回修改 …), oldest first */
  stateChanges?: readonly StateChange[];
}

/**
 * The sheet must fit one page, and a typical report's findings, the bundle's SHA-256 lines and the sign-off already
 * fill nearly all of it: the state record goes under 审核意见 (the returns and their reasons are the reviewers'
 * opinions) without a heading of its own, in small type, only the latest changes, saying how many came before.
 */
export const PRINTED_STATE_CHANGES = 2;

function stateRecordTable(changes: readonly StateChange[]): Block {
  const shown = changes.slice(-PRINTED_STATE_CHANGES);
  const earlier = changes.length - shown.length;
  const label = { ...cell(`审核状态记录${earlier > 0 ? `（此前另有 ${earlier} 次）` : ''}`, 'center', 'header'), rowSpan: shown.length };
  const rows: ModelCell[][] = shown.map((c, i) => [
    ...(i === 0 ? [label] : []),
    cell(formatTimestamp(c.at) || c.at, 'center'),
    cell(`${STATE_NAMES[c.state]}（${c.by}）`, 'center'),
    cell(c.reason ?? ''),
  ]);
  return { kind: 'table', table: { id: 'states', columns: 4, widths: [17, 21, 20, 42], headerRows: 0, keepWithNext: rows.map(() => true), fontSizePt: SIZES.reviewSheet, rows } };
}

const SEVERITY = { error: '错误', warning: '提示' } as const;

function where(report: Report, f: Finding): string {
  const format = reportFormat(report);
  const names: string[] = [];
  for (const key of f.cells) names.push(format.cellByKey.get(key)?.name ?? key);
  const section = f.span?.section ?? f.section;
  if (names.length === 0 && section) names.push(SECTION_NAMES[section as SectionKey] ?? section);
  if (names.length === 0) return '全文';
  return names.length > 3 ? `${names.slice(0, 3).join('、')}等 ${names.length} 处` : names.join('、');
}

function cell(text: string, align: 'left' | 'center' = 'left', role: ModelCell['role'] = 'value'): ModelCell {
  return { text: cleanText(text), colSpan: 1, rowSpan: 1, role, vertical: false, align };
}

function isoToChinese(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(iso ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The name shared by files that differ only in their extension ('' when they don't). */
function commonStem(names: readonly string[]): string {
  const stems = new Set(names.map((n) => n.replace(/\.[^.]+$/, '')));
  return stems.size === 1 ? ([...stems][0] ?? '') : '';
}

export function buildReviewModel(input: ReviewSheetInput): DocModel {
  const { report, findings, acceptedWarnings } = input;
  const organ = cleanText(report.organ ?? '').trim();
  const reportTitle = printedTitle(report, organ);
  const title = `${reportTitle}审核单`;
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  const explained = warnings.filter((f) => acceptanceFor(f, acceptedWarnings));
  // 「审核单」 runs on with the title's last line when it fits (one line less: the sheet must fit one page)
  const lines = titleLines(reportTitle, organ);
  const last = lines.at(-1) ?? '';
  const titleBlock: Block = { kind: 'title', lines: last.length + 3 <= TITLE_CHARS_PER_LINE ? [...lines.slice(0, -1), `${last}审核单`] : [...lines, '审核单'] };
  const blocks: Block[] = [titleBlock];
  const para = (text: string): Block => ({ kind: 'paragraph', runs: [{ text: cleanText(text), style: 'body' }] });
  const made = isoToChinese(input.date);
  blocks.push(
    para(
      `本单供内部审核签批，不随年度报告公开。${made ? `制表日期：${made}。` : ''}核对结果：错误 ${errors.length} 个，提示 ${warnings.length} 个（已说明 ${explained.length} 个，未说明 ${warnings.length - explained.length} 个）。`,
    ),
  );
  if (errors.length > 0) blocks.push(para('尚有错误未改正，报告不宜公开。'));

  if (findings.length > 0) {
    const header = ['序号', '规则', '类别', '问题', '涉及位置', '经办人说明'].map((t) => cell(t, 'center', 'header'));
    const rows: ModelCell[][] = [header];
    findings.forEach((f, i) => {
      const accepted = f.severity === 'warning' ? acceptanceFor(f, acceptedWarnings) : undefined;
      const note = f.severity === 'error' ? '（须改正）' : (accepted?.explanation ?? '（未说明）');
      rows.push([
        cell(String(i + 1), 'center'),
        cell(f.rule, 'center'),
        cell(SEVERITY[f.severity], 'center'),
        cell(f.message),
        cell(where(report, f)),
        cell(note),
      ]);
    });
    const table: ModelTable = { id: 'findings', columns: 6, widths: [5, 12, 6, 41, 15, 21], headerRows: 1, keepWithNext: rows.map(() => false), fontSizePt: SIZES.reviewSheet, rows };
    blocks.push({ kind: 'heading', text: '一、核对发现的问题' });
    blocks.push({ kind: 'table', table });
  } else {
    blocks.push({ kind: 'heading', text: '一、核对发现的问题' });
    blocks.push(para('未发现问题。'));
  }

  // Explanations the clerk wrote for warnings that no longer occur stay visible, so nothing is silently lost.
  const stale = acceptedWarnings.filter((a) => !warnings.some((f) => acceptanceFor(f, [a])));
  if (stale.length > 0) {
    blocks.push({ kind: 'heading', text: '二、已不再出现的提示的说明' });
    for (const a of stale) blocks.push(para(`[${a.rule}]${a.target ? `（${a.target}）` : ''}${a.explanation}`));
  }

  let n = stale.length > 0 ? 3 : 2;
  const numeral = () => ['', '一', '二', '三', '四'][n++] ?? '';
  if (input.files && input.files.length > 0) {
    blocks.push({ kind: 'heading', text: `${numeral()}、发布文件校验值（SHA-256）` });
    // Files named alike (the report's title and an extension): the shared stem once, then one line a file.
    const stem = commonStem(input.files.map((f) => f.name));
    const rows: ModelCell[][] = [
      ...(stem ? [[{ ...cell(`文件名均为「${stem}」加扩展名`, 'left', 'group'), colSpan: 2 }]] : []),
      ['文件', 'SHA-256'].map((t) => cell(t, 'center', 'header')),
      ...input.files.map((f) => [cell(f.name.slice(stem.length), 'center'), cell(f.sha256)]),
    ];
    blocks.push({ kind: 'table', table: { id: 'files', columns: 2, widths: [16, 84], headerRows: stem ? 2 : 1, keepWithNext: rows.map(() => false), fontSizePt: SIZES.reviewSheet, rows } });
  }
  blocks.push({ kind: 'heading', text: `${numeral()}、审核意见` });
  if (input.stateChanges && input.stateChanges.length > 0) blocks.push(stateRecordTable(input.stateChanges));
  // Room to sign: one column each for 经办人, 审核人 and 签批人, a tall blank row, then the dates.
  const signers = ['经办人', '审核人', '签批人'];
  const rows: ModelCell[][] = [
    signers.map((t) => cell(t, 'center', 'header')),
    signers.map(() => cell('')),
    signers.map(() => cell('日期：')),
  ];
  blocks.push({ kind: 'table', table: { id: 'signoff', columns: 3, widths: [100 / 3, 100 / 3, 100 / 3], headerRows: 0, keepWithNext: rows.map((_, i) => i < rows.length - 1), fontSizePt: SIZES.tableActive, rows } });
  return { title, year: report.year, blocks };
}
