/**
 * HTML (a report saved from a government website) → source lines: block elements become lines, rows of a data
 * table become rows of cells (tab-separated text; a cell spanning several columns counts once). Pages as a
 * browser saves them: <head> (the page <title> with the site's name), scripts, styles, forms' controls and <nav>
 * dropped; a layout table (one holding other tables) is read as blocks, not as a report table; the page's
 * metadata table (「索引号」「发布机构」…) is left out. No DOM in Node, so a small tag scanner.
 */
import type { SourceDocument, SourceLine } from '../../../../shared/import/text.js';

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', ensp: ' ', emsp: ' ', times: '×', bull: '•' };

export function decodeEntities(s: string): string {
  // Saved pages also write 「&nbsp」 without its semicolon; browsers read it, so do we.
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});|&(nbsp|amp|lt|gt|quot)(?![a-z0-9;])/gi, (m, e: string | undefined, bare: string | undefined) => {
    if (bare) return ENTITIES[bare.toLowerCase()] ?? m;
    const ent = e ?? '';
    if (ent[0] === '#') {
      const code = ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[ent.toLowerCase()] ?? m;
  });
}

const BLOCK = new Set(['p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'pre', 'center', 'figure', 'figcaption', 'address', 'table', 'tr', 'td', 'th', 'caption']);
/** Comments and elements whose content is never report text: where each starts. */
const HIDDEN_START = /<!--|<(script|style|noscript|template|head|select|button|textarea|svg|iframe|object|nav)\b/gi;
/** Labels of a web page's metadata table (the 政府信息公开 catalogue entry), never of the report's tables. */
const METADATA_LABELS = ['索引号', '发布机构', '发文机关', '发文机构', '成文日期', '发文日期', '发布日期', '主题分类', '组配分类', '体裁分类', '公开方式', '公开范围', '信息来源', '有效性', '生成日期', '文号', '所属机构', '信息分类'];

const TAG_RE = /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?>|([^<]+)|(<)/g;

/**
 * The page without its comments and hidden elements (a comment goes to its `-->`, an element to its own closing tag;
 * one never closed stays, as before). One pass: once a closing tag is missing after some point, it is missing after
 * every later one too, so no search runs to the end twice (a regex per element took quadratic time on 40,000
 * unclosed `<script>`s).
 */
export function stripHidden(html: string): string {
  const parts: string[] = [];
  const closedNowhereAfter = new Map<string, number>();
  let kept = 0;
  const start = new RegExp(HIDDEN_START.source, 'gi');
  for (let m = start.exec(html); m; m = start.exec(html)) {
    const name = m[1]?.toLowerCase();
    const key = name ?? '--';
    if ((closedNowhereAfter.get(key) ?? Infinity) <= m.index) continue;
    const close = name ? new RegExp(`</${name}\\s*>`, 'gi') : /-->/g;
    close.lastIndex = start.lastIndex;
    const end = close.exec(html);
    if (!end) {
      closedNowhereAfter.set(key, m.index);
      continue;
    }
    parts.push(html.slice(kept, m.index), name ? ' ' : '');
    kept = start.lastIndex = end.index + end[0].length;
  }
  parts.push(html.slice(kept));
  return parts.join('');
}

/** For each <table> in order: does it hold another table (a layout table)? */
function layoutTables(src: string): boolean[] {
  const out: boolean[] = [];
  const open: number[] = [];
  for (const m of src.matchAll(/<\s*(\/?)\s*table\b[^>]*>/gi)) {
    if (m[1] !== '/') {
      const parent = open[open.length - 1];
      if (parent !== undefined) out[parent] = true;
      open.push(out.length);
      out.push(false);
    } else open.pop();
  }
  return out;
}

function isMetadataTable(rows: readonly string[][]): boolean {
  const text = rows.flat().join('');
  return /索引号/.test(text) || METADATA_LABELS.filter((l) => text.includes(l)).length >= 2;
}

const clean = (s: string): string => decodeEntities(s).replace(/[ \t\r\n]+/g, ' ').trim();

/** A data table being read: rows of cell texts (a cell's <br>, <p> … become spaces). */
class GridReader {
  private readonly rows: string[][] = [];
  private row: string[] | null = null;
  private cell: string | null = null;

  text(t: string): void {
    if (this.cell !== null) this.cell += t;
  }

  /** Take a tag inside the table; false when it closes the table. */
  tag(tag: string, closing: boolean): boolean {
    if (tag === 'table') return !closing;
    if (tag === 'tr') {
      this.endRow();
      if (!closing) this.row = [];
    } else if (tag === 'td' || tag === 'th') {
      this.endCell();
      if (!closing) {
        this.row ??= [];
        this.cell = '';
      }
    } else if (this.cell !== null && BLOCK.has(tag)) this.cell += ' ';
    return true;
  }

  finish(): string[][] {
    this.endRow();
    return this.rows;
  }

  private endCell(): void {
    if (this.row && this.cell !== null) this.row.push(clean(this.cell));
    this.cell = null;
  }

  private endRow(): void {
    this.endCell();
    if (this.row?.length) this.rows.push(this.row);
    this.row = null;
  }
}

export function htmlToLines(html: string): SourceDocument {
  const stripped = stripHidden(html);
  // Past the last `>` there is no tag: read as text, so an unclosed `<p` never scans to the end again and again.
  const src = stripped.slice(0, stripped.lastIndexOf('>') + 1);
  const tail = stripped.slice(src.length);
  const layout = layoutTables(src);
  const lines: SourceLine[] = [];
  let text = '';
  let tableSeen = -1;
  let tableIndex = -1;
  let grid: GridReader | null = null;
  const flushText = () => {
    const t = clean(text);
    if (t) lines.push({ text: t });
    text = '';
  };
  const endGrid = (rows: string[][]) => {
    grid = null;
    if (!rows.length || isMetadataTable(rows)) return;
    tableIndex++;
    for (const row of rows) lines.push({ text: row.join('\t'), cells: row, table: tableIndex });
    lines.push({ text: '' });
  };
  for (const m of src.matchAll(TAG_RE)) {
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    if (m[3] !== undefined || m[4] !== undefined) {
      if (grid) grid.text(m[3] ?? m[4] ?? '');
      else text += m[3] ?? m[4] ?? '';
    } else if (grid) {
      if (tag === 'table' && !closing) tableSeen++;
      if (!grid.tag(tag, closing)) endGrid(grid.finish());
    } else if (tag === 'table' && !closing && !layout[++tableSeen]) {
      flushText();
      grid = new GridReader();
    } else if (BLOCK.has(tag)) flushText();
  }
  if (grid) (grid as GridReader).text(tail);
  else text += tail;
  if (grid) endGrid((grid as GridReader).finish());
  flushText();
  return { lines };
}
