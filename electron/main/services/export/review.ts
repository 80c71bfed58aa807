/** Review sheet (审核单) export: DOCX and PDF of the internal sign-off document. */
import { renderDocx } from '../../../../shared/render/docx.js';
import { buildReviewModel, type ReviewSheetInput } from '../../../../shared/render/review.js';
import { printModel, type PdfPrinter } from './pdf.js';
import { writeOutputFile } from './writeFile.js';

export async function exportReviewDocx(input: ReviewSheetInput, path: string): Promise<{ bytes: number }> {
  const data = await renderDocx(buildReviewModel(input), { creator: '政府信息公开年度报告（审核单）' });
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}

export async function exportReviewPdf(input: ReviewSheetInput, path: string, printer?: PdfPrinter): Promise<{ bytes: number }> {
  const data = await printModel(buildReviewModel(input), printer);
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}
