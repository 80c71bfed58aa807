/**
 * Text helpers of the importer (pure): the source model every reader produces, normalisation of labels
 * for matching, tokenising table text into labels and values, and approximate substring matching.
 */

/** One line of the source. Lines of a DOCX table come from its grid (`table` = which table). */
export interface SourceLine {
  /** the line's text as extracted (cells of a grid row joined by tabs) */
  text: string;
  /** for grid rows: the cells (merge continuations left out, so a merged cell counts once) */
  cells?: readonly string[];
  /** index of the DOCX/HTML table this line is a row of */
  table?: number;
}

/** What every reader hands the parser: lines of text, with table rows of structured sources marked. */
export interface SourceDocument {
  lines: SourceLine[];
}

export type Token =
  | { type: 'text'; text: string; line: number }
  | { type: 'num'; raw: string; line: number }
  /** an empty cell (between numbers in a tab-separated line, an empty grid cell, or 「/」「—」) */
  | { type: 'blank'; line: number };

/** Full-width forms, ideographic space, NBSP, zero-width characters → plain; keeps line breaks. */
export function basicNormalise(s: string): string {
  return s
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/[\u3000\u00a0\u2002-\u200a]/g, ' ')
    .replace(/[\uff01-\uff5e]/g, (c) => {
      // Keep full-width brackets and punctuation in narrative text (they are correct Chinese typography);
      // only digits and Latin letters become ASCII.
      const code = c.charCodeAt(0) - 0xfee0;
      const ascii = String.fromCharCode(code);
      return /[0-9A-Za-z]/.test(ascii) ? ascii : c;
    });
}

/**
 * A label reduced for matching: NFKC (full-width → ASCII brackets and digits), spaces, quotes and
 * punctuation variants removed or unified, 「1、」 → 「1.」, 「(一)」 = 「（一）」.
 */
export function labelKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]/g, '')
    .replace(/[“”"'‘’「」『』《》〈〉<>]/g, '')
    .replace(/[〔【［\[]/g, '(')
    .replace(/[〕】］\]]/g, ')')
    .replace(/[、．。]/g, '.')
    .replace(/[,，]/g, ',')
    .replace(/[:：]/g, ':')
    .replace(/[;；]/g, ';')
    .toLowerCase();
}

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const BLANK_RE = /^(?:[-—–－/／\\]{1,2}|——)$/;

/** Is this (NFKC-normalised) token a table value? */
export function isNumberToken(t: string): boolean {
  return NUMBER_RE.test(t);
}

function pushWord(out: Token[], word: string, line: number): void {
  const w = word.normalize('NFKC');
  if (w === '') return;
  if (isNumberToken(w)) out.push({ type: 'num', raw: w, line });
  else if (BLANK_RE.test(w)) out.push({ type: 'blank', line });
  else {
    // A value glued to its label (「规章0」): split trailing digits off Chinese text.
    const m = /^(.*[\u3400-\u9fff)）」”])(\d+(?:\.\d+)?)$/.exec(w);
    if (m && m[1] && m[2]) {
      out.push({ type: 'text', text: m[1], line });
      out.push({ type: 'num', raw: m[2], line });
    } else out.push({ type: 'text', text: w, line });
  }
}

/**
 * Tokens of lines. Tab-separated lines keep their empty fields between values as blanks (a spreadsheet
 * paste); grid rows give one token per cell (an empty cell is a blank).
 */
export function tokenise(lines: readonly SourceLine[], from = 0, to = lines.length): Token[] {
  const out: Token[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.cells) {
      for (const cell of line.cells) {
        const t = cell.normalize('NFKC').trim();
        if (t === '') out.push({ type: 'blank', line: i });
        else if (isNumberToken(t.replace(/\s+/g, ''))) out.push({ type: 'num', raw: t.replace(/\s+/g, ''), line: i });
        else for (const w of t.split(/\s+/)) pushWord(out, w, i);
      }
      continue;
    }
    if (line.text.includes('\t')) {
      const fields = line.text.split('\t').map((f) => f.normalize('NFKC').trim());
      // Empty fields count as blank cells only between two values (leading/trailing ones are merges).
      const isValue = fields.map((f) => f !== '' && (isNumberToken(f) || BLANK_RE.test(f)));
      const firstValue = isValue.indexOf(true);
      const lastValue = isValue.lastIndexOf(true);
      fields.forEach((f, k) => {
        if (f === '') {
          if (firstValue >= 0 && k > firstValue && k < lastValue) out.push({ type: 'blank', line: i });
          return;
        }
        for (const w of f.split(/\s+/)) pushWord(out, w, i);
      });
      continue;
    }
    for (const w of basicNormalise(line.text).split(/\s+/)) pushWord(out, w, i);
  }
  return out;
}

/** An approximate occurrence of a pattern in a text. */
export interface Occurrence {
  start: number;
  end: number;
  /** edits needed (substitutions, insertions, deletions) */
  cost: number;
}

/** Placeholder in a matching stream for a value token: skipping it inside a label costs nothing. */
export const VALUE_MARK = '\u0001';

/**
 * Approximate occurrences of `pattern` in `text` (Sellers' algorithm: edit distance to the best
 * substring), at most `maxCost` edits, one per local minimum. Value marks inside the text are free to skip.
 */
export function findApprox(pattern: string, text: string, maxCost: number): Occurrence[] {
  const m = pattern.length;
  const n = text.length;
  if (m === 0 || n === 0) return [];
  let prev = new Array<number>(m + 1);
  let prevStart = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  let curStart = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) {
    prev[i] = i;
    prevStart[i] = 0;
  }
  const ends: { end: number; cost: number; start: number }[] = [];
  for (let j = 1; j <= n; j++) {
    const tc = text[j - 1];
    const free = tc === VALUE_MARK;
    cur[0] = 0;
    curStart[0] = j;
    for (let i = 1; i <= m; i++) {
      const sub = (prev[i - 1] ?? 0) + (pattern[i - 1] === tc ? 0 : 1);
      const del = (cur[i - 1] ?? 0) + 1;
      const ins = (prev[i] ?? 0) + (free ? 0 : 1);
      let best = sub;
      let start = prevStart[i - 1] ?? 0;
      if (ins < best || (ins === best && free)) {
        best = ins;
        start = prevStart[i] ?? 0;
      }
      if (del < best) {
        best = del;
        start = curStart[i - 1] ?? 0;
      }
      cur[i] = best;
      curStart[i] = start;
    }
    const c = cur[m] ?? m;
    if (c <= maxCost && !free) ends.push({ end: j, cost: c, start: curStart[m] ?? 0 });
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  // Keep local minima: among consecutive ends sharing a start region, the cheapest (then the longest).
  const out: Occurrence[] = [];
  for (const e of ends) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      if (e.cost < last.cost || (e.cost === last.cost && e.end - e.start >= last.end - last.start && e.start === last.start)) {
        out[out.length - 1] = { start: e.start, end: e.end, cost: e.cost };
      }
      continue;
    }
    out.push({ start: e.start, end: e.end, cost: e.cost });
  }
  return out;
}

/** How many edits a label of this length may need and still count as found. */
export function allowedEdits(length: number): number {
  if (length <= 3) return 0;
  if (length <= 6) return 1;
  if (length <= 10) return 2;
  return Math.floor(length * 0.3);
}

/** Levenshtein distance (short strings). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[n] ?? 0;
}
