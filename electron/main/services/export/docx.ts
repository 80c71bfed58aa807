/** DOCX export: report → document model → DOCX bytes → file. */
import { renderDocx } from '../../../../shared/render/docx.js';
import { buildDocModel, type DocModel, type DocModelOptions } from '../../../../shared/render/model.js';
import { pageStartsForWholeTables } from '../../../../shared/render/paginate.js';
import type { Report } from '../../../../shared/report/model.js';
import { paginateIn, type PdfPrinter } from './pdf.js';
import { writeOutputFile } from './writeFile.js';

/**
 * The DOCX of a document model. With a printer, the model is paginated as the PDF is and the DOCX starts table 三
 * (with its heading) on a new page where the PDF does — a word processor that splits tables anyway then keeps it whole.
 */
export async function renderModelDocx(model: DocModel, printer?: PdfPrinter, options: { creator?: string } = {}): Promise<Uint8Array> {
  const pageBreakBefore = printer ? pageStartsForWholeTables(model, (await paginateIn(model, printer)).pages) : undefined;
  return renderDocx(model, { ...options, ...(pageBreakBefore ? { pageBreakBefore } : {}) });
}

export async function exportDocx(report: Report, path: string, options: DocModelOptions & { printer?: PdfPrinter } = {}): Promise<{ bytes: number }> {
  const data = await renderModelDocx(buildDocModel(report, options), options.printer);
  await writeOutputFile(path, data);
  return { bytes: data.byteLength };
}
