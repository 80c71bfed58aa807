/** Names and messages of the open document: the suggested file name, export names, times, and failure sentences. */
import { canonicalTitle } from '../../shared/report/model.js';
import { DRAFT_EXTENSION, type DraftFile } from '../../shared/schema/draft.js';
import type { ReportHost } from '../../shared/ipc/contract.js';
import type { Uncertain } from '../../shared/import/result.js';

export type ExportKind = 'docx' | 'pdf' | 'review-docx' | 'bundle';

/**
 * What the clerk reads when a host call itself failed (not a result with a message: a rejected call — the channel, a
 * refused argument, a crash in main). Its text is for developers (English, codes, paths), so it goes to the console
 * and the clerk gets a Chinese sentence; a message that is already plain Chinese (the draft schema's) is kept.
 */
export function failureText(what: string, e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  console.error(what, e);
  const plainChinese = /[\u4e00-\u9fff]/.test(text) && !/[A-Za-z]{3,}|[\\/]/.test(text);
  return `${what}：${plainChinese ? text : '程序内部出错，请重试；如果反复出现，请先另存一份，再重新启动程序'}`;
}

export function defaultYear(now: Date = new Date()): number {
  return now.getFullYear() - 1;
}

export function suggestedName(draft: DraftFile): string {
  const base = draft.meta.title?.trim() || canonicalTitle(draft.meta.organ.trim(), draft.year);
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 150)}.${DRAFT_EXTENSION}`;
}

export function sessionId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `s-${rnd.replace(/[^A-Za-z0-9-]/g, '')}`.slice(0, 100);
}

/** 2025-02-20T08:30:00Z → 「2025年2月20日 16:30」 (local time) */
export function formatSavedAt(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The name an export is offered under: the report's name with its kind. */
export function exportFileName(draft: DraftFile, kind: ExportKind): string {
  const stem = suggestedName(draft).replace(new RegExp(`\\.${DRAFT_EXTENSION}$`), '');
  if (kind === 'bundle') return `${stem}（发布包）`;
  return kind === 'docx' ? `${stem}.docx` : kind === 'pdf' ? `${stem}.pdf` : `${stem}（审核单）.docx`;
}

/** What the clerk is told after a save or an export: in a plain browser the file is a download, not a saved file. */
export function writtenNotice(host: Pick<ReportHost, 'kind'>, what: 'save' | 'export', name: string): string {
  if (host.kind === 'browser') return `已下载「${name}」（在浏览器的下载文件夹中）`;
  return what === 'save' ? `已保存到「${name}」` : `已导出「${name}」`;
}

/** Where an opened draft came from: a published report read by the importer, or the office's roll-up of units. */
export type ImportOrigin = 'published' | 'rollup';

/** A report brought in from outside (an imported published report, a roll-up) to open in the editor. */
export interface ImportedOpening {
  /** the draft file's text the import made */
  draftText: string;
  /** the source's file name, for the notice */
  sourceName: string;
  /** open as last year's report of a new one (the next-year step), not as a draft of its own */
  asLastYear?: boolean;
  /** the import's doubts, for the review list */
  doubts?: readonly Uncertain[];
  origin?: ImportOrigin;
}

/** What the clerk is told on opening it: doubts only when there are some; a roll-up says where its figures are shown. */
export function importedNotice(sourceName: string, doubts: number, origin: ImportOrigin): string {
  if (origin === 'rollup') return `已打开汇总草稿「${sourceName}」：各单元格旁列出各单位的数字；规章、行政规范性文件等本级数据请填写后保存。`;
  const review = doubts > 0 ? `；导入时存疑的 ${doubts} 处列在右侧「需核对」中，请逐项核对后再保存。` : '，请核对后再保存。';
  return `已导入「${sourceName}」：表格合计由程序计算${review}`;
}
