/**
 * Import: time per report from text, DOCX and PDF (read + parse + source check), and cell accuracy on the
 * three samples and on the constructed layouts. Reported, not asserted.
 */
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import type { ReportData } from '../../shared/schema/reportData.js';
import { docxToPdf, loadData, loadPublished, makeDocx, makeText, richData, type TextOptions } from '../import/make.js';
import { fmtMs, summarise, timeAsync } from './stats.js';

const SAMPLES = ['xinxiang-county-office-2024', 'xinyuan-county-2024', 'urumqi-county-2024'];

function accuracy(expected: ReportData, got: Record<string, unknown>): [number, number] {
  const keys = Object.keys(expected.cells);
  return [keys.filter((k) => got[k] === expected.cells[k]).length, keys.length];
}

export default async function bench(): Promise<void> {
  console.log('import time per report (read + parse + source check), median / p95 of n runs:');
  for (const name of SAMPLES) {
    const data = loadData(name);
    const txt = new TextEncoder().encode(loadPublished(name));
    const docx = await makeDocx(data);
    const pdf = docxToPdf(docx);
    for (const [kind, buf, file, runs] of [
      ['txt', txt, `${name}.txt`, 30],
      ['docx', docx, `${name}.docx`, 30],
      ['pdf', pdf, `${name}.pdf`, 10],
    ] as const) {
      const s = summarise(
        await timeAsync(async () => {
          const r = await readPublishedBytes(buf, file);
          if (!r.ok) throw new Error(r.error);
          return importRead(r);
        }, runs),
      );
      console.log(`  ${name.padEnd(28)} ${kind.padEnd(5)} ${(buf.length / 1024).toFixed(0).padStart(5)} KB  ${fmtMs(s.median).padStart(10)} / ${fmtMs(s.p95).padStart(10)}  (n=${s.n})`);
    }
  }

  console.log('\ncell accuracy (cells equal to the hand-entered / constructed data):');
  let right = 0;
  let total = 0;
  const report = (label: string, expected: ReportData, got: Record<string, unknown>) => {
    const [r, t] = accuracy(expected, got);
    right += r;
    total += t;
    console.log(`  ${label.padEnd(60)} ${r}/${t}`);
  };
  for (const name of SAMPLES) report(`sample ${name} (txt)`, loadData(name), parsePublished(textDocument(loadPublished(name))).report.cells);
  const rich = richData(FORMAT_2021, 2024);
  const layouts: [string, TextOptions][] = [
    ['rows, spaces', { layout: 'rows' }],
    ['rows, tabs', { layout: 'tsv' }],
    ['one cell per line', { layout: 'cell-per-line' }],
    ['labels broken over lines', { layout: 'wrapped' }],
    ['headers split into characters', { layout: 'rows', splitHeaders: 1 }],
    ['one cell per line, headers in 2-character pieces', { layout: 'cell-per-line', splitHeaders: 2 }],
    ['(一) and 1、 labels', { layout: 'rows', label: (t) => t.replace(/（/g, '(').replace(/）/g, ')').replace(/^(\d)\./, '$1、') }],
    ['stray extra number', { layout: 'rows', strayAfter: { key: 'apply.refused_2.research', value: 9 } }],
    ['figures before their labels', { layout: 'values-first' }],
    ['labels without numbering, broken over lines', { layout: 'wrapped', label: (t) => t.replace(/^\d\./, '').replace(/^（[一二三四五六七]）/, '') }],
  ];
  for (const [label, opts] of layouts) report(`constructed 2021: ${label}`, rich, parsePublished(textDocument(makeText(rich, opts))).report.cells);
  const single = richData(FORMAT_2021_SINGLE_OTHER, 2023);
  report('constructed 2021 with single （六） row', single, parsePublished(textDocument(makeText(single, { layout: 'wrapped' }))).report.cells);
  const old = richData(FORMAT_2019, 2020);
  report('constructed format 2019', old, parsePublished(textDocument(makeText(old, { layout: 'rows' }))).report.cells);
  for (const [label, data] of [
    ['constructed DOCX (merged cells)', rich],
    ['constructed PDF (LibreOffice)', rich],
  ] as const) {
    const docx = await makeDocx(data);
    const buf = label.includes('PDF') ? docxToPdf(docx) : docx;
    const r = await readPublishedBytes(buf, label.includes('PDF') ? 'x.pdf' : 'x.docx');
    if (!r.ok) throw new Error(r.error);
    report(label, data, importRead(r).report.cells);
  }
  console.log(`  ${'all'.padEnd(60)} ${right}/${total} (${((100 * right) / total).toFixed(2)} %)`);
}
