/**
 * HTML writer: the document model as one complete, standalone HTML document — the live preview, the
 * print view and (printed by Chromium) the PDF. All paper layout lives in CSS (engineering §5): @page size
 * and margins, page numbers in page-margin boxes on :right/:left pages, <thead> repeating header rows.
 * No scripts, no external resources.
 */
import { isHeadingRow, type Block, type DocModel, type ModelCell, type ModelTable, type Run } from './model.js';
import { FONTS, LATIN_FONT, LINE_PT, MARGIN_MM, PAGE_NUMBER_GAP_MM, SIZES, type FontRole } from './typography.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function cssString(s: string): string {
  return `"${s.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * A CSS font stack: the Latin face first (restricted by unicode-range to ASCII, so quotes, dashes and
 * ellipses stay in the Chinese font, like hAnsi in the DOCX), then the named font and its fallbacks.
 */
export function fontStack(role: FontRole, latin = true): string {
  const f = FONTS[role];
  return [...(latin ? ['GovLatin'] : []), f.name, ...f.fallbacks].map(cssString).concat(f.generic).join(', ');
}

/** The report's stylesheet (also usable on its own, e.g. as a constructed stylesheet under a strict CSP). */
export function reportCss(): string {
  const m = MARGIN_MM;
  return `
@font-face { font-family: "GovLatin"; src: ${[LATIN_FONT.name, ...LATIN_FONT.fallbacks].map((n) => `local(${cssString(n)})`).join(', ')}; unicode-range: U+0020-007E; }
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :right {
  @bottom-right { content: "— " counter(page) " —"; font-family: ${fontStack('table')}; font-size: ${SIZES.pageNumber}pt;
    vertical-align: top; text-align: right; padding-top: ${PAGE_NUMBER_GAP_MM}mm; padding-right: 1em; white-space: pre; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; font-family: ${fontStack('table')}; font-size: ${SIZES.pageNumber}pt;
    vertical-align: top; text-align: left; padding-top: ${PAGE_NUMBER_GAP_MM}mm; padding-left: 1em; white-space: pre; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: ${fontStack('body')}; font-size: ${SIZES.body}pt; line-height: ${LINE_PT}pt;
  text-align: justify; font-kerning: none; }
.page { box-sizing: border-box; }
p { margin: 0; }
h1.title { margin: 0 0 ${LINE_PT}pt; font-family: ${fontStack('title')}; font-size: ${SIZES.title}pt; font-weight: normal; line-height: ${LINE_PT}pt;
  text-align: center; }
h1.title span { display: block; }
h2 { margin: 0; font-family: ${fontStack('heading')}; font-size: ${SIZES.body}pt; font-weight: normal; line-height: ${LINE_PT}pt;
  text-indent: 2em; break-after: avoid; page-break-after: avoid; }
p.body { text-indent: 2em; }
.kai { font-family: ${fontStack('kai')}; }
.bold { font-weight: bold; }
.signature { margin-top: ${LINE_PT * 2}pt; text-align: right; padding-right: 2em; break-inside: avoid; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: ${LINE_PT / 2}pt 0; font-family: ${fontStack('table')};
  line-height: 1.3; text-indent: 0; text-align: center; }
thead { display: table-header-group; }
/* Keep a row's own text together; cells spanning many rows may break (a monolithic span leaves half a page empty). */
td:not([rowspan]) { break-inside: avoid; }
tr.keep { break-after: avoid; }
td, th { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; font-weight: normal;
  overflow-wrap: anywhere; }
td.left, th.left { text-align: left; }
td.group { background: #dbe5f1; text-align: left; }
/* Stacked characters in a narrow box, not writing-mode: an orthogonal flow can't break across pages. */
td.vertical span.v { display: inline-block; width: 1em; word-break: break-all; line-height: 1.35; }
table.t-active { font-size: ${SIZES.tableActive}pt; }
table.t-active td { padding: 3.5pt 4pt; }
table.t-apply { font-size: ${SIZES.tableApply}pt; }
table.t-review { font-size: ${SIZES.tableReview}pt; }
table.t-findings { font-size: ${SIZES.tableApply}pt; }
table.t-findings td { padding: 3pt 4pt; }
@media screen {
  html { background: #e5e5e5; }
  body { width: 210mm; margin: 12px auto; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
  .page { padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; min-height: 297mm; }
}
`;
}

function runHtml(r: Run): string {
  const text = escapeHtml(r.text);
  return r.style === 'body' ? text : `<span class="${r.style}">${text}</span>`;
}

function cellHtml(c: ModelCell, tag: 'td' | 'th'): string {
  const attrs: string[] = [];
  if (c.colSpan > 1) attrs.push(`colspan="${c.colSpan}"`);
  if (c.rowSpan > 1) attrs.push(`rowspan="${c.rowSpan}"`);
  const classes: string[] = [];
  if (c.role === 'group') classes.push('group');
  if (c.align === 'left') classes.push('left');
  if (c.vertical) classes.push('vertical');
  if (c.cell) attrs.push(`data-cell="${escapeHtml(c.cell)}"`);
  if (classes.length) attrs.push(`class="${classes.join(' ')}"`);
  const text = c.vertical ? `<span class="v">${escapeHtml(c.text)}</span>` : escapeHtml(c.text);
  return `<${tag}${attrs.length ? ` ${attrs.join(' ')}` : ''}>${text}</${tag}>`;
}

function tableHtml(t: ModelTable): string {
    // The width attribute, not a style attribute: the preview may sit under a CSP that forbids inline styles.
  const cols = t.widths.map((w) => `<col width="${w.toFixed(3)}%">`).join('');
  const head = t.rows.slice(0, t.headerRows).map((r) => `<tr>${r.map((c) => cellHtml(c, 'th')).join('')}</tr>`);
  // Heading rows of the body (table 二's 「第二十条…」 and 「信息内容」) stay with the row below. (No keeping for
  // the vertical label's sake: Chromium carries a merged cell's text over a page break.)
  const body = t.rows
    .slice(t.headerRows)
    .map((r, i) => `<tr${t.keepWithNext[i + t.headerRows] && isHeadingRow(r) ? ' class="keep"' : ''}>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`);
  return [
    `<table class="t-${t.id}" data-table="${t.id}"><colgroup>${cols}</colgroup>`,
    head.length ? `<thead>${head.join('')}</thead>` : '',
    `<tbody>${body.join('')}</tbody></table>`,
  ].join('');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1 class="title">${b.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p class="body">${b.runs.map(runHtml).join('')}</p>`;
    case 'table':
      return tableHtml(b.table);
    case 'signature':
      return `<div class="signature">${b.organ ? `<p>${escapeHtml(b.organ)}</p>` : ''}${b.date ? `<p>${escapeHtml(b.date)}</p>` : ''}</div>`;
  }
}

/** The document body's markup (blocks only). */
export function renderBodyHtml(model: DocModel): string {
  return model.blocks.map(blockHtml).join('\n');
}

/** A complete standalone HTML document: preview, print and PDF. */
export function renderHtml(model: DocModel): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing to run, nothing to fetch: the document is inert wherever it is shown.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data:; img-src data:">`,
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${reportCss()}</style>`,
    '</head>',
    `<body><main class="page">\n${renderBodyHtml(model)}\n</main></body>`,
    '</html>',
    '',
  ].join('\n');
}
