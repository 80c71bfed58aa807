/**
 * The 审核单 with a draft's review states (issue 13) still fits one A4 page for a typical finalised report: 新源县's
 * real figures and text with its 落款 and title as a 定稿 has them (its two content findings left unexplained), the
 * publication bundle's four SHA-256 lines, and a draft returned three times, the changes printed with reasons that wrap (only the latest
 * changes printed, saying how many came before) — in Chromium's PDF and in LibreOffice's rendering of the DOCX.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPdfPrinter, type PdfPrinter } from '../../electron/main/services/export/pdf.js';
import { exportReviewDocx, exportReviewPdf } from '../../electron/main/services/export/review.js';
import type { ReviewSheetInput } from '../../shared/render/review.js';
import { evaluate } from '../../shared/rules/index.js';
import { applyReviewAction } from '../../shared/report/reviewState.js';
import { serializeDraft, type StateChange } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';
import { fixtureReports, ROOT } from './sample.js';
import { compact, FONTCONFIG_FILE, libreOfficeToPdf, pdfInfo, pdfText, readDocx, tempDir, useTestFonts } from './tools.js';

useTestFonts();
let printer: PdfPrinter | undefined;
beforeAll(async () => {
  printer = await createPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

function returnedThreeTimes(): StateChange[] {
  const changes: StateChange[] = [];
  for (let i = 1; i <= 3; i++) {
    changes.push({ state: 'submitted', at: `2025-02-1${i}T09:00:00+08:00`, by: '张三' });
    changes.push({ state: 'returned', at: `2025-02-1${i}T15:30:00+08:00`, by: '李科长', reason: `第 ${i} 次退回：表三结转数据有误，请与上年报告的「结转下年度」核对后重新填写。` });
  }
  // the two printed, both with reasons long enough to wrap
  changes.push({ state: 'submitted', at: '2025-02-18T09:00:00+08:00', by: '张三', reason: '已按退回意见修改表三结转数据，并与上年报告的「结转下年度」核对一致。' });
  changes.push({ state: 'final', at: '2025-02-19T10:00:00+08:00', by: '王主任', reason: '审核通过，同意按此稿公开；发布前请再核对落款日期和联系电话。' });
  return changes;
}

describe('审核单 with the review states', () => {
  it('fits one A4 page with the latest states, signature spaces kept, in the PDF and in LibreOffice', async () => {
    const sample = fixtureReports().find((s) => s.name === 'xinyuan-county-2024');
    if (!sample) throw new Error('fixture missing');
    const report = { ...sample.report, title: undefined, signature: { organ: '新源县人民政府', date: '2025-02-20' } };
    const input: ReviewSheetInput = {
      report,
      findings: evaluate(report, { stage: 'final' }),
      acceptedWarnings: [],
      date: '2025-02-20',
      files: ['docx', 'pdf', 'html', 'json'].map((ext, i) => ({ name: `新源县人民政府2024年政府信息公开工作年度报告.${ext}`, sha256: String(i).repeat(64) })),
      stateChanges: returnedThreeTimes(),
    };
    const dir = tempDir('review-states');
    const docx = join(dir, '审核单.docx');
    const pdf = join(dir, '审核单.pdf');
    await exportReviewDocx(input, docx);
    await exportReviewPdf(input, pdf, printer);
    const [lo] = libreOfficeToPdf([docx], tempDir('review-states-lo'));
    for (const path of [pdf, lo ?? '']) {
      expect(pdfInfo(path).pages).toBe(1);
      const text = compact(pdfText(path, false));
      expect(text).toContain('审核状态记录（此前另有6次）');
      expect(text).toContain('定稿（王主任）');
      expect(text).toContain('同意按此稿公开');
      for (const who of ['经办人', '审核人', '签批人']) expect(text).toContain(who);
    }
  });
});

describe('report export --review from a draft', () => {
  it('prints the draft\'s review states, as the app\'s 审核单 does', () => {
    let draft = sampleDraft();
    const steps = [['submit', '张三', ''], ['return', '李科长', '表三结转数据有误']] as const;
    for (const [action, by, reason] of steps) {
      const r = applyReviewAction(draft, action, { at: '2025-02-20T16:05:00+08:00', by, reason });
      if (!r.ok) throw new Error(r.error);
      draft = r.draft;
    }
    const dir = tempDir('review-states-cli');
    const file = join(dir, '报告.gkbg');
    writeFileSync(file, serializeDraft(draft));
    const sheet = join(dir, '审核单.docx');
    const run = spawnSync('npm', ['run', '-s', 'report', '--', 'export', file, '--review', sheet], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, FONTCONFIG_FILE } });
    expect(run.status, run.stderr).toBe(0);
    const [doc] = readDocx([sheet]);
    const states = doc?.tables.find((t) => t.texts.some((row) => row.includes('退回修改（李科长）')));
    // python-docx repeats the merged label cell on each row it spans
    expect(states?.texts.at(-1)).toEqual(['审核状态记录', '2025年2月20日 16:05', '退回修改（李科长）', '表三结转数据有误']);
  });
});
