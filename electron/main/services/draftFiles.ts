/**
 * Opening and saving draft files (`.gkbg`): reading validates with `parseDraftText`; saving validates the text
 * first (a bad state is never written), then writes atomically and keeps the previous version as `<name>.gkbg.bak`.
 * Every failure is a Chinese message; nothing here throws.
 */
import { basename, extname } from 'node:path';
import { DRAFT_EXTENSION, parseDraftText, type DraftFile } from '../../../shared/schema/draft.js';
import { describeWriteError, removeStaleTemps, writeFileAtomic, type AtomicWriteOptions } from './atomicWrite.js';
import { readTextFile } from './reportFiles.js';

export type ReadDraftResult = { ok: true; text: string; draft: DraftFile } | { ok: false; error: string };
export type SaveDraftResult = { ok: true; path: string } | { ok: false; error: string };

export async function readDraftFile(path: string): Promise<ReadDraftResult> {
  const read = await readTextFile(path);
  if (!read.ok) return { ok: false, error: `无法打开「${basename(path)}」：${read.error}` };
  const parsed = parseDraftText(read.text);
  if (!parsed.ok) return { ok: false, error: `无法打开「${basename(path)}」：${parsed.error}` };
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
    await writeFileAtomic(path, text, { backup: true, ...options });
    await removeStaleTemps(path);
    return { ok: true, path };
  } catch (e) {
    return { ok: false, error: `${describeWriteError(e, path)}。草稿仍在程序中，没有丢失，请换一个位置另存。` };
  }
}

/** A file name suggested for a new draft: 「<机关><年>年政府信息公开工作年度报告.gkbg」 without characters Windows refuses. */
export function suggestedFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').replace(/\s+/g, ' ').trim().slice(0, 150);
  return withDraftExtension(clean || '政府信息公开工作年度报告');
}
