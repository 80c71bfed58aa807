import { extname } from 'node:path';
import { evaluate } from '../../../shared/rules/index.js';
import { draftModelOptions, type AcceptedWarning } from '../../../shared/schema/draft.js';
import { bundlePaths, exportBundle } from '../../main/services/export/bundle.js';
import { exportDocx } from '../../main/services/export/docx.js';
import { checkFonts } from '../../main/services/export/fonts.js';
import { createPdfPrinter, exportPdf, type PdfPrinter } from '../../main/services/export/pdf.js';
import { exportReviewDocx, exportReviewPdf } from '../../main/services/export/review.js';
import { CliError, describeFailure, loadReportArgs, refuseWritingInputs, stringOption, type Command } from '../args.js';

const USAGE =
  'export <文件> [--docx <输出.docx>] [--pdf <输出.pdf>] [--review <审核单.docx|.pdf>] [--bundle <发布包文件夹>] [--unsealed] [--previous <上年文件>] [--strict]';

/**
 * `export <file> --docx <out.docx> --pdf <out.pdf>`: the official document. Remaining rule errors are
 * printed to stderr as a warning and the export goes ahead (exit 0); with `--strict` nothing is written
 * and the exit code is 1. `--review` also writes the review sheet (审核单) with the clerk's explanations;
 * `--bundle <folder>` the publication bundle (DOCX, PDF, HTML fragment, report data JSON, 审核单 with their SHA-256).
 * `--unsealed`: the 落款 of a document not sealed (GB/T 9704-2012 7.3.5.2) instead of the sealed layout; without it a
 * draft's own 落款版式 (`meta.signatureStyle`, chosen in the app) is used, sealed for anything else.
 */
export const exportCommand: Command = {
  usage: USAGE,
  flags: ['strict', 'unsealed'],
  values: ['docx', 'pdf', 'review', 'bundle', 'previous'],
  outputs: { docx: '.docx', pdf: '.pdf', review: '', bundle: '' },
  inputs: ['previous'],
  async run(args, io) {
    const file = args.positional[0];
    const docx = stringOption(args, 'docx');
    const pdf = stringOption(args, 'pdf');
    const review = stringOption(args, 'review');
    const bundle = stringOption(args, 'bundle');
    if (!file || (!docx && !pdf && !review && !bundle)) throw new CliError(`用法：report ${USAGE}`);
    // an output that is the input or another output was refused before (refuseOverwrites)
    for (const [out, ext] of [
      [docx, '.docx'],
      [pdf, '.pdf'],
    ] as const) {
      if (out !== undefined && extname(out).toLowerCase() !== ext) throw new CliError(`输出文件「${out}」的扩展名应为 ${ext}`);
    }
    if (review !== undefined && !['.docx', '.pdf'].includes(extname(review).toLowerCase())) throw new CliError(`审核单「${review}」的扩展名应为 .docx 或 .pdf`);

    const { loaded, report } = await loadReportArgs(args, USAGE);
    // the 落款版式: a draft's own choice (sealed unless it says unsealed), --unsealed overriding it
    const unsealed = args.options.has('unsealed') ? ('unsealed' as const) : undefined;
    const { signature } = draftModelOptions(loaded.kind === 'draft' ? loaded.draft : { meta: {} }, unsealed);
    // the bundle's names come from the report's title: only now can they be checked against the inputs
    if (bundle) await refuseWritingInputs('bundle', bundlePaths(report, bundle, { signature }), args, exportCommand);
    const accepted: AcceptedWarning[] = loaded.kind === 'draft' ? loaded.draft.acceptedWarnings : [];
    // the 审核单 prints a draft's review states as the app's does
    const states = loaded.kind === 'draft' && loaded.draft.stateChanges?.length ? { stateChanges: loaded.draft.stateChanges } : {};

    const findings = evaluate(report, { stage: 'final' });
    const errors = findings.filter((f) => f.severity === 'error');
    if (errors.length > 0) {
      io.err(`${args.options.has('strict') ? '错误' : '警告'}：报告仍有 ${errors.length} 个错误：\n`);
      for (const f of errors) io.err(`  [${f.rule}] ${f.message}\n`);
      if (args.options.has('strict')) {
        io.err('已按 --strict 停止导出，请改正后再试。\n');
        return 1;
      }
    }

    let printer: PdfPrinter | undefined;
    try {
      // Chromium lays the document out for the PDF, and for the DOCX too (it starts table 三 where the PDF does).
      const fonts = await checkFonts();
      if (fonts.message) io.err(`提示：${fonts.message}\n`);
      printer = await createPdfPrinter();
      if (docx) {
        await exportDocx(report, docx, { printer, signature });
        io.out(`已导出 DOCX：${docx}\n`);
      }
      if (pdf) {
        await exportPdf(report, pdf, printer, { signature });
        io.out(`已导出 PDF：${pdf}\n`);
      }
      if (review) {
        const input = { report, findings, acceptedWarnings: accepted, date: new Date().toISOString().slice(0, 10), ...states };
        if (extname(review).toLowerCase() === '.pdf') await exportReviewPdf(input, review, printer);
        else await exportReviewDocx(input, review);
        io.out(`已导出审核单：${review}\n`);
      }
      if (bundle) {
        const input = { report, findings, acceptedWarnings: accepted, date: new Date().toISOString().slice(0, 10), ...states };
        const made = await exportBundle(input, bundle, { signature, printer });
        for (const f of made.files) io.out(`已导出：${f.path}  SHA-256 ${f.sha256}\n`);
        for (const f of made.review) io.out(`已导出：${f}\n`);
      }
    } catch (e) {
      throw new CliError(`导出失败：${describeFailure(e, bundle ?? docx ?? pdf ?? review ?? '', 'export')}`);
    } finally {
      await printer?.close();
    }
    return 0;
  },
};
