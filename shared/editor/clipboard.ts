/**
 * A block copied from Excel or WPS, read from the clipboard's text (TSV, with Excel's quoting of cells that hold
 * tabs, line breaks or quotes) or its HTML (`<table>` with colspan/rowspan). Pure string work: no DOM.
 */

/** Rows of cells from tab-separated text. Excel ends the block with one line break, which is dropped. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const s = text.replace(/\r\n?/g, '\n');
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i] as string;
    if (atCellStart && ch === '"') {
      // quoted cell: up to the closing quote; "" is a quote
      let j = i + 1;
      let q = '';
      let closed = false;
      while (j < s.length) {
        const c = s[j] as string;
        if (c === '"') {
          if (s[j + 1] === '"') {
            q += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        q += c;
        j++;
      }
      if (closed && (j >= s.length || s[j] === '\t' || s[j] === '\n')) {
        cell = q;
        i = j;
        atCellStart = false;
        continue;
      }
      // not a well-formed quoted cell: take the quote literally
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: ' ', emsp: ' ', thinsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function cellText(inner: string): string {
  const text = inner
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1;
}

/**
 * The first `<table>` of clipboard HTML as rows of cells; a merged cell's text sits in its top-left position and
 * the positions it covers are blank (as Excel's TSV has them). Null when the HTML holds no table.
 */
export function parseHtmlTable(html: string): string[][] | null {
  const start = html.search(/<table\b/i);
  if (start < 0) return null;
  const endRel = html.slice(start).search(/<\/table\s*>/i);
  const table = endRel < 0 ? html.slice(start) : html.slice(start, start + endRel);
  const body = table.replace(/<!--[\s\S]*?-->/g, '');
  const rows: string[][] = [];
  const taken: boolean[][] = [];
  const trParts = body.split(/<tr\b[^>]*>/i).slice(1);
  trParts.forEach((tr, r) => {
    const rowText = tr.split(/<\/tr\s*>/i)[0] ?? '';
    const cellRe = /<t([dh])\b([^>]*)>([\s\S]*?)(?=<t[dh]\b|<\/tr\s*>|$)/gi;
    let c = 0;
    for (let m = cellRe.exec(rowText); m; m = cellRe.exec(rowText)) {
      const attrs = m[2] ?? '';
      const inner = (m[3] ?? '').replace(/<\/t[dh]\s*>\s*$/i, '');
      while (taken[r]?.[c]) c++;
      const rs = spanAttr(attrs, 'rowspan');
      const cs = spanAttr(attrs, 'colspan');
      const text = cellText(inner);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          (taken[r + dr] ??= [])[c + dc] = true;
          const line = (rows[r + dr] ??= []);
          while (line.length < c + dc) line.push('');
          line[c + dc] = dr === 0 && dc === 0 ? text : '';
        }
      }
      c += cs;
    }
    rows[r] ??= [];
  });
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** The block a paste carries: the HTML table when there is one, otherwise the TSV text. */
export function clipboardBlock(data: { text?: string | null; html?: string | null }): string[][] {
  const fromHtml = data.html ? parseHtmlTable(data.html) : null;
  if (fromHtml && fromHtml.length > 0 && fromHtml.some((r) => r.length > 0)) return fromHtml;
  return parseTsv(data.text ?? '');
}

/** True when a block is more than one cell (a single value is left to the browser's own paste into the input). */
export function isMultiCell(block: readonly (readonly string[])[]): boolean {
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}
