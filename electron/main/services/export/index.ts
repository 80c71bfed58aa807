/** Export services: DOCX, PDF (headless Chromium for the command line and tests), font check, print options. */
export { exportDocx, renderModelDocx } from './docx.js';
export { exportPdf, renderPdf, createPdfPrinter, paginateIn, printModel, type PdfPrinter } from './pdf.js';
export { checkFonts, parseFcList, parseFcMatch, resolveFonts, type FontCheck, type FontStatus } from './fonts.js';
export { electronPrintToPdfOptions, playwrightPdfOptions, CHROMIUM_ARGS, CHROMIUM_PATH } from './pdfOptions.js';
export { exportReviewDocx, exportReviewPdf } from './review.js';
export { exportBundle, sha256, sha256sums, type BundleFile, type BundleResult } from './bundle.js';
export { writePrintPage, type PrintPage } from './printPage.js';
