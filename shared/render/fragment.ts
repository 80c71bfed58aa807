/**
 * The report as an HTML fragment for a government website (publication bundle): text as text, headings as headings,
 * each table a real data table — <caption>, <thead>, header cells <th scope="col|colgroup">, row labels
 * <th scope="row|rowgroup">, figures in <td> — no layout tables, no images, no inline styles or scripts, so screen
 * readers and machines can read what was published. The site's own stylesheet dresses it.
 */
import { SECTIONS } from '../report/format.js';
import { escapeHtml } from './html.js';
import type { Block, DocModel, ModelCell, ModelTable, Run } from './model.js';

/** A table's caption: its section's heading without the numeral (format.ts). */
function caption(t: ModelTable): string {
  const heading = SECTIONS.find((s) => s.table === t.id)?.heading ?? '核对发现的问题';
  return heading.replace(/^[一二三四五六七八九十]+、/, '');
}

function runHtml(r: Run): string {
  const text = escapeHtml(r.text);
  return r.style === 'body' ? text : `<strong>${text}</strong>`;
}

function spans(c: ModelCell): string {
  return `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
}

/** A cell: headers label columns, labels and group rows label rows, figures are data. */
function cellHtml(c: ModelCell, inHead: boolean): string {
  const text = escapeHtml(c.text);
  if (inHead || c.role === 'header') return `<th scope="${c.colSpan > 1 ? 'colgroup' : 'col'}"${spans(c)}>${text}</th>`;
  if (c.role === 'group') return `<th scope="colgroup"${spans(c)}>${text}</th>`;
  if (c.role === 'label') return `<th scope="${c.rowSpan > 1 ? 'rowgroup' : 'row'}"${spans(c)}>${text}</th>`;
  return `<td${spans(c)}>${text}</td>`;
}

function tableHtml(t: ModelTable): string {
  const head = t.rows.slice(0, t.headerRows).map((r) => `<tr>${r.map((c) => cellHtml(c, true)).join('')}</tr>`);
  const body = t.rows.slice(t.headerRows).map((r) => `<tr>${r.map((c) => cellHtml(c, false)).join('')}</tr>`);
  return [
    `<table data-table="${t.id}">`,
    `<caption>${escapeHtml(caption(t))}</caption>`,
    head.length ? `<thead>${head.join('')}</thead>` : '',
    `<tbody>${body.join('')}</tbody>`,
    '</table>',
  ].join('');
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'title':
      return `<h1>${b.lines.map(escapeHtml).join('<br>')}</h1>`;
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'paragraph':
      return b.keepWithNext ? `<h3>${escapeHtml(b.runs.map((r) => r.text).join(''))}</h3>` : `<p>${b.runs.map(runHtml).join('')}</p>`;
    case 'table':
      return tableHtml(b.table);
    case 'signature':
      return `<p class="signature">${[b.organ, b.date].filter(Boolean).map(escapeHtml).join('<br>')}</p>`;
  }
}

/** The fragment: one <article>, ready to paste into a page's content area. */
export function renderWebFragment(model: DocModel): string {
  return [
    `<article class="gov-disclosure-report" lang="zh-CN" data-year="${model.year}">`,
    ...model.blocks.map(blockHtml),
    '</article>',
    '',
  ].join('\n');
}
