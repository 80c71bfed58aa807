/**
 * The publication bundle (导出发布包): one folder with everything a county publishes, and the 审核单 that approves
 * exactly those files — the DOCX, the PDF, an accessible HTML fragment for the website, the report data JSON, each with
 * its SHA-256 in the 审核单 (DOCX and PDF) and in SHA256SUMS (for `sha256sum -c`). The PDF and the DOCX are paginated
 * alike (the DOCX starts table 三 where the PDF does).
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderWebFragment } from '../../../../shared/render/fragment.js';
import { buildDocModel, exportFileStem, type SignatureStyle } from '../../../../shared/render/model.js';
import { buildReviewModel, type BundleFileDigest, type ReviewSheetInput } from '../../../../shared/render/review.js';
import { toReportData } from '../../../../shared/schema/reportData.js';
import { renderModelDocx } from './docx.js';
import { createPdfPrinter, printModel, type PdfPrinter } from './pdf.js';
import { writeOutputFile } from './writeFile.js';

export interface BundleFile extends BundleFileDigest {
  path: string;
  bytes: number;
}

export interface BundleResult {
  folder: string;
  /** the published files, with their digests */
  files: BundleFile[];
  /** the 审核单 (DOCX, PDF) and SHA256SUMS */
  review: string[];
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `sha256sum` format: digest, two spaces, name. */
export function sha256sums(files: readonly BundleFileDigest[]): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
}

/** The names of the bundle's files for a report's file stem: the published four, the 审核单 (DOCX, PDF), SHA256SUMS. */
function bundleFileNames(stem: string): { published: Record<'docx' | 'pdf' | 'html' | 'json', string>; review: { docx: string; pdf: string }; sums: string } {
  return {
    published: { docx: `${stem}.docx`, pdf: `${stem}.pdf`, html: `${stem}.html`, json: `${stem}.json` },
    review: { docx: `${stem}审核单.docx`, pdf: `${stem}审核单.pdf` },
    sums: 'SHA256SUMS',
  };
}

/** Every path `exportBundle` writes into `folder` for this report (the command line checks none is its input). */
export function bundlePaths(report: ReviewSheetInput['report'], folder: string, options: { signature?: SignatureStyle } = {}): string[] {
  const names = bundleFileNames(exportFileStem(buildDocModel(report, options.signature ? { signature: options.signature } : {})));
  return [...Object.values(names.published), names.review.docx, names.review.pdf, names.sums].map((n) => join(folder, n));
}

export async function exportBundle(
  input: ReviewSheetInput,
  folder: string,
  options: { signature?: SignatureStyle; printer?: PdfPrinter } = {},
): Promise<BundleResult> {
  await mkdir(folder, { recursive: true });
  const model = buildDocModel(input.report, options.signature ? { signature: options.signature } : {});
  const names = bundleFileNames(exportFileStem(model));
  const printer = options.printer ?? (await createPdfPrinter());
  try {
    const contents: [string, Uint8Array][] = [
      [names.published.docx, await renderModelDocx(model, printer)],
      [names.published.pdf, await printModel(model, printer)],
      [names.published.html, new TextEncoder().encode(renderWebFragment(model))],
      [names.published.json, new TextEncoder().encode(`${JSON.stringify(toReportData(input.report), null, 2)}\n`)],
    ];
    const files: BundleFile[] = [];
    for (const [name, data] of contents) {
      const path = join(folder, name);
      await writeOutputFile(path, data);
      files.push({ name, path, sha256: sha256(data), bytes: data.byteLength });
    }
    const sheet = buildReviewModel({ ...input, files: files.map(({ name, sha256: digest }) => ({ name, sha256: digest })) });
    const reviewDocx = join(folder, names.review.docx);
    const reviewPdf = join(folder, names.review.pdf);
    await writeOutputFile(reviewDocx, await renderModelDocx(sheet, undefined, { creator: '政府信息公开年度报告（审核单）' }));
    await writeOutputFile(reviewPdf, await printModel(sheet, printer));
    const sums = join(folder, names.sums);
    await writeOutputFile(sums, new TextEncoder().encode(sha256sums(files)));
    return { folder, files, review: [reviewDocx, reviewPdf, sums] };
  } finally {
    if (!options.printer) await printer.close();
  }
}
