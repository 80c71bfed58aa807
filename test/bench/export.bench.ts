/**
 * Export times for a full report (the synthetic report: every cell filled, all sections): model + DOCX,
 * model + HTML, pagination (the flow measured in Chromium, then the rules), PDF through headless Chromium (browser kept open, as the command line does for several
 * files; plus one cold run with launch), and — as a reference — LibreOffice converting that DOCX to PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPdfPrinter, paginateIn, renderPdf } from '../../electron/main/services/export/pdf.js';
import { renderDocx } from '../../shared/render/docx.js';
import { renderHtml } from '../../shared/render/html.js';
import { buildDocModel } from '../../shared/render/model.js';
import { syntheticReport } from '../output/sample.js';
import { FONTCONFIG_FILE } from '../output/tools.js';
import { fmtMs, summarise, timeAsync } from './stats.js';

function line(name: string, samples: number[]): void {
  const s = summarise(samples);
  console.log(`${name.padEnd(44)} median ${fmtMs(s.median).padStart(10)}  p95 ${fmtMs(s.p95).padStart(10)}  (n=${s.n})`);
}

export default async function run(): Promise<void> {
  process.env.FONTCONFIG_FILE = FONTCONFIG_FILE;
  const report = syntheticReport();
  const dir = mkdtempSync(join(tmpdir(), 'export-bench-'));
  console.log(`(${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} at start: other work on the machine inflates these)`);

  line('model + HTML (preview refresh)', await timeAsync(async () => renderHtml(buildDocModel(report)), 50, 5));
  line('model + DOCX', await timeAsync(() => renderDocx(buildDocModel(report)), 20, 3));

  const printer = await createPdfPrinter();
  try {
    line('pagination: measure in Chromium + rules', await timeAsync(() => paginateIn(buildDocModel(report), printer), 8, 1));
    line('PDF via Chromium (browser open, paginated)', await timeAsync(() => renderPdf(report, printer), 8, 1));
  } finally {
    await printer.close();
  }
  line('PDF via Chromium (cold: launch + print)', await timeAsync(() => renderPdf(report), 3, 0));

  const docxPath = join(dir, 'report.docx');
  writeFileSync(docxPath, await renderDocx(buildDocModel(report)));
  const lo = await timeAsync(async () => {
    const profile = mkdtempSync(join(tmpdir(), 'lo-bench-'));
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docxPath], {
      stdio: 'ignore',
      env: { ...process.env, FONTCONFIG_FILE },
      timeout: 300_000,
    });
  }, 3, 0);
  line('reference: LibreOffice DOCX → PDF (cold)', lo);
}
