/**
 * The browser host (development in a plain browser, engineering §2): a file input to open, a Blob download to save
 * and export, `window.print`, and localStorage for autosave and recovery. There are no real paths in a browser: a
 * draft's file is an opaque id (the same contract as main's) standing for the name it was opened with, and saving
 * downloads the file again under that name.
 */
import { hostMethods, RECOVERY_LIST_MAX, recoveryEntry, type FileRef, type HostArg, type HostResult, type ReportHost, type ShellEvent } from '../../shared/ipc/contract.js';
import { documentWindowTitle } from '../../shared/ipc/title.js';
import { draftModelOptions, draftToReport, parseDraftText } from '../../shared/schema/draft.js';
import { buildDocModel } from '../../shared/render/model.js';
import { renderHtml } from '../../shared/render/html.js';
import { loadFrame, pagedHtmlFrom } from '../preview/paged.js';
import { buildReviewModel } from '../../shared/render/review.js';
import { reviewSheetInput } from '../../shared/editor/exportGate.js';
import { importText, MAX_IMPORT_CHARS } from '../../shared/import/index.js';
import { cleanText } from '../../shared/report/cleanText.js';
import { evaluate } from '../../shared/rules/index.js';
import { z } from 'zod';

const RECOVERY_PREFIX = 'gkbg-recovery:';
const RECENT_KEY = 'gkbg-recent';
/** What the page can import from a file: text (the DOCX and PDF readers need Node: the desktop app). */
export const BROWSER_IMPORT_ACCEPT = '.txt,text/plain';

/** File names this page opened or saved, by the opaque id handed to the document. */
const names = new Map<string, string>();
function refFor(name: string): FileRef {
  for (const [id, n] of names) if (n === name) return { id, name, location: '' };
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = `f-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  names.set(id, name);
  return { id, name, location: '' };
}

function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    let done = false;
    const finish = (f: File | null) => {
      if (done) return;
      done = true;
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => finish(null));
    document.body.append(input);
    input.click();
  });
}

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function recentList(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string').slice(0, 10) : [];
  } catch {
    return [];
  }
}
function remember(name: string): void {
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify([name, ...recentList().filter((n) => n !== name)].slice(0, 10)));
  } catch {
    // storage full or disabled: the list is a convenience
  }
}

const recoveryRecord = recoveryEntry.omit({ problem: true }).omit({ file: true }).extend({ name: z.string().nullish(), text: hostMethods.autosave.arg.shape.text });

export function createBrowserHost(): ReportHost {
  const listeners = new Set<(e: ShellEvent) => void>();
  const host: ReportHost = {
    kind: 'browser',
    async openDraft(): Promise<HostResult<'openDraft'>> {
      const file = await pickFile('.gkbg,application/json');
      if (!file) return { status: 'canceled' };
      try {
        const text = await file.text();
        remember(file.name);
        return { status: 'opened', file: refFor(file.name), text };
      } catch {
        return { status: 'error', message: `无法读取「${file.name}」` };
      }
    },
    async openDraftAt({ file }: HostArg<'openDraftAt'>): Promise<HostResult<'openDraftAt'>> {
      return { status: 'error', message: `浏览器中无法直接打开「${names.get(file) ?? '该文件'}」，请用「打开」选择文件` };
    },
    async saveDraft({ file, text, suggestedName }: HostArg<'saveDraft'>): Promise<HostResult<'saveDraft'>> {
      const name = (file && names.get(file)) ?? suggestedName;
      download(name, text, 'application/json');
      remember(name);
      return { status: 'saved', file: refFor(name) };
    },
    async recentFiles() {
      return [];
    },
    async autosave({ id, file, title, text }: HostArg<'autosave'>): Promise<HostResult<'autosave'>> {
      try {
        const name = (file && names.get(file)) ?? null;
        localStorage.setItem(RECOVERY_PREFIX + id, JSON.stringify({ id, name, title, text, savedAt: new Date().toISOString() }));
        return { status: 'ok' };
      } catch {
        return { status: 'error', message: '浏览器存储空间不足，自动保存失败' };
      }
    },
    async listRecovery(): Promise<HostResult<'listRecovery'>> {
      const out: HostResult<'listRecovery'>['entries'] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i);
        if (!key?.startsWith(RECOVERY_PREFIX)) continue;
        const id = key.slice(RECOVERY_PREFIX.length);
        const r = readRecord(id);
        if (r) out.push({ id: r.id, savedAt: r.savedAt, file: r.name ? refFor(r.name) : null, title: r.title });
        else out.push({ id: id.slice(0, 200), savedAt: '', file: null, title: '', problem: '自动恢复的内容已损坏，无法恢复' });
      }
      out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
      return { entries: out.slice(0, RECOVERY_LIST_MAX), more: Math.max(0, out.length - RECOVERY_LIST_MAX) };
    },
    async readRecovery({ id }: HostArg<'readRecovery'>): Promise<HostResult<'readRecovery'>> {
      const r = readRecord(id);
      return r ? { status: 'opened', file: r.name ? refFor(r.name) : null, text: r.text } : { status: 'error', message: '恢复文件已损坏或已不存在' };
    },
    async discardRecovery({ id }: HostArg<'discardRecovery'>) {
      localStorage.removeItem(RECOVERY_PREFIX + id);
      return { status: 'ok' as const };
    },
    /** Word documents (the report and its 审核单) are written right here: the DOCX writer is shared code. */
    async exportDocument({ text, kind, suggestedName }: HostArg<'exportDocument'>): Promise<HostResult<'exportDocument'>> {
      if (kind === 'pdf') return { status: 'error', message: '浏览器版不能直接生成 PDF：请用「打印」，在打印对话框中选「另存为 PDF」' };
      if (kind === 'bundle') return { status: 'error', message: '浏览器版不能导出发布包（要写入一个文件夹）：请使用桌面版' };
      const parsed = parseDraftText(text);
      if (!parsed.ok) return { status: 'error', message: parsed.error };
      try {
        const { renderDocx } = await import('../../shared/render/docx.js');
        const model = kind === 'docx' ? buildDocModel(draftToReport(parsed.draft), draftModelOptions(parsed.draft)) : buildReviewModel(reviewSheetInput(parsed.draft));
        const bytes = await renderDocx(model);
        download(suggestedName, new Uint8Array(bytes), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        return { status: 'saved', path: suggestedName };
      } catch (e) {
        console.error('export', e);
        return { status: 'error', message: '导出失败：生成 Word 文档时出错，请重试' };
      }
    },
    async print({ text }: HostArg<'print'>): Promise<HostResult<'print'>> {
      const parsed = parseDraftText(text);
      if (!parsed.ok) return { status: 'error', message: parsed.error };
      const model = buildDocModel(draftToReport(parsed.draft), draftModelOptions(parsed.draft));
      // the pages the preview shows and the PDF has (renderer/preview/paged.ts), not page breaks left to the printer
      const frame = document.createElement('iframe');
      frame.style.cssText = 'position:fixed;left:-20000px;top:0;width:840px;height:200px;border:0;visibility:hidden';
      document.body.append(frame);
      try {
        const { html } = await pagedHtmlFrom(model, await loadFrame(frame, renderHtml(model)));
        await (await loadFrame(frame, html)).fonts.ready;
        frame.contentWindow?.print();
        setTimeout(() => frame.remove(), 60_000);
        return { status: 'ok' };
      } catch (e) {
        console.error('print', e);
        frame.remove();
        return { status: 'error', message: '打印失败：排版页面时出错，请重试' };
      }
    },
    /**
     * Pasted text and text files are parsed right here (the parser is shared code). The DOCX and PDF readers run in
     * the desktop app only, so the page offers text files (`importFileTypes`) and says so.
     */
    async importPublished({ pasted }: HostArg<'importPublished'>): Promise<HostResult<'importPublished'>> {
      let text = pasted;
      let name = '粘贴的文本';
      let kind: 'pasted' | 'text' = 'pasted';
      if (text === undefined) {
        const file = await pickFile(BROWSER_IMPORT_ACCEPT);
        if (!file) return { status: 'canceled' };
        if (!/\.txt$/i.test(file.name)) return { status: 'error', message: `浏览器版只能导入文本文件（.txt）；「${file.name}」请用桌面程序导入，或打开后全选复制、粘贴到下方` };
        if (file.size > MAX_IMPORT_CHARS * 4) return { status: 'error', message: `「${file.name}」过大，不像是一份年度报告` };
        text = await file.text();
        name = file.name;
        kind = 'text';
      }
      if (text.trim() === '') return { status: 'error', message: kind === 'text' ? `「${name}」是空的` : '粘贴的内容是空的' };
      if (text.length > MAX_IMPORT_CHARS) return { status: 'error', message: '内容过长，不像是一份年度报告' };
      try {
        // as main's importer does: no terminal escapes or bidi/format controls from the text reach the draft
        const result = importText(cleanText(text), { kind, name: cleanText(name), evaluate: (r) => evaluate(r) });
        return { status: 'imported', name, result: JSON.stringify(result) };
      } catch (e) {
        return { status: 'error', message: `导入失败：${e instanceof Error ? e.message.slice(0, 300) : '未知错误'}` };
      }
    },
    /** The page reads text files itself, at once: nothing runs to be stopped. */
    async importCancel(): Promise<HostResult<'importCancel'>> {
      return { status: 'ok' };
    },
    /** 汇总 and 批量核查 read folders of files in worker threads: the desktop app only. */
    async officeStart(): Promise<HostResult<'officeStart'>> {
      return { status: 'error', message: '浏览器版无法读取文件夹：汇总下级单位报告和批量核查请使用桌面程序，或命令行 report rollup / report check' };
    },
    async officePoll(): Promise<HostResult<'officePoll'>> {
      return { status: 'error', message: '浏览器版不支持此功能' };
    },
    async officeCancel() {
      return { status: 'ok' as const };
    },
    async officeExport(): Promise<HostResult<'officeExport'>> {
      return { status: 'error', message: '浏览器版不支持此功能' };
    },
    async fontCheck() {
      return [];
    },
    async pendingOpens() {
      return [];
    },
    async setDocumentState({ title, dirty }: HostArg<'setDocumentState'>) {
      document.title = documentWindowTitle(title, dirty);
      return { status: 'ok' as const };
    },
    onShellEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return host;
}

function readRecord(id: string) {
  try {
    const parsed = recoveryRecord.safeParse(JSON.parse(localStorage.getItem(RECOVERY_PREFIX + id) ?? 'null'));
    return parsed.success && parsed.data.id === id ? parsed.data : null;
  } catch {
    return null;
  }
}
