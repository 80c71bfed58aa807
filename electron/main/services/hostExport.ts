/**
 * The output side of the host contract in Node, shared by the Electron glue and the end-to-end test host:
 * `exportDocument` (DOCX, PDF, 审核单, the publication bundle) after asking where, and `fontCheck`. The draft arrives as file text and is
 * validated here; the files are written by the export services (temp file + rename). PDF printing is injected: Electron
 * prints with `webContents.printToPDF`, tests and the command line with headless Chromium.
 */
import type { HostArg, HostResult } from '../../../shared/ipc/contract.js';
import { reviewSheetInput } from '../../../shared/editor/exportGate.js';
import { draftModelOptions, draftToReport, parseDraftText } from '../../../shared/schema/draft.js';
import { describeWriteError } from './atomicWrite.js';
import { checkFonts, exportBundle, exportDocx, exportPdf, exportReviewDocx, type PdfPrinter } from './export/index.js';

export interface ExportDeps {
  /** ask where to save (for 'bundle': the folder to create, `suggestedName` inside the chosen one); null when the user cancels */
  chooseExportPath(suggestedName: string, kind: HostArg<'exportDocument'>['kind']): Promise<string | null>;
  /** the PDF printer (Electron's printToPDF); headless Chromium when absent */
  printer?: PdfPrinter;
}

export function withExtension(path: string, kind: HostArg<'exportDocument'>['kind']): string {
  if (kind === 'bundle') return path;
  const ext = kind === 'pdf' ? '.pdf' : '.docx';
  return path.toLowerCase().endsWith(ext) ? path : `${path}${ext}`;
}

export function createExportServices(deps: ExportDeps) {
  return {
    async exportDocument({ text, kind, suggestedName }: HostArg<'exportDocument'>): Promise<HostResult<'exportDocument'>> {
      const parsed = parseDraftText(text);
      if (!parsed.ok) return { status: 'error', message: `无法导出：${parsed.error}` };
      const chosen = await deps.chooseExportPath(suggestedName, kind);
      if (!chosen) return { status: 'canceled' };
      const path = withExtension(chosen, kind);
      const report = draftToReport(parsed.draft);
      // the draft's 落款版式 (sealed unless it says unsealed)
      const layout = draftModelOptions(parsed.draft);
      const printer = deps.printer ? { printer: deps.printer } : {};
      try {
        // with a printer the DOCX is paginated like the PDF (table 三 starts a new page where the PDF's does)
        if (kind === 'docx') await exportDocx(report, path, { ...layout, ...printer });
        else if (kind === 'pdf') await exportPdf(report, path, deps.printer, layout);
        else if (kind === 'bundle') await exportBundle(reviewSheetInput(parsed.draft), path, { ...layout, ...printer });
        else await exportReviewDocx(reviewSheetInput(parsed.draft), path);
        return { status: 'saved', path };
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
        return { status: 'error', message: code ? describeWriteError(e, path).replace('无法保存', '无法导出') : `导出失败：${e instanceof Error ? e.message : String(e)}` };
      }
    },
    async fontCheck(): Promise<HostResult<'fontCheck'>> {
      const check = await checkFonts();
      return check.fonts.map((f) => ({ font: f.name, installed: f.installed, fallback: f.using ?? f.fallback ?? '' }));
    },
  };
}
