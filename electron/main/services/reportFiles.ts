/**
 * Reading a report from disk for the command line and the shell: a draft file or report data JSON.
 * (Published reports — DOCX, PDF, text — are read by the importer service.)
 */
import { basename } from 'node:path';
import { FileTooLargeError, readRegularFile } from './atomicWrite.js';
import { describeFileError } from './fsErrors.js';
import { MAX_DRAFT_BYTES } from '../../../shared/schema/draft.js';
import { loadReportText, type LoadResult } from '../../../shared/schema/reportData.js';
import { isPublishedReportFile } from './import/index.js';
import { OfficePool } from './office/pool.js';

export type FileLoadResult = LoadResult;

/**
 * Read a file as UTF-8 text no larger than `limit`, with a Chinese message for every failure: one open (a special
 * file — FIFO, device, socket — refused before it, so it never blocks) and its fstat, then a read of that size.
 */
export async function readTextFile(path: string, limit = MAX_DRAFT_BYTES): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(await readRegularFile(path, limit)) };
  } catch (e) {
    if (e instanceof FileTooLargeError) return { ok: false, error: `文件过大（${(e.size / 1024 / 1024).toFixed(1)} MB，上限 ${(limit / 1024 / 1024).toFixed(0)} MB）` };
    if (e instanceof TypeError) return { ok: false, error: `无法读取「${basename(path)}」：文件不是 UTF-8 文本` };
    return { ok: false, error: describeFileError(e, path, 'read') };
  }
}

/** A published report read in a worker of its own (time and memory limits: a hostile file ends the worker, not us). */
async function loadPublishedInWorker(path: string): Promise<FileLoadResult> {
  const pool = new OfficePool({ workers: 1 });
  try {
    return await pool.readPublishedReport({ path });
  } finally {
    await pool.close();
  }
}

export async function loadReportFile(path: string): Promise<FileLoadResult> {
  // Published reports (.docx/.pdf/.txt/.html) are read by the importer, cells as published, in a worker.
  if (await isPublishedReportFile(path)) return loadPublishedInWorker(path);
  const r = await readTextFile(path);
  if (!r.ok) return r;
  return loadReportText(r.text);
}
