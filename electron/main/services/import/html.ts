/**
 * HTML (a report saved from a government website) → source lines: block elements become lines, table rows
 * become rows of cells (tab-separated text; a cell spanning several columns counts once). No DOM in Node,
 * so a small tag scanner; scripts, styles and comments are dropped.
 */
import type { SourceDocument, SourceLine } from '../../../../shared/import/text.js';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', ensp: ' ', emsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const BLOCK = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'blockquote', 'pre', 'title', 'center']);

export function htmlToLines(html: string): SourceDocument {
  const src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: SourceLine[] = [];
  let text = '';
  let tableDepth = 0;
  let tableIndex = -1;
  let row: string[] | null = null;
  let cell: string | null = null;
  const flushText = () => {
    const t = decodeEntities(text).replace(/[ \t\r\n]+/g, ' ').trim();
    if (t) lines.push({ text: t });
    text = '';
  };
  const endCell = () => {
    if (row && cell !== null) row.push(decodeEntities(cell).replace(/\s+/g, ' ').trim());
    cell = null;
  };
  const endRow = () => {
    endCell();
    if (row && row.length) lines.push({ text: row.join('\t'), cells: row, table: tableIndex });
    row = null;
  };
  const re = /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?>|([^<]+)|(<)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[3] !== undefined || m[4] !== undefined) {
      const t = m[3] ?? m[4] ?? '';
      if (cell !== null) cell += t;
      else if (tableDepth === 0) text += t;
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (tag === 'table') {
      if (!closing) {
        if (tableDepth === 0) {
          flushText();
          tableIndex++;
        }
        tableDepth++;
      } else if (tableDepth > 0) {
        tableDepth--;
        if (tableDepth === 0) {
          endRow();
          lines.push({ text: '' });
        }
      }
      continue;
    }
    if (tableDepth > 0) {
      if (tableDepth > 1) {
        if (cell !== null && (tag === 'td' || tag === 'th' || tag === 'br' || tag === 'p')) cell += ' ';
        continue;
      }
      if (tag === 'tr') {
        if (!closing) {
          endRow();
          row = [];
        } else endRow();
      } else if (tag === 'td' || tag === 'th') {
        if (!closing) {
          if (!row) row = [];
          endCell();
          cell = '';
        } else endCell();
      } else if (cell !== null && (tag === 'br' || tag === 'p' || tag === 'div')) cell += ' ';
      continue;
    }
    if (BLOCK.has(tag)) flushText();
  }
  flushText();
  return { lines };
}
