/**
 * How Electron's print window gets the report: from a file main writes into a private temporary folder (0700, a
 * fresh name each time), loaded by its file: URL and removed after printing. Never a data: URL — Chromium refuses
 * navigations to data: URLs longer than about 2 MB, so a long report (or a 审核单 with many findings) would
 * silently print blank or fail.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PrintPage {
  /** what the print window loads */
  url: string;
  path: string;
  dispose(): Promise<void>;
}

export async function writePrintPage(html: string, root: string = tmpdir()): Promise<PrintPage> {
  const dir = await mkdtemp(join(root, 'gkbg-print-'));
  const path = join(dir, 'report.html');
  await writeFile(path, html, { encoding: 'utf8', mode: 0o600 });
  return { url: pathToFileURL(path).href, path, dispose: () => rm(dir, { recursive: true, force: true }) };
}
