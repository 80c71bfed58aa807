/**
 * `npm run -s report -- export` writes the DOCX and the PDF of a report data file (a real command-line process) or a
 * draft (the command line run in this process, as the other tests); rule errors warn on stderr (exit 0) unless --strict refuses (exit 1); usage errors exit 2.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { enteredCells, FORMAT_2021 } from '../../shared/report/format.js';
import { nestCells } from '../../shared/report/model.js';
import { reportToDraft, serializeDraft } from '../../shared/schema/draft.js';
import { toReportData } from '../../shared/schema/reportData.js';
import { FIXTURE_DATA_DIR, ROOT, syntheticReport } from './sample.js';
import { FONTCONFIG_FILE, compact, useTestFonts, docxRightIndents, pdfInfo, pdfRightIndents, pdfText, tempDir } from './tools.js';
import { runCli, runCliProcess, type CliRun } from '../support/cli.js';

const dir = tempDir('cli-export');

useTestFonts();
const report = runCli;

const sample = join(FIXTURE_DATA_DIR, 'xinxiang-county-office-2024.json');
let both: CliRun;

beforeAll(async () => {
  // the one real process: the other tests run the command line in this process
  both = runCliProcess(['export', sample, '--docx', join(dir, 'a.docx'), '--pdf', join(dir, 'a.pdf')], { FONTCONFIG_FILE });
}, 180_000);

describe('export', () => {
  it('writes the DOCX and the PDF of a report data file', async () => {
    expect(both.err).not.toMatch(/内部错误/);
    expect(both.code).toBe(0);
    expect(both.out).toContain(`已导出 DOCX：${join(dir, 'a.docx')}`);
    expect(both.out).toContain(`已导出 PDF：${join(dir, 'a.pdf')}`);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'a.docx')));
    expect(await zip.file('word/document.xml')?.async('string')).toContain('新乡县人民政府办公室');
    expect(pdfInfo(join(dir, 'a.pdf')).pages).toBeGreaterThan(2);
    expect(compact(pdfText(join(dir, 'a.pdf')))).toContain('新乡县人民政府办公室2024年政府信息公开工作年度报告');
  });

  it('warns about remaining rule errors but still exports; --strict refuses and writes nothing', async () => {
    const bad = syntheticReport();
    bad.cells['apply.carried_forward.natural'] = 99; // breaks T3-BAL
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(toReportData(bad)));
    const warned = await report('export', file, '--docx', join(dir, 'bad.docx'));
    expect(warned.code).toBe(0);
    expect(warned.err).toMatch(/警告：报告仍有 \d+ 个错误/);
    expect(warned.err).toContain('[T3-BAL]');
    expect(existsSync(join(dir, 'bad.docx'))).toBe(true);

    const strict = await report('export', file, '--docx', join(dir, 'strict.docx'), '--strict');
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('--strict');
    expect(existsSync(join(dir, 'strict.docx'))).toBe(false);
  });

  it('exports a draft file and its review sheet with the clerk\'s explanations', async () => {
    const draft = reportToDraft(syntheticReport(), new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
    draft.cells = nestCells(Object.fromEntries(Object.entries(syntheticReport().cells)));
    draft.acceptedWarnings = [{ rule: 'XY-JUMP', target: 'apply.new.total', explanation: '专项清理导致申请量增加。' }];
    const file = join(dir, 'draft.gkbg');
    writeFileSync(file, serializeDraft(draft));
    const r = await report('export', file, '--docx', join(dir, 'd.docx'), '--review', join(dir, 'review.docx'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('已导出审核单');
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'review.docx')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('审核单');
    expect(xml).toContain('专项清理导致申请量增加。');
  });

  it('sets the 落款 sealed by default (GB/T 9704 7.3.5.1) and unsealed with --unsealed (7.3.5.2), in the PDF and the DOCX', async () => {
    const file = join(dir, 'signed.json');
    writeFileSync(file, JSON.stringify(toReportData(syntheticReport()))); // 某某县人民政府办公室, 2025-02-25
    for (const [flags, organ, date] of [
      // sealed: the date four characters in, the organ (10 characters) centred on the date (6.5 characters wide)
      [[], 2.25, 4],
      // unsealed: the organ two characters in, the date starting two characters right of the organ's first character
      [['--unsealed'], 2, 3.5],
    ] as const) {
      const out = join(dir, `signed${flags.length}`);
      const r = await report('export', file, '--pdf', `${out}.pdf`, '--docx', `${out}.docx`, ...flags);
      expect(r.code, r.err).toBe(0);
      const [organPdf, datePdf] = pdfRightIndents(`${out}.pdf`, ['某某县人民政府办公室', '2025年2月25日']);
      expect(organPdf, flags.join()).toBeCloseTo(organ, 1);
      expect(datePdf, flags.join()).toBeCloseTo(date, 1);
      const [organDocx, dateDocx] = await docxRightIndents(`${out}.docx`, ['某某县人民政府办公室', '2025年2月25日']);
      expect(organDocx, flags.join()).toBeCloseTo(organ, 2);
      expect(dateDocx, flags.join()).toBeCloseTo(date, 2);
    }
  }, 240_000);

  it('refuses wrong usage with exit code 2', async () => {
    expect((await report('export', sample)).code).toBe(2);
    const wrongExt = await report('export', sample, '--docx', join(dir, 'x.pdf'));
    expect(wrongExt.code).toBe(2);
    expect(wrongExt.err).toContain('扩展名应为 .docx');
    const same = await report('export', sample, '--pdf', sample.replace(/\.json$/, '.pdf'), '--docx', sample);
    expect(same.code).toBe(2);
    const missing = await report('export', join(dir, 'nope.json'), '--docx', join(dir, 'n.docx'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('文件不存在');
  });
});
