/**
 * PDF export without Electron (command line, tests, benchmarks): the report paginated and printed by headless
 * Chromium through playwright-core. Electron does the same with its own window (printing.ts) and
 * `electronPrintToPdfOptions()`.
 *
 * Pagination is ours, not the printer's (paginate.ts): the flow HTML is measured in the printing Chromium, paginated
 * by the rules of spec §5, and the paged HTML — A4 sheets with their folios, the same the preview shows — is printed
 * with no margins, so Chromium has no page break left to decide.
 */
import { chromium, type Browser, type Page as BrowserPage } from 'playwright-core';
import { renderHtml, renderPagedHtml } from '../../../../shared/render/html.js';
import { FlowMeasureSchema, measureFlowSource } from '../../../../shared/render/measure.js';
import { buildDocModel, type DocModel, type DocModelOptions } from '../../../../shared/render/model.js';
import { paginate, type FlowMeasure, type Page } from '../../../../shared/render/paginate.js';
import type { Report } from '../../../../shared/report/model.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, playwrightPdfOptions } from './pdfOptions.js';
import { writeOutputFile } from './writeFile.js';

export interface PdfPrinter {
  /** Print one complete HTML document to PDF bytes. */
  print(html: string): Promise<Uint8Array>;
  /** Measure a flow document (renderHtml) for pagination: the value `measureFlowSource()` yields in it. */
  measure(html: string): Promise<unknown>;
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
  /** A self-contained document loaded with its fonts ready: nothing is fetched, its own CSP forbids scripts (bypassed
   *  so we can wait for the fonts). */
  async function withDocument<T>(html: string, use: (page: BrowserPage) => Promise<T>): Promise<T> {
    const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: true, offline: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      // (a string, evaluated in the page: this file is compiled without DOM types)
      await page.evaluate('document.fonts.ready.then(() => true)');
      return await use(page);
    } finally {
      await context.close();
    }
  }
  return {
    async print(html) {
      return withDocument(html, async (page) => {
        await page.emulateMedia({ media: 'print' });
        return new Uint8Array(await page.pdf(playwrightPdfOptions()));
      });
    },
    async measure(html) {
      return withDocument(html, (page) => page.evaluate(measureFlowSource()));
    },
    async close() {
      await browser.close();
    },
  };
}

/** The document paginated in the printer's Chromium: its pages and the paged HTML to print. */
export async function paginateIn(model: DocModel, printer: PdfPrinter): Promise<{ pages: Page[]; html: string }> {
  const measure: FlowMeasure = FlowMeasureSchema.parse(await printer.measure(renderHtml(model)));
  const pages = paginate(model, measure);
  return { pages, html: renderPagedHtml(model, pages) };
}

/** A document model as PDF: paginated, then printed (a printer of its own when none is given). */
export async function printModel(model: DocModel, printer?: PdfPrinter): Promise<Uint8Array> {
  const used = printer ?? (await createPdfPrinter());
  try {
    return await used.print((await paginateIn(model, used)).html);
  } finally {
    if (!printer) await used.close();
  }
}

export async function renderPdf(report: Report, printer?: PdfPrinter, options: DocModelOptions = {}): Promise<Uint8Array> {
  return printModel(buildDocModel(report, options), printer);
}

export async function exportPdf(report: Report, path: string, printer?: PdfPrinter, options: DocModelOptions = {}): Promise<{ bytes: number }> {
  const data = await renderPdf(report, printer, options);
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}
