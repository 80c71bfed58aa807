/** The review sheet (审核单): every finding, the clerk's explanations, never the published report. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/render/docx.js';
import { renderHtml } from '../../shared/render/html.js';
import { buildDocModel, modelTexts } from '../../shared/render/model.js';
import { buildReviewModel } from '../../shared/render/review.js';
import type { Finding } from '../../shared/rules/types.js';
import { evaluate } from '../../shared/rules/index.js';
import { fixtureReports, syntheticReport } from './sample.js';
import { readDocx, tempDir } from './tools.js';

const findings: Finding[] = [
  { rule: 'T3-BAL', severity: 'error', cells: ['apply.new.natural', 'apply.carried_over.natural'], target: 'apply.new.natural', message: '自然人列：第一项 11 + 第二项 0 = 11，第三项（七）总计 9 + 第四项 0 = 9，相差 2' },
  { rule: 'N-REVIEW', severity: 'warning', cells: ['review.reconsideration.total'], target: 'review.reconsideration.total', message: '正文称行政复议 0 件，表四为 2 件' },
  { rule: 'F-FIVE', severity: 'warning', cells: [], section: 'overview', span: { section: 'overview', start: 0, end: 4 }, message: '总体情况未写到「监督保障」' },
];
const accepted = [
  { rule: 'N-REVIEW', target: 'review.reconsideration.total', explanation: '复议案件由上级机关受理，正文口径为本机关受理数。' },
  { rule: 'XY-JUMP', target: 'apply.new.total', explanation: '今年开展专项清理，申请量大增。' },
];

describe('review sheet', () => {
  const model = buildReviewModel({ report: syntheticReport(), findings, acceptedWarnings: accepted, date: '2025-02-20' });
  const texts = modelTexts(model);

  it('lists every finding with its rule, kind, message, place and the explanation', () => {
    // 「审核单」 runs on with the title's last line when it fits (one line less, so the sheet fits a page)
    expect(model.blocks[0]).toEqual({ kind: 'title', lines: ['某某县人民政府', '2024年政府信息公开工作年度报告审核单'] });
    expect(model.title).toBe('某某县人民政府2024年政府信息公开工作年度报告审核单');
    const table = model.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    const rows = table.table.rows.map((r) => r.map((c) => c.text));
    expect(rows[0]).toEqual(['序号', '规则', '类别', '问题', '涉及位置', '经办人说明']);
    expect(rows[1]).toEqual(['1', 'T3-BAL', '错误', findings[0]?.message, '三、一、本年新收政府信息公开申请数量·自然人、三、二、上年结转政府信息公开申请数量·自然人', '（须改正）']);
    expect(rows[2]?.[5]).toBe('复议案件由上级机关受理，正文口径为本机关受理数。');
    expect(rows[3]?.slice(1, 3)).toEqual(['F-FIVE', '提示']);
    expect(rows[3]?.[4]).toBe('一、总体情况');
    expect(rows[3]?.[5]).toBe('（未说明）');
  });

  it('summarises and keeps explanations of warnings that no longer occur', () => {
    const all = texts.join('\n');
    expect(all).toContain('核对结果：错误 1 个，提示 2 个（已说明 1 个，未说明 1 个）。');
    expect(texts).toContain('尚有错误未改正，报告不宜公开。');
    expect(texts).toContain('[XY-JUMP]（apply.new.total）今年开展专项清理，申请量大增。');
    expect(all).toContain('制表日期：2025年2月20日');
    // room to sign for each of 经办人, 审核人, 签批人, with the date
    expect(texts).toEqual(expect.arrayContaining(['经办人', '审核人', '签批人', '日期：']));
    expect(texts.join('')).toContain('不随年度报告公开');
  });

  it('says so when nothing was found', () => {
    const empty = modelTexts(buildReviewModel({ report: syntheticReport(), findings: [], acceptedWarnings: [] }));
    expect(empty).toContain('未发现问题。');
    expect(empty.join('')).toContain('核对结果：错误 0 个，提示 0 个（已说明 0 个，未说明 0 个）。');
  });

  it('is written by the same writers: a DOCX python-docx reads, and HTML with the same text', async () => {
    const dir = tempDir('review-test');
    const path = join(dir, 'review.docx');
    const bytes = await renderDocx(model);
    writeFileSync(path, bytes);
    const [doc] = readDocx([path]);
    // the findings, then the sign-off boxes
    expect(doc?.tables).toHaveLength(2);
    expect(doc?.tables[0]?.rows).toBe(4);
    expect(doc?.tables[1]?.texts[0]).toEqual(['经办人', '审核人', '签批人']);
    expect(doc?.tables[0]?.texts[2]?.[5]).toBe('复议案件由上级机关受理，正文口径为本机关受理数。');
    expect(doc?.tables[0]?.headerRows).toEqual([0]);
    const html = renderHtml(model);
    expect(html).toContain('<thead><tr><th>序号</th>');
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('今年开展专项清理，申请量大增。');
  });

  it('never enters the published report', async () => {
    const report = syntheticReport();
    const published = modelTexts(buildDocModel(report)).join('');
    expect(published).not.toContain('审核单');
    expect(published).not.toContain('经办人');
  });

  it('lists the rule engine\'s real findings for the samples (the N-REVIEW of 新源县)', () => {
    const sample = fixtureReports().find((s) => s.name === 'xinyuan-county-2024');
    if (!sample) throw new Error('fixture missing');
    const real = evaluate(sample.report, { stage: 'final' });
    const sheet = buildReviewModel({ report: sample.report, findings: real, acceptedWarnings: [] });
    const table = sheet.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.rows.length).toBe(real.length + 1);
    expect(table.table.rows.map((r) => r[1]?.text)).toContain('N-REVIEW');
  });
});
