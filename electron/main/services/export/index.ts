/** Export services: DOCX, PDF (headless Chromium for the command line and tests), font check, print options. */
export { exportDocx } from './docx.js';
export { exportPdf, renderPdf, createPdfPrinter, type PdfPrinter } from './pdf.js';
export { checkFonts, parseFcList, parseFcMatch, resolveFonts, type FontCheck, type FontStatus } from './fonts.js';
export { electronPrintToPdfOptions, playwrightPdfOptions, CHROMIUM_ARGS, CHROMIUM_PATH } from './pdfOptions.js';
export { exportReviewDocx, exportReviewPdf } from './review.js';
