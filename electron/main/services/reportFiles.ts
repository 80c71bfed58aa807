/**
 * Reading a report from disk for the command line and the shell: a draft file or report data JSON.
 * (Published reports — DOCX, PDF, text — are read by the importer service.)
 */
import { readFile, stat } from 'node:fs/promises';
import { MAX_DRAFT_BYTES } from '../../../shared/schema/draft.js';
import { loadReportText, type LoadResult } from '../../../shared/schema/reportData.js';
import { isPublishedReportFile, loadPublishedReport } from './import/index.js';

export type FileLoadResult = LoadResult;

/** Read a file as UTF-8 text no larger than `limit`, with a Chinese message for every failure. */
export async function readTextFile(path: string, limit = MAX_DRAFT_BYTES): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, error: `「${path}」不是文件` };
    if (info.size > limit) return { ok: false, error: `文件过大（${(info.size / 1024 / 1024).toFixed(1)} MB，上限 ${(limit / 1024 / 1024).toFixed(0)} MB）` };
    const buf = await readFile(path);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return { ok: true, text };
  } catch (e) {
    return { ok: false, error: describeFsError(e, path) };
  }
}

export function describeFsError(e: unknown, path: string): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return `找不到文件「${path}」`;
    case 'EACCES':
    case 'EPERM':
      return `没有权限访问「${path}」`;
    case 'EISDIR':
      return `「${path}」是文件夹，不是文件`;
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return `「${path}」所在位置是只读的`;
    default:
      if (e instanceof TypeError) return `文件「${path}」不是 UTF-8 文本`;
      return `无法读取「${path}」${code ? `（${code}）` : ''}`;
  }
}

export async function loadReportFile(path: string): Promise<FileLoadResult> {
  // Published reports (.docx/.pdf/.txt/.html) are read by the importer, cells as published.
  if (await isPublishedReportFile(path)) return loadPublishedReport(path);
  const r = await readTextFile(path);
  if (!r.ok) return r;
  return loadReportText(r.text);
}
