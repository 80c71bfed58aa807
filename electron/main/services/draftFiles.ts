/**
 * Opening and saving draft files (`.gkbg`): reading validates with `parseDraftText`; saving validates the text
 * first (a bad state is never written), then writes atomically and keeps the previous version as `<name>.gkbg.bak`.
 * Special files (FIFO, device, socket) are refused before they are opened; a symlinked draft is saved through to its
 * target. Every failure is a Chinese message (fsErrors.ts); nothing here throws.
 */
import { basename, extname } from 'node:path';
import { DRAFT_EXTENSION, MAX_DRAFT_BYTES, NOT_UTF8_TEXT, fileTooLargeMessage, parseDraftText, type DraftFile } from '../../../shared/schema/draft.js';
import { FileTooLargeError, decodeUtf8, readRegularFile, removeStaleTemps, resolveWriteTarget, writeFileAtomic, type AtomicWriteOptions } from './atomicWrite.js';
import { describeFileError } from './fsErrors.js';

/** `damaged`: the file was read but is not a valid draft (its .bak or an autosave may be offered instead). */
export type ReadDraftResult = { ok: true; text: string; draft: DraftFile } | { ok: false; error: string; damaged?: boolean };
export type SaveDraftResult = { ok: true; path: string } | { ok: false; error: string };
export type ReadTextResult = { ok: true; text: string } | { ok: false; error: string; damaged?: boolean };

/**
 * A regular file's UTF-8 text, at most `limit` bytes: one open (a special file — FIFO, device, socket — refused
 * before it, so it never blocks) and its fstat, then a read of that size. `open`: a draft opened for editing, which
 * a file that isn't UTF-8 can't be (`damaged`: its .bak or an autosave may be offered); `read`: any file the command
 * line or a review reads.
 */
export async function readRegularText(path: string, { limit = MAX_DRAFT_BYTES, action = 'open' }: { limit?: number; action?: 'open' | 'read' } = {}): Promise<ReadTextResult> {
  const lead = `${action === 'open' ? '无法打开' : '无法读取'}「${basename(path)}」`;
  try {
    const text = decodeUtf8(await readRegularFile(path, limit));
    if (text !== null) return { ok: true, text };
    return action === 'open' ? { ok: false, error: `${lead}：${NOT_UTF8_TEXT}，不是有效的报告草稿`, damaged: true } : { ok: false, error: `${lead}：${NOT_UTF8_TEXT}` };
  } catch (e) {
    if (e instanceof FileTooLargeError) return { ok: false, error: `${lead}：${fileTooLargeMessage(limit, e.size)}` };
    return { ok: false, error: describeFileError(e, path, action) };
  }
}

export async function readDraftFile(path: string): Promise<ReadDraftResult> {
  const read = await readRegularText(path);
  if (!read.ok) return read;
  const parsed = parseDraftText(read.text);
  if (!parsed.ok) return { ok: false, error: `无法打开「${basename(path)}」：${parsed.error}`, damaged: true };
  return { ok: true, text: read.text, draft: parsed.draft };
}

/** `报告.gkbg` for any chosen name: the extension is added when missing. */
export function withDraftExtension(path: string): string {
  return extname(path).toLowerCase() === `.${DRAFT_EXTENSION}` ? path : `${path}.${DRAFT_EXTENSION}`;
}

export async function saveDraftFile(path: string, text: string, options: Pick<AtomicWriteOptions, 'beforeRename'> = {}): Promise<SaveDraftResult> {
  const parsed = parseDraftText(text);
  if (!parsed.ok) return { ok: false, error: `未保存：草稿内容有误（${parsed.error}）` };
  try {
    // the .bak keeps the last good version: a damaged draft being replaced never overwrites it
    const current = await readDraftFile(path);
    await writeFileAtomic(path, text, { backup: current.ok, ...options });
    await removeStaleTemps(await resolveWriteTarget(path));
    return { ok: true, path };
  } catch (e) {
    return { ok: false, error: `${describeFileError(e, path, 'save')}。草稿仍在程序中，没有丢失，请换一个位置另存。` };
  }
}

/** A file name suggested for a new draft: 「<机关><年>年政府信息公开工作年度报告.gkbg」 without characters Windows refuses. */
export function suggestedFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 150);
  return withDraftExtension(clean || '政府信息公开工作年度报告');
}
