/**
 * Print options for turning the report HTML into PDF. The paper size, margins and page numbers all live
 * in the document's CSS (@page), so both printers are told to take the page size from CSS, print the
 * shading of table 二's group rows, and add no header or footer of their own.
 */

/** Options for Electron's `webContents.printToPDF` (the glue passes them as they are). */
export function electronPrintToPdfOptions(): {
  preferCSSPageSize: true;
  printBackground: true;
  displayHeaderFooter: false;
  pageSize: 'A4';
  landscape: false;
  generateTaggedPDF: true;
} {
  return { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, pageSize: 'A4', landscape: false, generateTaggedPDF: true };
}

/** Options for Playwright's `page.pdf` (command line and tests). */
export function playwrightPdfOptions(): { preferCSSPageSize: true; printBackground: true; displayHeaderFooter: false; format: 'A4'; tagged: true } {
  return { preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, format: 'A4', tagged: true };
}

/** Debian's Chromium and the flags it runs headless with here (engineering §6). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;
