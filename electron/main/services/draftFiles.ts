/**
 * Opening and saving draft files (`.gkbg`): reading validates with `parseDraftText`; saving validates the text
 * first (a bad state is never written), then writes atomically and keeps the previous version as `<name>.gkbg.bak`.
 * Special files (FIFO, device, socket) are refused before they are opened; a symlinked draft is saved through to its
 * target. Every failure is a Chinese message (fsErrors.ts); nothing here throws.
 */
import { basename, extname } from 'node:path';
import { DRAFT_EXTENSION, MAX_DRAFT_BYTES, parseDraftText, type DraftFile } from '../../../shared/schema/draft.js';
import { FileTooLargeError, readRegularFile, removeStaleTemps, resolveWriteTarget, writeFileAtomic, type AtomicWriteOptions } from './atomicWrite.js';
import { describeFileError } from './fsErrors.js';

/** `damaged`: the file was read but is not a valid draft (its .bak or an autosave may be offered instead). */
export type ReadDraftResult = { ok: true; text: string; draft: DraftFile } | { ok: false; error: string; damaged?: boolean };
export type SaveDraftResult = { ok: true; path: string } | { ok: false; error: string };
export type ReadTextResult = { ok: true; text: string } | { ok: false; error: string; damaged?: boolean };

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

/** A regular file's UTF-8 text, at most `limit` bytes; refuses special files before opening them. */
export async function readRegularText(path: string, limit = MAX_DRAFT_BYTES): Promise<ReadTextResult> {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, limit)) };
  } catch (e) {
    if (e instanceof FileTooLargeError) return { ok: false, error: `无法打开「${basename(path)}」：文件过大（${megabytes(e.size)} MB，上限 ${megabytes(limit)} MB）` };
    if (e instanceof TypeError) return { ok: false, error: `无法打开「${basename(path)}」：文件不是 UTF-8 文本，不是有效的报告草稿`, damaged: true };
    return { ok: false, error: describeFileError(e, path, 'open') };
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
