/**
 * Printing and PDF in Electron: the report's HTML is loaded into a hidden, sandboxed window without preload (no
 * scripts run: the report HTML forbids them by its own CSP), then printed (`webContents.print`) or turned into PDF
 * (`webContents.printToPDF` with the options from services/export/pdfOptions.ts).
 */
import { BrowserWindow } from 'electron';
import type { PdfPrinter } from './services/export/pdf.js';

function hiddenWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
}

async function load(win: BrowserWindow, html: string): Promise<void> {
  await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
}

export function htmlPrinter(options: Parameters<Electron.WebContents['printToPDF']>[0]): PdfPrinter {
  return {
    async print(html) {
      const win = hiddenWindow();
      try {
        await load(win, html);
        return new Uint8Array(await win.webContents.printToPDF(options));
      } finally {
        win.destroy();
      }
    },
    async close() {},
  };
}

/** The system print dialog for the report; resolves false when the clerk cancels. */
export async function printHtml(html: string): Promise<boolean> {
  const win = hiddenWindow();
  try {
    await load(win, html);
    return await new Promise<boolean>((resolve) => win.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok)));
  } finally {
    win.destroy();
  }
}
