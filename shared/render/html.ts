/**
 * HTML writer: the document model as one complete, standalone HTML document — the live preview, the
 * print view and (printed by Chromium) the PDF. All paper layout lives in CSS (engineering §5): @page size
 * and margins, page numbers in page-margin boxes on :right/:left pages, <thead> repeating header rows.
 * No scripts, no external resources.
 */
import { isHeadingRow, type Block, type DocModel, type ModelCell, type ModelTable, type Run } from './model.js';
import type { Fragment, Page } from './paginate.js';
import { BODY_SPACING_TWIPS, CHAR_PITCH_PT, CHARS_PER_LINE, FONTS, LATIN_FONT, LINE_PT, MARGIN_MM, FOLIO_DASH_DROP_MM, PAGE_NUMBER_GAP_MM, SIGNOFF_LABEL_PAD_PT, SIZES, TABLE_LEADING, TABLE_PAD_PT, TEXT_WIDTH_PT, pageNumberText, type FontRole } from './typography.js';

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

/** One character of the grid and the body's letter-spacing that gives it (the 16 pt face is a little wider). */
const CH = `${CHAR_PITCH_PT}pt`;
const LETTER_SPACING = `${BODY_SPACING_TWIPS / 20}pt`;
/** Right indents of the 落款 in quarter-character steps (classes, not style attributes: the preview's CSP forbids those). */
const QUARTER_STEPS = CHARS_PER_LINE * 4;

function signatureCss(): string {
  const rules: string[] = [];
  for (let i = 0; i <= QUARTER_STEPS; i++) rules.push(`.ri-${i} { padding-right: calc(${i / 4} * ${CH}); }`);
  for (let i = 0; i <= 4; i++) rules.push(`.gap-${i} { padding-top: ${LINE_PT * i}pt; }`);
  return rules.join('\n');
}

/** The folio: 4号 宋体 「— n —」 (its digits 宋体's half-width ones, not the body's Times New Roman), its 一字线 7 mm below the text area, one character in from its edge (GB/T 9704 7.5). */
function folioCss(): string {
  const m = MARGIN_MM;
  const textBottom = m.top + (297 - m.top - m.bottom);
  return `
.folio { position: absolute; top: calc(${textBottom + PAGE_NUMBER_GAP_MM - FOLIO_DASH_DROP_MM.html}mm - ${SIZES.pageNumber / 2}pt); font-family: ${fontStack('table', false)};
  font-size: ${SIZES.pageNumber}pt; line-height: ${SIZES.pageNumber}pt; letter-spacing: 0; white-space: pre; }
.sheet.odd .folio { right: calc(${m.right}mm + 1em); }
.sheet.even .folio { left: calc(${m.left}mm + 1em); }`;
}

/** Paper for the flow document printed as it is: margins, and the folio in the page-margin boxes. */
function flowPageRules(): string {
  const m = MARGIN_MM;
  return `@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@page :right {
  @bottom-right { content: "— " counter(page) " —"; font-family: ${fontStack('table', false)}; font-size: ${SIZES.pageNumber}pt;
    vertical-align: top; text-align: right; padding-top: calc(${PAGE_NUMBER_GAP_MM - FOLIO_DASH_DROP_MM.html}mm - ${SIZES.pageNumber / 2}pt); padding-right: 1em; white-space: pre; }
}
@page :left {
  @bottom-left { content: "— " counter(page) " —"; font-family: ${fontStack('table', false)}; font-size: ${SIZES.pageNumber}pt;
    vertical-align: top; text-align: left; padding-top: calc(${PAGE_NUMBER_GAP_MM - FOLIO_DASH_DROP_MM.html}mm - ${SIZES.pageNumber / 2}pt); padding-left: 1em; white-space: pre; }
}
`;
}

/**
 * The report's stylesheet (also usable on its own, e.g. as a constructed stylesheet under a strict CSP): 'paged' for
 * the document of sheets (preview, print, PDF), 'flow' for the one long text that is measured.
 */
export function reportCss(mode: 'flow' | 'paged' = 'paged'): string {
  const m = MARGIN_MM;
  return `
@font-face { font-family: "GovLatin"; src: ${[LATIN_FONT.name, ...LATIN_FONT.fallbacks].map((n) => `local(${cssString(n)})`).join(', ')}; unicode-range: U+0020-007E; }
${mode === 'paged' ? '@page { size: A4; margin: 0; }\n' : flowPageRules()}html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; background: #fff; font-family: ${fontStack('body')}; font-size: ${SIZES.body}pt; line-height: ${LINE_PT}pt;
  text-align: justify; font-kerning: none; letter-spacing: ${LETTER_SPACING};
  /* every punctuation mark takes a full character, as in Word, WPS and LibreOffice (no halving of 》（) */
  text-spacing-trim: space-all; }
.text { width: ${TEXT_WIDTH_PT}pt; }
p { margin: 0; overflow-wrap: anywhere; }
h1.title { margin: 0; padding-bottom: ${LINE_PT}pt; font-family: ${fontStack('title', false)}; font-size: ${SIZES.title}pt; font-weight: normal;
  line-height: ${LINE_PT}pt; text-align: center; letter-spacing: 0; }
h1.title span { display: block; }
h2 { margin: 0; font-family: ${fontStack('heading')}; font-size: ${SIZES.body}pt; font-weight: normal; line-height: ${LINE_PT}pt;
  text-indent: calc(2 * ${CH}); break-after: avoid; page-break-after: avoid; }
p.body { text-indent: calc(2 * ${CH}); }
/* the lines of a paragraph continued from the page before; the lines carried to the next page */
p.body.cont { text-indent: 0; }
p.body.split { text-align-last: justify; }
.kai { font-family: ${fontStack('kai')}; }
.bold { font-weight: bold; }
.signature { text-align: right; break-inside: avoid; }
${signatureCss()}
.tbl { padding: ${LINE_PT / 2}pt 0; }
.tbl.cont-before { padding-top: 0; }
/* the 审核单's tables sit closer (the sheet fits one page) */
.tbl-findings, .tbl-files, .tbl-signoff { padding: 3pt 0; }
.tbl.cont-after { padding-bottom: 0; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0; font-family: ${fontStack('table')};
  line-height: 1.3; text-indent: 0; text-align: center; letter-spacing: 0; }
thead { display: table-header-group; }
td:not([rowspan]) { break-inside: avoid; }
tr.keep { break-after: avoid; }
td, th { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; font-weight: normal;
  overflow-wrap: anywhere; }
td.left, th.left { text-align: left; }
td.group { background: #dbe5f1; text-align: left; }
/* Stacked characters in a narrow box, not writing-mode: an orthogonal flow can't break across pages. */
td.vertical span.v { display: inline-block; width: 1em; word-break: break-all; line-height: 1.3; }
table.t-active { font-size: ${SIZES.tableActive}pt; line-height: ${TABLE_LEADING.active}; }
table.t-active td { padding: ${TABLE_PAD_PT.active}pt 4pt; }
table.t-apply { font-size: ${SIZES.tableApply}pt; line-height: ${TABLE_LEADING.apply}; }
table.t-apply td, table.t-apply th { padding: ${TABLE_PAD_PT.apply}pt 2pt; }
table.t-review { font-size: ${SIZES.tableReview}pt; line-height: ${TABLE_LEADING.review}; }
table.t-review td, table.t-review th { padding: ${TABLE_PAD_PT.review}pt 2pt; }
table.t-findings, table.t-files, table.t-states { font-size: ${SIZES.reviewSheet}pt; line-height: ${TABLE_LEADING.findings}; }
table.t-findings td, table.t-findings th, table.t-files td, table.t-files th, table.t-states td, table.t-states th { padding: ${TABLE_PAD_PT.findings}pt 3pt; }
table.t-files td { font-family: ${fontStack('table')}; word-break: break-all; }
table.t-signoff { font-size: ${SIZES.tableActive}pt; line-height: ${TABLE_LEADING.signoff}; }
table.t-signoff td { padding: ${TABLE_PAD_PT.signoff}pt 4pt; }
table.t-signoff tr:first-child td { padding: ${SIGNOFF_LABEL_PAD_PT}pt 4pt; }
table.t-signoff tr:last-child td { padding: ${SIGNOFF_LABEL_PAD_PT}pt 4pt; text-align: left; }
/* The paged document: each sheet an A4 page with its text area and folio; nothing left for the printer to decide. */
.sheet { position: relative; width: 210mm; height: 297mm; overflow: hidden; background: #fff; break-after: page; }
.sheet:last-child { break-after: auto; }
.sheet > .text { position: absolute; top: ${m.top}mm; left: ${m.left}mm; height: ${297 - m.top - m.bottom}mm; }
${folioCss()}
@media screen {
  html { background: #e5e5e5; }
  body.flow { width: 210mm; margin: 12px auto; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
  body.flow > .text { padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; min-height: ${297 - m.top - m.bottom}mm; }
  body.paged { background: #e5e5e5; padding: 12px 0; }
  .sheet { margin: 0 auto 12px; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
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

/** Each cell's first grid column, per row (rows below a rowspan skip the columns it takes). */
function cellColumns(t: ModelTable): number[][] {
  const occupied: number[][] = t.rows.map(() => []);
  return t.rows.map((row, r) => {
    let col = 0;
    return row.map((c) => {
      while (occupied[r]?.includes(col)) col++;
      const start = col;
      for (let k = r; k < r + c.rowSpan; k++) for (let j = start; j < start + c.colSpan; j++) occupied[k]?.push(j);
      col = start + c.colSpan;
      return start;
    });
  });
}

/**
 * The body rows [from, to) of a table: merged cells cut at the fragment's end, and a merged cell begun above the
 * fragment carried into its first row (empty: its text is printed where it begins).
 */
function bodyRowsHtml(t: ModelTable, from: number, to: number): string[] {
  const cols = cellColumns(t);
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    const cells: { col: number; html: string }[] = (t.rows[r] ?? []).map((c, k) => ({
      col: cols[r]?.[k] ?? 0,
      html: cellHtml({ ...c, rowSpan: Math.min(c.rowSpan, to - r) }, 'td'),
    }));
    if (r === from) {
      for (let above = t.headerRows; above < from; above++) {
        (t.rows[above] ?? []).forEach((c, k) => {
          if (above + c.rowSpan > from) cells.push({ col: cols[above]?.[k] ?? 0, html: cellHtml({ ...c, text: '', rowSpan: Math.min(above + c.rowSpan, to) - from }, 'td') });
        });
      }
      cells.sort((x, y) => x.col - y.col);
    }
    const keep = t.keepWithNext[r] === true && isHeadingRow(t.rows[r] ?? []);
    out.push(`<tr${keep ? ' class="keep"' : ''}>${cells.map((c) => c.html).join('')}</tr>`);
  }
  return out;
}

function tableHtml(t: ModelTable, from = t.headerRows, to = t.rows.length, header = true): string {
  // The width attribute, not a style attribute: the preview may sit under a CSP that forbids inline styles.
  const cols = t.widths.map((w) => `<col width="${w.toFixed(3)}%">`).join('');
  const head = header ? t.rows.slice(0, t.headerRows).map((r) => `<tr>${r.map((c) => cellHtml(c, 'th')).join('')}</tr>`) : [];
  return [
    `<table class="t-${t.id}" data-table="${t.id}"><colgroup>${cols}</colgroup>`,
    head.length ? `<thead>${head.join('')}</thead>` : '',
    `<tbody>${bodyRowsHtml(t, from, to).join('')}</tbody></table>`,
  ].join('');
}

/** The runs of a paragraph between two character offsets. */
function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const s = Math.max(from, at);
    const e = Math.min(to, at + r.text.length);
    if (e > s) out.push({ text: r.text.slice(s - at, e - at), style: r.style });
    at += r.text.length;
  }
  return out;
}

const LINE_PX = ((LINE_PT * 4) / 3).toFixed(3);

function blockHtml(b: Block, index: number): string {
  const at = `data-b="${index}"`;
  switch (b.kind) {
    case 'title':
      return `<h1 class="title" ${at}>${b.lines.map((l) => `<span>${escapeHtml(l)}</span>`).join('')}</h1>`;
    case 'heading':
      return `<h2 ${at}>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return `<p class="body" ${at} data-line="${LINE_PX}">${b.runs.map(runHtml).join('')}</p>`;
    case 'table':
      return `<div class="tbl tbl-${b.table.id}" ${at}>${tableHtml(b.table)}</div>`;
    case 'signature': {
      const line = (text: string, right: number) => (text ? `<p class="ri-${Math.round(right * 4)}">${escapeHtml(text)}</p>` : '');
      return `<div class="signature gap-${b.blankLinesBefore}" ${at}>${line(b.organ, b.organRightChars)}${line(b.date, b.dateRightChars)}</div>`;
    }
  }
}

function fragmentHtml(model: DocModel, f: Fragment): string {
  const b = model.blocks[f.block];
  if (!b) return '';
  if (f.kind === 'whole') return blockHtml(b, f.block);
  if (f.kind === 'lines' && b.kind === 'paragraph') {
    const classes = ['body', ...(f.first ? [] : ['cont']), ...(f.last ? [] : ['split'])].join(' ');
    return `<p class="${classes}" data-b="${f.block}">${sliceRuns(b.runs, f.from, f.to).map(runHtml).join('')}</p>`;
  }
  if (f.kind === 'rows' && b.kind === 'table') {
    const classes = ['tbl', `tbl-${b.table.id}`, ...(f.spaceBefore ? [] : ['cont-before']), ...(f.spaceAfter ? [] : ['cont-after'])].join(' ');
    // the header rows on every part of a split table
    return `<div class="${classes}" data-b="${f.block}">${tableHtml(b.table, f.from, f.to, f.header)}</div>`;
  }
  return blockHtml(b, f.block);
}

/** The document body's markup (blocks only, as one flow). */
export function renderBodyHtml(model: DocModel): string {
  return model.blocks.map(blockHtml).join('\n');
}

/** The sheets of a paged document: each page's fragments in its text area, and its folio. */
export function renderPagesHtml(model: DocModel, pages: readonly Page[]): string {
  return pages
    .map((p, i) => {
      const n = i + 1;
      return `<section class="sheet ${n % 2 === 1 ? 'odd' : 'even'}" data-page="${n}"><div class="text">\n${p.fragments.map((f) => fragmentHtml(model, f)).join('\n')}\n</div><div class="folio">${escapeHtml(pageNumberText(n))}</div></section>`;
    })
    .join('\n');
}

function documentHtml(model: DocModel, mode: 'flow' | 'paged', body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    // Nothing to run, nothing to fetch: the document is inert wherever it is shown.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self' data:; img-src data:">`,
    `<title>${escapeHtml(model.title)}</title>`,
    `<style>${reportCss(mode)}</style>`,
    '</head>',
    `<body class="${mode}">${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The flow document: one long text 156 mm wide, measured for pagination (and printable as it is). */
export function renderHtml(model: DocModel): string {
  return documentHtml(model, 'flow', `<main class="text">\n${renderBodyHtml(model)}\n</main>`);
}

/** The paged document: preview, print and PDF — A4 sheets exactly as paginated. */
export function renderPagedHtml(model: DocModel, pages: readonly Page[]): string {
  return documentHtml(model, 'paged', `<main class="pages">\n${renderPagesHtml(model, pages)}\n</main>`);
}
