/**
 * Reading a report from disk for the command line and the shell: a draft file or report data JSON.
 * (Published reports — DOCX, PDF, text — are read by the importer service.)
 */
import { readRegularText } from './draftFiles.js';
import { loadReportText, type LoadResult } from '../../../shared/schema/reportData.js';
import { isPublishedReportFile } from './import/index.js';
import { OfficePool } from './office/pool.js';

export type FileLoadResult = LoadResult;

/**
 * Report files read for one piece of work (a command: its files and last year's): published reports in one worker,
 * started at the first and ended by `close` — starting a worker costs more than reading a report (a second here from
 * the sources), and a command reading several paid it for each. Time and memory limits hold per read: a hostile file
 * ends the worker, not us, and the next read gets a new one.
 */
export class ReportFileReader {
  private pool: OfficePool | undefined;

  async load(path: string): Promise<FileLoadResult> {
    // Published reports (.docx/.pdf/.txt/.html) are read by the importer, cells as published, in the worker.
    if (await isPublishedReportFile(path)) return (this.pool ??= new OfficePool({ workers: 1 })).readPublishedReport({ path });
    const r = await readRegularText(path, { action: 'read' });
    if (!r.ok) return r;
    return loadReportText(r.text);
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}

/** `use` with a reader of its own, closed after (its worker ended) whatever `use` does. */
export async function withReportFiles<T>(use: (files: ReportFileReader) => Promise<T>): Promise<T> {
  const files = new ReportFileReader();
  try {
    return await use(files);
  } finally {
    await files.close();
  }
}

/** One report file read (a draft, report data JSON, or a published report in a worker of its own). */
export function loadReportFile(path: string): Promise<FileLoadResult> {
  return withReportFiles((files) => files.load(path));
}
