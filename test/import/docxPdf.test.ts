/**
 * DOCX with merged cells (built with the `docx` library from the format's grids: rowSpan/columnSpan), read
 * as grids; the same DOCX printed to a real PDF by LibreOffice, read from its text layer; HTML; detection by
 * content, not extension.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { importRead, readPublishedBytes, readPublishedFile } from '../../electron/main/services/import/index.js';
import { readDocx } from '../../electron/main/services/import/docx.js';
import { FORMAT_2021, SECTION_KEYS } from '../../shared/report/format.js';
import type { ReportData } from '../../shared/schema/reportData.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { docxToPdf, loadData, makeDocx, richData } from './make.js';

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
const dir = mkdtempSync(join(tmpdir(), 'import-test-'));

function wrong(expected: ReportData, got: Record<string, number | string | null>): string[] {
  return Object.entries(expected.cells)
    .filter(([k, v]) => got[k] !== v)
    .map(([k, v]) => `${k}: got ${String(got[k])}, want ${String(v)}`);
}

async function importBytes(buf: Uint8Array, name: string) {
  const read = await readPublishedBytes(buf, name);
  if (!read.ok) throw new Error(read.error);
  return { read, result: importRead(read) };
}

describe('DOCX with merged cells', () => {
  const rich = richData(FORMAT_2021, 2024);
  let docx: Buffer;
  beforeAll(async () => {
    docx = await makeDocx(rich);
  });

  it('reads tables as grids: a merged cell counts once (gridSpan and vMerge)', async () => {
    const doc = await readDocx(docx);
    const rows = doc.lines.filter((l) => l.table === 1);
    // 三's header: the note spans 3 columns × 3 rows, 申请人情况 7 columns
    expect(rows[0]?.cells).toEqual(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']);
    expect(rows[1]?.cells).toEqual(['自然人', '法人或其他组织', '总计']);
    expect(rows[2]?.cells).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    // first result row carries the vertical 三、本年度办理结果; the next ones don't repeat it (vMerge continuation)
    expect(rows[5]?.cells?.slice(0, 2)).toEqual(['三、本年度办理结果', '（一）予以公开']);
    expect(rows[6]?.cells?.[0]).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(rows[6]?.cells).toHaveLength(8);
    // 二: 行政许可's value spans 3 columns and counts once
    const active = doc.lines.filter((l) => l.table === 0);
    expect(active.find((l) => l.cells?.[0] === '行政许可')?.cells).toHaveLength(2);
    expect(doc.lines.filter((l) => l.table === 2)[3]?.cells).toHaveLength(15);
  });

  it('every cell right', async () => {
    const { result } = await importBytes(docx, 'rich.docx');
    expect(result.source.kind).toBe('docx');
    expect(wrong(rich, result.report.cells)).toEqual([]);
    expect(result.uncertain.filter((u) => u.target.includes('.') && !u.target.startsWith('sections'))).toEqual([]);
  });

  it('a blank cell of a grid keeps its column (null, listed as unsure)', async () => {
    const blank = new Set(['apply.partial.nonprofit', 'active.fees.amount']);
    const { result } = await importBytes(await makeDocx(rich, { blank }), 'blank.docx');
    for (const [k, v] of Object.entries(rich.cells)) expect(result.report.cells[k], k).toBe(blank.has(k) ? null : v);
    expect(result.uncertain.filter((u) => u.target.includes('.')).map((u) => u.target).sort()).toEqual([...blank].sort());
  });

  it('a report laid out inside a one-cell frame table reads as body text with its tables', async () => {
    const data = loadData('urumqi-county-2024');
    const { result } = await importBytes(await makeDocx(data, { frame: true }), 'framed.docx');
    expect(wrong(data, result.report.cells)).toEqual([]);
    expect(squash(result.report.sections?.problems)).toBe(squash(data.sections?.problems));
    expect(result.report.signature).toEqual(data.signature);
  });

  it.each(['xinxiang-county-office-2024', 'xinyuan-county-2024', 'urumqi-county-2024'])('sample %s as DOCX: cells, meta and sections', async (name) => {
    const data = loadData(name);
    const { result } = await importBytes(await makeDocx(data), `${name}.docx`);
    expect(wrong(data, result.report.cells)).toEqual([]);
    expect(result.report.year).toBe(data.year);
    // the organ as the title prints it (these two titles print only the place name)
    expect(result.report.organ).toBe(({ 'xinyuan-county-2024': '新源县', 'urumqi-county-2024': '乌鲁木齐县' } as Record<string, string>)[name] ?? data.organ);
    expect(result.report.signature ?? null).toEqual(data.signature ?? null);
    for (const k of SECTION_KEYS) expect(squash(result.report.sections?.[k]), k).toBe(squash(data.sections?.[k]));
    // the draft holds the entered cells only (totals dropped) and the text
    expect(result.draft.format).toBe('2021');
    expect(JSON.stringify(result.draft.cells)).not.toContain('"total"');
  });
});

describe('PDF printed by LibreOffice from the DOCX (a real text layer; labels wrap in narrow columns)', () => {
  it.each([
    ['rich figures', () => richData(FORMAT_2021, 2024)],
    ['xinyuan sample', () => loadData('xinyuan-county-2024')],
  ] as const)('%s: every cell right, sections found', async (_, make) => {
    const data = make();
    const pdf = docxToPdf(await makeDocx(data));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { result } = await importBytes(pdf, 'report.pdf');
    expect(result.source.kind).toBe('pdf');
    expect(wrong(data, result.report.cells)).toEqual([]);
    expect(result.report.year).toBe(data.year);
    for (const k of SECTION_KEYS) expect(squash(result.report.sections?.[k]), k).toBe(squash(data.sections?.[k]));
    expect(result.uncertain.filter((u) => /^(apply|active|review)\./.test(u.target))).toEqual([]);
  });
});

describe('bundled as the Electron main process is (esbuild, CommonJS, no import.meta)', () => {
  it('reads a PDF: pdf.js worker and DOMMatrix provided in-thread, no worker file resolved at run time', async () => {
    const data = loadData('urumqi-county-2024');
    const pdfPath = join(dir, 'bundled.pdf');
    writeFileSync(pdfPath, docxToPdf(await makeDocx(data)));
    const root = new URL('../..', import.meta.url).pathname;
    const outfile = join(dir, 'bundle', 'main.cjs');
    await build({
      stdin: {
        contents: `import { readFileSync } from 'node:fs';
import { importRead, readPublishedBytes } from './electron/main/services/import/index.ts';
readPublishedBytes(readFileSync(process.argv[2]), 'x.pdf').then((r) => {
  process.stdout.write(JSON.stringify(r.ok ? importRead(r).report.cells : { error: r.error }));
});`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    const out = execFileSync(process.execPath, [outfile, pdfPath], { encoding: 'utf8', cwd: tmpdir(), stdio: ['ignore', 'pipe', 'ignore'] });
    expect(JSON.parse(out)).toEqual(data.cells);
  });
});

describe('text copied out of a PDF (poppler pdftotext, as a clerk would paste it)', () => {
  const data = loadData('xinxiang-county-office-2024');
  let pdfPath: string;
  beforeAll(async () => {
    pdfPath = join(dir, 'xinxiang.pdf');
    writeFileSync(pdfPath, docxToPdf(await makeDocx(data)));
  });
  const pdftotext = (...args: string[]) => execFileSync('pdftotext', [...args, pdfPath, '-'], { encoding: 'utf8' });

  it.each([['-layout'], ['-raw']])('%s mode: every cell right', (mode) => {
    const { report } = parsePublished(textDocument(pdftotext(mode)));
    expect(wrong(data, report.cells as Record<string, number | string | null>)).toEqual([]);
  });

  it('reading order (values before labels, table columns jumbled): table 二 read, table 三 flagged as unreliable, not guessed silently', () => {
    const { report, uncertain } = parsePublished(textDocument(pdftotext()));
    for (const k of Object.keys(data.cells).filter((c) => c.startsWith('active.'))) expect(report.cells[k], k).toBe(data.cells[k]);
    expect(uncertain.some((u) => u.name === '表二' && u.reason.includes('数字印在行标题之前'))).toBe(true);
    const wrongApply = Object.keys(data.cells).filter((k) => k.startsWith('apply.') && report.cells[k] !== data.cells[k]);
    if (wrongApply.length) {
      expect(uncertain.some((u) => u.name === '表三' && u.reason.includes('不可靠'))).toBe(true);
      const listed = new Set(uncertain.map((u) => u.target));
      for (const k of wrongApply) expect(listed.has(k), k).toBe(true);
    }
  });
});

describe('HTML and detection by content', () => {
  it('an HTML page: table rows as cells, scripts ignored', async () => {
    const data = loadData('urumqi-county-2024');
    const docx = await makeDocx(data);
    // Build HTML from the DOCX's own lines (paragraphs → <p>, grid rows → <tr>, a merged cell once with colspan).
    const doc = await readDocx(docx);
    let html = '<!DOCTYPE html><html><head><script>var x = "<td>9</td>";</script><style>p{}</style></head><body>';
    let open: number | undefined;
    for (const l of doc.lines) {
      if (l.table !== open) {
        if (open !== undefined) html += '</table>';
        if (l.table !== undefined) html += '<table border="1">';
        open = l.table;
      }
      if (l.table !== undefined) html += `<tr>${(l.cells ?? []).map((c) => `<td colspan="1">${c.replace(/&/g, '&amp;')}</td>`).join('')}</tr>`;
      else if (l.text) html += `<p>${l.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
    }
    html += '</table></body></html>';
    const { result } = await importBytes(new TextEncoder().encode(html), 'report.html');
    expect(result.source.kind).toBe('html');
    expect(wrong(data, result.report.cells)).toEqual([]);
    expect(squash(result.report.sections?.overview)).toBe(squash(data.sections?.overview));
  });

  it('the type is found by content: a DOCX named .txt, a PDF without extension, GBK text', async () => {
    const data = loadData('xinxiang-county-office-2024');
    const docx = await makeDocx(data);
    writeFileSync(join(dir, 'misnamed.txt'), docx);
    const a = await readPublishedFile(join(dir, 'misnamed.txt'));
    expect(a.ok && a.kind).toBe('docx');
    const gbk = Buffer.from(
      // 「一、总体情况」 in GB18030, then ASCII
      [0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6, 0x0a, 0x41],
    );
    writeFileSync(join(dir, 'gbk.txt'), gbk);
    const b = await readPublishedFile(join(dir, 'gbk.txt'));
    expect(b.ok && b.doc.lines[0]?.text).toBe('一、总体情况');
  });
});
