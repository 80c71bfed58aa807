/**
 * The HTML and the DOCX carry the same text, in the same order, because both are written from the one
 * document model: compared as each file's own text (HTML markup stripped; the DOCX's <w:t> runs in
 * word/document.xml), independent of the model itself.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../shared/render/docx.js';
import { renderHtml } from '../../shared/render/html.js';
import { buildDocModel, modelTexts } from '../../shared/render/model.js';
import { fixtureReports, synthetic2019Report, syntheticReport } from './sample.js';

function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  let out = '';
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) out += m[1] ?? '';
  return out
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

const samples = [...fixtureReports(), { name: 'synthetic', report: syntheticReport() }, { name: 'synthetic-2019', report: synthetic2019Report() }];

describe.each(samples)('$name', ({ report }) => {
  it('prints the same text in HTML and DOCX, which is the model text', async () => {
    const model = buildDocModel(report);
    const html = htmlText(renderHtml(model));
    const docx = await docxText(await renderDocx(model));
    expect(html.length).toBeGreaterThan(500);
    expect(docx).toBe(html);
    expect(html).toBe(modelTexts(model).join('').replace(/\s+/g, ''));
  });
});

it('escapes markup and drops control characters the same way in both', async () => {
  const report = syntheticReport();
  report.organ = '某县<b>&"政府"\u0007';
  report.sections = { ...report.sections, overview: '含有<script>alert(1)</script>与\u0000控制\u001b字符&amp;的文本' };
  const model = buildDocModel(report);
  const rendered = renderHtml(model);
  expect(rendered).not.toContain('<script>');
  expect(rendered).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  const html = htmlText(rendered);
  const docx = await docxText(await renderDocx(model));
  expect(docx).toBe(html);
  expect(html).toContain('含有<script>alert(1)</script>与控制字符&amp;的文本');
  expect(html).toContain('某县<b>&"政府"2024年政府信息公开工作年度报告');
});
