/**
 * Printing and PDF in Electron: the report is paginated and printed in a hidden, sandboxed window without preload.
 * Each document is written to a private temp file (services/export/printPage.ts — never a data: URL, which fails
 * above about 2 MB) and loaded from there; the flow document is measured (`measureFlowSource`, run by main: the
 * document's own CSP forbids scripts), then the paged document is printed (`webContents.print`) or turned into PDF
 * (`webContents.printToPDF` with the options from services/export/pdfOptions.ts).
 */
import { BrowserWindow } from 'electron';
import { measureFlowSource } from '../../shared/render/measure.js';
import type { DocModel } from '../../shared/render/model.js';
import { paginateIn, type PdfPrinter } from './services/export/pdf.js';
import { writePrintPage } from './services/export/printPage.js';

function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: true },
  });
}

async function withPage<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const page = await writePrintPage(html);
  const win = hiddenWindow();
  try {
    await win.loadURL(page.url);
    return await use(win);
  } finally {
    win.destroy();
    await page.dispose();
  }
}

export function htmlPrinter(options: Parameters<Electron.WebContents['printToPDF']>[0]): PdfPrinter {
  return {
    print: (html) => withPage(html, async (win) => new Uint8Array(await win.webContents.printToPDF(options))),
    measure: (html) => withPage(html, (win) => win.webContents.executeJavaScript(`document.fonts.ready.then(() => ${measureFlowSource()})`) as Promise<unknown>),
    async close() {},
  };
}

/** The system print dialog for the report, paginated as the preview shows it; resolves false when the clerk cancels. */
export async function printModel(model: DocModel): Promise<boolean> {
  const { html } = await paginateIn(model, htmlPrinter({}));
  return withPage(html, (win) => new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok))));
}
