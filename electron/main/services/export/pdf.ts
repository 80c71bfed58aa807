/**
 * PDF export without Electron (command line, tests, benchmarks): the report HTML printed by headless
 * Chromium through playwright-core. Electron prints the same HTML with `webContents.printToPDF` and
 * `electronPrintToPdfOptions()`.
 */
import { chromium, type Browser } from 'playwright-core';
import { renderHtml } from '../../../../shared/render/html.js';
import { buildDocModel } from '../../../../shared/render/model.js';
import type { Report } from '../../../../shared/report/model.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, playwrightPdfOptions } from './pdfOptions.js';
import { writeOutputFile } from './writeFile.js';

export interface PdfPrinter {
  /** Print one complete HTML document to PDF bytes. */
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface PrinterOptions {
  executablePath?: string;
  /** extra environment for the browser, e.g. FONTCONFIG_FILE */
  env?: Record<string, string>;
}

/** A headless Chromium kept open for several documents. */
export async function createPdfPrinter(options: PrinterOptions = {}): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROMIUM_PATH ?? CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    env: { ...(process.env as Record<string, string>), ...(options.env ?? {}) },
  });
  return {
    async print(html) {
      // The document forbids scripts by its own CSP; bypassCSP lets us wait for its fonts.
      const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true, offline: true });
      try {
        const page = await context.newPage();
        // Nothing may be fetched: the document is self-contained.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        // (a string, evaluated in the page: this file is compiled without DOM types)
        await page.evaluate('document.fonts.ready.then(() => true)');
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf(playwrightPdfOptions());
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

export async function renderPdf(report: Report, printer?: PdfPrinter): Promise<Uint8Array> {
  const html = renderHtml(buildDocModel(report));
  if (printer) return printer.print(html);
  const own = await createPdfPrinter();
  try {
    return await own.print(html);
  } finally {
    await own.close();
  }
}

export async function exportPdf(report: Report, path: string, printer?: PdfPrinter): Promise<{ bytes: number }> {
  const data = await renderPdf(report, printer);
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}
