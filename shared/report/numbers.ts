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

/** Drop the unit people type after amounts and counts: 「588万元」, 「12件」. */
function stripUnit(s: string, kind: CellKind): string {
  if (kind === 'amount') return s.replace(/\s*万?元$/, '');
  if (kind === 'count' || kind === 'signed') return s.replace(/\s*(件|个|条|项|次)$/, '');
  return s;
}

export function parseCell(raw: string | number | null | undefined, kind: CellKind): ParsedCell {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, kind);
  if (kind === 'text') {
    const t = raw.trim();
    if (t.length > 200) return { ok: false, message: '内容过长（最多 200 个字符）' };
    return { ok: true, value: t === '' ? null : t };
  }
  const s = stripUnit(normaliseNumberText(raw), kind);
  if (s === '') return { ok: true, value: null };
  if (kind === 'amount') {
    const m = /^\+?(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) {
      if (/^-/.test(s)) return { ok: false, message: '金额不能为负数' };
      return { ok: false, message: `「${clip(raw)}」不是有效的金额，请填写数字（单位：万元），如 21613.91` };
    }
    if ((m[2] ?? '').length > AMOUNT_MAX_DECIMALS) return { ok: false, message: `金额最多保留 ${AMOUNT_MAX_DECIMALS} 位小数` };
    return checkNumber(Number(s.replace(/^\+/, '')), kind);
  }
  const m = /^([+-]?)(\d+)$/.exec(s);
  if (!m) {
    if (/^[+-]?\d+\.\d+$/.test(s)) return { ok: false, message: `「${clip(raw)}」含小数，此处应填写整数件数` };
    return { ok: false, message: `「${clip(raw)}」不是数字，请填写${kind === 'signed' ? '整数（可为负数）' : '非负整数'}` };
  }
  return checkNumber(Number(`${m[1] ?? ""}${m[2] ?? ""}`), kind);
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
