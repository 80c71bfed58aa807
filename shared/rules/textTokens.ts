/**
 * The words and figures of a report's narrative as tokens: normalised text (full-width digits, odd spaces), its
 * clauses and sentences, counts written as 「21 件」「两件」, years written as 「2024 年」, and a quotable slice.
 * textFigures.ts ties them to the figures of the tables; crossYear.ts compares them between years.
 *
 * All offsets are UTF-16 offsets into the section text as stored (normalisation maps one unit to one unit).
 */
/** Map full-width digits, %, ., and odd spaces to ASCII, one UTF-16 unit for one. */
export function normaliseText(s: string): string {
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0xff10 && c <= 0xff19) || c === 0xff05 || c === 0xff0e || c === 0x3000 || c === 0xa0) {
      changed = true;
      break;
    }
  }
  if (!changed) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff05) out += '%';
    else if (c === 0xff0e) out += '.';
    else if (c === 0x3000 || c === 0xa0) out += ' ';
    else out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Segmentation

export interface Clause {
  start: number;
  end: number;
  /** index of the sentence (split at 。！？；and line breaks) */
  sentence: number;
  /** index of the paragraph (split at line breaks) */
  paragraph: number;
}

/** Clauses: sentences split further at commas, colons and brackets (a comma between digits is a separator). */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  let sentence = 0;
  let paragraph = 0;
  const push = (end: number) => {
    if (end > start) out.push({ start, end, sentence, paragraph });
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      push(i);
      sentence++;
      paragraph++;
    } else if (ch === '。' || ch === '；' || ch === ';' || ch === '！' || ch === '？' || ch === '!' || ch === '?') {
      push(i);
      sentence++;
    } else if (ch === '，' || ch === '：' || ch === ':' || ch === '（' || ch === '）' || ch === '(' || ch === ')') {
      push(i);
    } else if (ch === ',') {
      const prev = text.charCodeAt(i - 1);
      const next = text.charCodeAt(i + 1);
      if (!(prev >= 48 && prev <= 57 && next >= 48 && next <= 57)) push(i);
    }
  }
  push(text.length);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Numbers

export interface CountToken {
  value: number;
  start: number;
  end: number;
  unit: string;
  /** 「200 余件」「约 30 件」「43.25 万件」: not an exact count, never compared */
  approximate: boolean;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「十二」 → 12, 「二十三」 → 23, 「一百零五」 → 105; null when not a plain Chinese number. */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      digit = CN_DIGITS[ch] ?? 0;
    } else if (ch === '十' || ch === '百') {
      const mult = ch === '十' ? 10 : 100;
      total += (digit ?? (ch === '十' ? 1 : 0)) * mult;
      if (digit === null && ch === '百') return null;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

const COUNT_RE = /(?<![\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(万)?\s*(余|多)?\s*(件|个|条|宗|起|项|次|份|例|家)/g;
const CN_COUNT_RE = /([零〇一二两三四五六七八九十百]+)\s*(件|宗|起)/g;
const APPROX_BEFORE = /(约|近|超过|逾|将近|大约|达到?)\s*$/;
const APPROX_AFTER = /^\s*(以上|左右|余|多)/;
const DURATION_AFTER = /^\s*(工作日|自然日|日|天|月|小时|季度|星期|周|年|百分点)/;

/** Counts written as 「21 件」「４件」「两件」 between `from` and `to`. */
export function countTokens(text: string, from: number, to: number): CountToken[] {
  const slice = text.slice(from, to);
  const out: CountToken[] = [];
  COUNT_RE.lastIndex = 0;
  for (let m = COUNT_RE.exec(slice); m; m = COUNT_RE.exec(slice)) {
    const num = m[1] ?? '';
    const value = Number(num.replace(/,/g, ''));
    const before = slice.slice(Math.max(0, m.index - 4), m.index);
    const after = slice.slice(m.index + m[0].length, m.index + m[0].length + 3);
    // 「20 个工作日」「3 个月」: a duration, not a count
    if (m[4] === '个' && DURATION_AFTER.test(slice.slice(m.index + m[0].length, m.index + m[0].length + 3))) continue;
    const approximate =
      Boolean(m[2]) || Boolean(m[3]) || num.includes('.') || (APPROX_BEFORE.test(before) && !/达$/.test(before.trim())) || APPROX_AFTER.test(after);
    out.push({ value, start: from + m.index, end: from + m.index + m[0].length, unit: m[4] ?? '', approximate });
  }
  CN_COUNT_RE.lastIndex = 0;
  for (let m = CN_COUNT_RE.exec(slice); m; m = CN_COUNT_RE.exec(slice)) {
    const prev = slice[m.index - 1] ?? '';
    const next = slice[m.index + m[0].length] ?? '';
    if (/[第每逐统同单任唯某一]/.test(prev) || /[事件]/.test(next)) continue;
    const value = chineseNumber(m[1] ?? '');
    if (value === null) continue;
    out.push({ value, start: from + m.index, end: from + m.index + m[0].length, unit: m[2] ?? '', approximate: APPROX_AFTER.test(slice.slice(m.index + m[0].length)) });
  }
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
}

export interface YearToken {
  year: number;
  start: number;
  end: number;
}

const YEAR_RE = /(?<![\d〔[［(（])(\d{4})\s*年/g;

export function yearTokens(text: string, from: number, to: number): YearToken[] {
  const out: YearToken[] = [];
  if (to - from < 5) return out;
  const slice = text.slice(from, to);
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(slice); m; m = YEAR_RE.exec(slice)) {
    const year = Number(m[1]);
    if (year >= 1949 && year <= 2100) out.push({ year, start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}

/**
 * A function of a text remembered for the last `limit` texts. The editor evaluates on every keystroke and only
 * one section's text changes at a time; the same string objects come back, so lookups are cheap.
 */
export function memoByText<T>(fn: (text: string) => T, limit = 64): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    cache.set(text, value);
    if (cache.size > limit) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}

/** A clause for quoting in a message: trimmed, at most `max` characters. */
export function quote(text: string, start: number, end: number, max = 40): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
