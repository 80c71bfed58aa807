/**
 * Page-by-page measures of the output (issue 11's "Show"), printed, not asserted: for the three samples and two long
 * reports, the Chromium PDF and LibreOffice's rendering of the DOCX — characters per full line, body lines per page,
 * where table 三 falls, the folio's and the 落款's positions, and on how many pages both start with the same text.
 *
 *   npx tsx test/output/measure-pages.ts [--out <folder>]      (keeps the PDFs there for pdftoppm)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPdfPrinter, renderPdf } from '../../electron/main/services/export/pdf.js';
import { renderModelDocx } from '../../electron/main/services/export/docx.js';
import { buildDocModel } from '../../shared/render/model.js';
import { CHAR_PITCH_PT, textWidthChars } from '../../shared/render/typography.js';
import type { Report } from '../../shared/report/model.js';
import { fixtureReports, longReport } from './sample.js';
import { bodyLines, compact, folioInk, mode, libreOfficeToPdf, pdfLines, run, tempDir, TEXT_BOTTOM, TEXT_LEFT, TEXT_RIGHT, useTestFonts, MM, type Line } from './tools.js';

interface PdfMeasure {
  pages: number;
  charsPerFullLine: string;
  linesPerPage: string;
  table3: string;
  folio: string;
  signature: string;
  starts: string[];
}

function measurePdf(path: string): PdfMeasure {
  const { pages, lines } = pdfLines(path);
  const body = bodyLines(lines);
  // A full line: starts at the left edge (not indented) and reaches the right edge, and the paragraph goes on below it.
  const full = body.filter((l) => l.xMin < TEXT_LEFT + 3 && l.xMax > TEXT_RIGHT - 6);
  const perPage = new Map<number, Set<number>>();
  for (const l of body) perPage.set(l.page, (perPage.get(l.page) ?? new Set()).add(Math.round(l.yMin)));
  const pageText = (p: number) => compact(lines.filter((l) => l.page === p).map((l) => l.text).join(''));
  const pagesWith = (s: string) => [...Array(pages).keys()].map((i) => i + 1).filter((p) => pageText(p).includes(s));
  const first = pagesWith('本年新收政府信息公开申请数量');
  const last = pagesWith('结转下年度继续办理');
  const folios = lines.filter((l) => (l.yMin + l.yMax) / 2 > TEXT_BOTTOM && /^—\d+—$/.test(compact(l.text)));
  const folio = folios.map((l) => {
    // in the printed ink: the dashes' rows and the ink's outer edge
    const ink = folioInk(path, l.page);
    const odd = Number(compact(l.text).replace(/—/g, '')) % 2 === 1;
    const inset = (odd ? TEXT_RIGHT - ink.xMax : ink.xMin - TEXT_LEFT) / 14;
    return `${odd ? 'R' : 'L'}${inset.toFixed(2)}字 ${((ink.dashY - TEXT_BOTTOM) / MM).toFixed(1)}mm`;
  });
  const dateLine = [...body].reverse().find((l) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(compact(l.text)));
  const mid = (l: Line) => (l.yMin + l.yMax) / 2;
  const organLine = dateLine ? [...body].reverse().find((l) => l.page === dateLine.page && mid(l) < mid(dateLine) - 20 && mid(l) > mid(dateLine) - 40) : undefined;
  const signature = dateLine
    ? `date right ${((TEXT_RIGHT - dateLine.xMax) / CHAR_PITCH_PT).toFixed(2)} 字; organ centre − date centre ${organLine ? (((organLine.xMin + organLine.xMax) / 2 - (dateLine.xMin + dateLine.xMax) / 2) / CHAR_PITCH_PT).toFixed(2) : '?'} 字; organ right ${organLine ? ((TEXT_RIGHT - organLine.xMax) / CHAR_PITCH_PT).toFixed(2) : '?'} 字`
    : 'no date line';
  const starts = [...Array(pages).keys()].map((i) => pageText(i + 1).slice(0, 8));
  return {
    pages,
    // all full lines, then those of Chinese only (a figure or a Latin word does not break, so it may leave a line short)
    charsPerFullLine: `${mode(full.map((l) => textWidthChars(compact(l.text))))}; Chinese only ${mode(full.filter((l) => !/[\u0020-\u007e]/.test(compact(l.text))).map((l) => textWidthChars(compact(l.text))))}`,
    linesPerPage: [...perPage.entries()].map(([p, s]) => `${p}:${s.size}`).join(' '),
    table3: `rows 一 on p.${first.join(',')} … 四 on p.${last.join(',')}`,
    folio: [...new Set(folio)].join(' / '),
    signature,
    starts,
  };
}

async function main(): Promise<void> {
  useTestFonts();
  const outAt = process.argv.indexOf('--out');
  const dir = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1]! : tempDir('measure-pages');
  const reports: { name: string; report: Report }[] = [...fixtureReports(), { name: 'long-1', report: longReport(1) }, { name: 'long-2', report: longReport(2) }];
  const printer = await createPdfPrinter();
  const docxPaths: string[] = [];
  try {
    for (const { name, report } of reports) {
      writeFileSync(join(dir, `${name}.pdf`), await renderPdf(report, printer));
      const docx = join(dir, `${name}.docx`);
      // as the command line and the bundle write it: paginated like the PDF (table 三 starts where it does)
      writeFileSync(docx, await renderModelDocx(buildDocModel(report), printer));
      docxPaths.push(docx);
    }
  } finally {
    await printer.close();
  }
  const loDir = join(dir, 'lo');
  run('mkdir', ['-p', loDir]);
  const loPdfs = libreOfficeToPdf(docxPaths, loDir);
  let agreeTotal = 0;
  let pagesTotal = 0;
  reports.forEach(({ name }, i) => {
    const c = measurePdf(join(dir, `${name}.pdf`));
    const l = measurePdf(loPdfs[i] ?? '');
    const agree = c.starts.filter((s, p) => l.starts[p] === s).length;
    agreeTotal += agree;
    pagesTotal += Math.max(c.pages, l.pages);
    console.log(`\n== ${name}: Chromium ${c.pages} pages, LibreOffice ${l.pages} pages; pages starting with the same text: ${agree} of ${Math.max(c.pages, l.pages)}`);
    for (const [k, label] of [
      ['charsPerFullLine', 'chars per full line'],
      ['linesPerPage', 'body lines per page'],
      ['table3', 'table 三'],
      ['folio', 'folio ink (inset, 一字线 below text)'],
      ['signature', '落款'],
    ] as const) {
      console.log(`  ${label.padEnd(40)} Chromium: ${c[k]}`);
      console.log(`  ${''.padEnd(40)} LibreOffice: ${l[k]}`);
    }
    const differ = c.starts.map((s, p) => (l.starts[p] === s ? '' : `p.${p + 1} 「${s}」/「${l.starts[p] ?? ''}」`)).filter(Boolean);
    if (differ.length) console.log(`  pages that differ: ${differ.join('  ')}`);
  });
  console.log(`\nall: ${agreeTotal} of ${pagesTotal} pages start with the same text in both; files in ${dir}`);
}

await main();
