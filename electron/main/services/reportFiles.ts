/**
 * Reading a report from disk for the command line and the shell: a draft file or report data JSON.
 * (Published reports — DOCX, PDF, text — are read by the importer service.)
 */
import { readRegularText } from './draftFiles.js';
import { loadReportText, type LoadResult } from '../../../shared/schema/reportData.js';
import { isPublishedReportFile } from './import/index.js';
import { OfficePool } from './office/pool.js';

export type FileLoadResult = LoadResult;

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
  const r = await readRegularText(path, { action: 'read' });
  if (!r.ok) return r;
  return loadReportText(r.text);
}
