/**
 * One import as a task for a worker thread (the office pool's, `OfficePool.importPublished`): untrusted files are
 * parsed off the main process, so a file that takes too long or too much memory ends its worker, never the app.
 */
import type { HostResult } from '../../../../shared/ipc/contract.js';
import { importPastedText, importPublishedFile, loadPublishedReport } from './index.js';

export type ImportTask = { path: string } | { pasted: string };
export type ImportOutcome = Exclude<HostResult<'importPublished'>, { status: 'canceled' }>;

/** The worker's side: read, parse and check. Never throws. */
export function importTask(task: ImportTask): Promise<ImportOutcome> {
  return 'pasted' in task ? importPastedText(task.pasted) : importPublishedFile(task.path);
}

export type PublishedReportTask = { path: string };
export type PublishedReportOutcome = Awaited<ReturnType<typeof loadPublishedReport>>;

/** The worker's side of reading a published report as the command line checks it (as published). Never throws. */
export function publishedReportTask(task: PublishedReportTask): Promise<PublishedReportOutcome> {
  return loadPublishedReport(task.path);
}
