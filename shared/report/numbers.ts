/**
 * Parsing of cell text as typed or pasted (engineering §4): full-width digits, commas and signs,
 * thousands separators and spaces are normalised; 万元 decimals are kept exact as decimal strings so
 * nothing drifts; every failure carries a Chinese message for the cell.
 */
import type { CellKind } from './format.js';

export type ParsedCell =
  | { ok: true; value: number | string | null }
  | { ok: false; message: string };

/** Up to this many decimal places in 万元 amounts (4 seen in practice). */
export const AMOUNT_MAX_DECIMALS = 6;
/** Counts larger than this are surely typos (and stay exact in doubles). */
export const COUNT_MAX = 999_999_999_999;

/** Normalise full-width forms and strip separators that people type or paste. */
export function normaliseNumberText(raw: string): string {
  let s = '';
  for (const ch of raw) {
    const code = ch.codePointAt(0) ?? 0;
    // Full-width ASCII block ！..～ maps to ASCII by a fixed offset.
    if (code >= 0xff01 && code <= 0xff5e) s += String.fromCodePoint(code - 0xfee0);
    else if (ch === '\u3000' || ch === '\u00a0') s += ' ';
    else if (ch === '−') s += '-';
    else if (ch === '，') s += ',';
    else if (ch === '。') s += '.';
    else s += ch;
  }
  s = s.trim();
  // Thousands separators: "1,234" / "1 234" / "1'234"; a comma elsewhere is an error below.
  if (/^[+-]?\d{1,3}([, ']\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/[, ']/g, '');
  return s;
}

/** Drop the unit people type after counts: 「12件」. */
function stripCountUnit(s: string): string {
  return s.replace(/\s*(件|个|条|项|次)$/, '');
}

/**
 * An amount written in 元 (「75394432.52」) as 万元, exactly: the decimal point moves four places, in the
 * digits themselves (no floating point), so 75394432.52 元 is 7539.443252 万元. Input: plain decimal digits.
 */
export function yuanToWan(digits: string): string {
  const [int = '', frac = ''] = digits.split('.');
  const all = (int.padStart(5, '0') + frac).replace(/^0+(?=\d)/, '');
  const padded = all.padStart(frac.length + 5, '0');
  const point = padded.length - frac.length - 4;
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const decimals = padded.slice(point).replace(/0+$/, '');
  return decimals ? `${whole}.${decimals}` : whole;
}

/** An amount's text and its unit: 「万元」 is the table's own unit; 「元」 must be converted, never taken as 万元. */
function splitAmountUnit(s: string): { digits: string; yuan: boolean } {
  const m = /^(.*?)\s*(万元|元)$/.exec(s);
  if (!m) return { digits: s, yuan: false };
  return { digits: normaliseNumberText(m[1] ?? ''), yuan: m[2] === '元' };
}

/** The digit a letter stands for where OCR or hurried typing gives the letter (「O」 for 0, 「l」 or 「I」 for 1). */
const LETTER_DIGIT: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };
const LETTER_FIGURE = /^[\dOoIl]*[OoIl][\dOoIl]*$/;
const CHINESE_NUMERAL = /^[〇零一二三四五六七八九十百千两]+$/;

/**
 * A word printed in a figure's place that is no figure, and what it is (for V-NUM): a letter for a digit (「O」,
 * 「1O」, 「l」) or a numeral in Chinese characters (「十一」, 「〇」). null for any other word. The importer takes such
 * a word as the row's cell it stands in, not as a piece of the label.
 */
export function figureLookalike(word: string): string | null {
  if (CHINESE_NUMERAL.test(word)) return '是汉字数字，不是阿拉伯数字';
  if (!LETTER_FIGURE.test(word)) return null;
  const letters = [...new Set(word.replace(/\d/g, ''))];
  const digits = [...new Set(letters.map((l) => LETTER_DIGIT[l]))];
  return `${/\d/.test(word) || letters.length > 1 ? '含' : '是'}字母 ${letters.join('、')}，不是数字 ${digits.join('、')}`;
}

export function parseCell(raw: string | number | null | undefined, kind: CellKind): ParsedCell {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, kind);
  if (kind === 'text') {
    const t = raw.trim();
    if (t.length > 200) return { ok: false, message: '内容过长（最多 200 个字符）' };
    return { ok: true, value: t === '' ? null : t };
  }
  const text = normaliseNumberText(raw);
  if (kind === 'amount') return parseAmount(text, raw);
  const s = kind === 'count' || kind === 'signed' ? stripCountUnit(text) : text;
  if (s === '') return { ok: true, value: null };
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) {
    if (/^[+-]?\d+\.\d+$/.test(s)) return { ok: false, message: `「${clip(raw)}」含小数，此处应填写整数件数` };
    // (OCR and hurried typing give the letter for the digit)
    const want = kind === 'signed' ? '整数（可为负数）' : '非负整数';
    const lookalike = figureLookalike(s);
    return { ok: false, message: `「${clip(raw)}」${lookalike ?? '不是数字'}，请填写${want}` };
  }
  return checkNumber(Number(`${m[1] ?? ""}${m[2] ?? ""}`), kind);
}

/** An amount in 万元; one written in 元 is converted exactly, or refused when 万元 would need too many decimals. */
function parseAmount(text: string, raw: string): ParsedCell {
  const { digits, yuan } = splitAmountUnit(text);
  if (digits === '') return { ok: true, value: null };
  const m = /^\+?(\d+(?:\.\d+)?)$/.exec(digits);
  if (!m) {
    if (/^-/.test(digits)) return { ok: false, message: '金额不能为负数' };
    return { ok: false, message: `「${clip(raw)}」不是有效的金额，请填写数字（单位：万元），如 21613.91` };
  }
  const wan = yuan ? yuanToWan(m[1] ?? '') : (m[1] ?? '');
  if ((wan.split('.')[1] ?? '').length > AMOUNT_MAX_DECIMALS) {
    if (yuan) return { ok: false, message: `「${clip(raw)}」以元为单位，换算为 ${wan} 万元超过 ${AMOUNT_MAX_DECIMALS} 位小数，无法精确保存；请按万元填写` };
    return { ok: false, message: `金额最多保留 ${AMOUNT_MAX_DECIMALS} 位小数` };
  }
  return checkNumber(Number(wan), 'amount');
}

function checkNumber(n: number, kind: CellKind): ParsedCell {
  if (!Number.isFinite(n)) return { ok: false, message: '数值无效（超出范围）' };
  if (kind === 'text') return { ok: true, value: String(n) };
  if (kind === 'amount') {
    if (n < 0) return { ok: false, message: '金额不能为负数' };
    if (n > COUNT_MAX) return { ok: false, message: '金额超出合理范围' };
    return { ok: true, value: n };
  }
  if (!Number.isInteger(n)) return { ok: false, message: '此处应填写整数' };
  if (Math.abs(n) > COUNT_MAX) return { ok: false, message: '数值超出合理范围' };
  if (kind === 'count' && n < 0) return { ok: false, message: '件数不能为负数' };
  return { ok: true, value: n };
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 12 ? `${t.slice(0, 12)}…` : t;
}

/** Display a stored value the way a clerk would type it back. */
export function formatCellValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return String(v);
  // Shortest round-trip decimal, never exponent notation for sane amounts.
  return String(Number(v.toFixed(AMOUNT_MAX_DECIMALS)));
}
