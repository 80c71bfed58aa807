/**
 * The publication bundle from the command line (`report export <file> --bundle <folder>`): every file there, its
 * SHA-256 checked by coreutils' `sha256sum -c` and printed in the 审核单 (one A4 page, in Chromium's PDF and in
 * LibreOffice's rendering of its DOCX); the HTML fragment an accessible data table; the JSON report data that reads
 * back. And Electron's print page: a file main writes, never a data: URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePrintPage } from '../../electron/main/services/export/printPage.js';
import { loadReportText } from '../../shared/schema/reportData.js';
import { FIXTURE_DATA_DIR, ROOT } from './sample.js';
import { FONTCONFIG_FILE, compact, libreOfficeToPdf, pdfInfo, pdfText, run, tempDir } from './tools.js';

const dir = tempDir('bundle');
const folder = join(dir, '发布包');
const sample = join(FIXTURE_DATA_DIR, 'xinyuan-county-2024.json');
const stem = '新源县人民政府2024年政府信息公开工作年度报告';
let result: { code: number | null; out: string; err: string };

beforeAll(() => {
  const r = spawnSync('npm', ['run', '-s', 'report', '--', 'export', sample, '--bundle', folder], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, FONTCONFIG_FILE },
  });
  result = { code: r.status, out: r.stdout, err: r.stderr };
}, 300_000);

describe('report export --bundle', () => {
  it('writes the DOCX, PDF, HTML fragment, report data JSON, the 审核单 and SHA256SUMS into one folder', () => {
    expect(result.err).not.toMatch(/内部错误/);
    expect(result.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(
      ['SHA256SUMS', `${stem}.docx`, `${stem}.html`, `${stem}.json`, `${stem}.pdf`, `${stem}审核单.docx`, `${stem}审核单.pdf`].sort(),
    );
  });

  it('lists each published file\'s SHA-256 — right, by sha256sum — in SHA256SUMS and in the 审核单', () => {
    expect(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder }).match(/: OK$/gm)).toHaveLength(4);
    const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toHaveLength(4);
    const sheet = compact(pdfText(join(folder, `${stem}审核单.pdf`), false));
    for (const line of sums) {
      const [digest, name] = line.split(/\s+/);
      expect(sheet).toContain(digest);
      expect(result.out).toContain(`SHA-256 ${digest}`);
      expect(name?.startsWith(stem)).toBe(true);
    }
    expect(sheet).toContain(`文件名均为「${stem}」加扩展名`);
  });

  it('fits the 审核单 on one A4 page, signature spaces kept, in the PDF and in LibreOffice\'s rendering of the DOCX', () => {
    expect(pdfInfo(join(folder, `${stem}审核单.pdf`)).pages).toBe(1);
    const [lo] = libreOfficeToPdf([join(folder, `${stem}审核单.docx`)], tempDir('bundle-lo'));
    expect(pdfInfo(lo ?? '').pages).toBe(1);
    for (const path of [join(folder, `${stem}审核单.pdf`), lo ?? '']) {
      const text = compact(pdfText(path, false));
      for (const who of ['经办人', '审核人', '签批人']) expect(text).toContain(who);
    }
  });

  it('writes an accessible HTML fragment: real tables with captions and scoped headers, no layout, no images, no styles', () => {
    const html = readFileSync(join(folder, `${stem}.html`), 'utf8');
    expect(html.startsWith('<article class="gov-disclosure-report" lang="zh-CN"')).toBe(true);
    expect(html.match(/<table /g)).toHaveLength(3);
    expect(html.match(/<caption>/g)).toHaveLength(3);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html).toContain('<th scope="rowgroup" rowspan=');
    expect(html).not.toMatch(/<img|<script|\sstyle=|<table[^>]*>\s*<tr>\s*<td>\s*<table/i);
    expect(html.match(/<h2>/g)).toHaveLength(6);
    // every figure a data cell: table 三's 新收 row, 自然人 column
    const data = loadReportText(readFileSync(join(folder, `${stem}.json`), 'utf8'));
    if (!data.ok) throw new Error(data.error);
    expect(html).toContain(`<td>${String(data.report.cells['apply.new.natural'])}</td>`);
  });

  it('writes the report data JSON that reads back as the same report', () => {
    const data = loadReportText(readFileSync(join(folder, `${stem}.json`), 'utf8'));
    const original = loadReportText(readFileSync(sample, 'utf8'));
    if (!data.ok || !original.ok) throw new Error('unreadable');
    expect(data.report.cells).toEqual(original.report.cells);
    expect(data.report.organ).toBe(original.report.organ);
  });
});

describe('Electron\'s print page', () => {
  it('is a private temp file with the whole document (a 3 MB report too), loaded by file: URL and removed after', async () => {
    const html = `<!DOCTYPE html><p>${'政务公开'.repeat(300_000)}</p>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(3_000_000);
    const page = await writePrintPage(html, dir);
    expect(page.url.startsWith('file://')).toBe(true);
    expect(page.url).not.toMatch(/^data:/);
    expect(readFileSync(page.path, 'utf8')).toBe(html);
    await page.dispose();
    expect(existsSync(page.path)).toBe(false);
  });
});

describe('the app\'s 「导出发布包」 (host exportDocument, kind bundle)', () => {
  it('writes the bundle into the folder main chose, from the draft the page sends', async () => {
    const { createExportServices } = await import('../../electron/main/services/hostExport.js');
    const { reportToDraft, serializeDraft } = await import('../../shared/schema/draft.js');
    const loaded = loadReportText(readFileSync(sample, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error);
    const target = join(tempDir('bundle-host'), '新源县（发布包）');
    const asked: string[] = [];
    const services = createExportServices({
      chooseExportPath: async (name, kind) => {
        asked.push(`${kind}:${name}`);
        return target;
      },
    });
    const { enteredCells, FORMAT_2021 } = await import('../../shared/report/format.js');
    const draft = reportToDraft(loaded.report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
    const r = await services.exportDocument({ text: serializeDraft(draft), kind: 'bundle', suggestedName: '新源县（发布包）' });
    expect(r).toEqual({ status: 'saved', path: target });
    expect(asked).toEqual(['bundle:新源县（发布包）']);
    expect(readdirSync(target)).toContain(`${stem}审核单.pdf`);
    expect(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: target }).match(/: OK$/gm)).toHaveLength(4);
  }, 240_000);
});
