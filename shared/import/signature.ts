/**
 * The end of a published report: the 落款 (发文机关署名 and 成文日期) and the contact line, and the Chinese
 * dates and numbers they are written in.
 */
import type { Report } from '../report/model.js';
import { basicNormalise, isPageFooterLine, type SourceLine } from './text.js';

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「2024」, 「二〇二四」, 「十二」, 「二十五」 → the number, or null. */
export function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if ([...s].every((c) => c in CN_DIGITS) && s.length === 4) return Number([...s].map((c) => CN_DIGITS[c]).join(''));
  // 十, 十二, 二十, 二十五, 三十一
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? (CN_DIGITS[m[1]] ?? 0) : 1) * 10 + (m[2] ? (CN_DIGITS[m[2]] ?? 0) : 0);
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s] ?? null;
  return null;
}

const DATE_RE = /^([0-9]{4}|[〇零一二三四五六七八九Ｏo]{4})\s*年\s*([0-9]{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*月\s*([0-9]{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*日$/;

/** 「2025年2月25日」/「二〇二五年二月二十五日」 → `2025-02-25`, or null. */
export function parseChineseDate(text: string): string | null {
  const m = DATE_RE.exec(basicNormalise(text).trim());
  if (!m) return null;
  const y = cnNumber(m[1] ?? '');
  const mo = cnNumber(m[2] ?? '');
  const d = cnNumber(m[3] ?? '');
  if (y === null || mo === null || d === null || mo < 1 || mo > 12 || d < 1 || d > 31 || y < 2000 || y > 2100) return null;
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ? null : iso;
}

const CONTACT_RE = /联系人|联系电话|咨询电话|联系方式/;

function parseContact(text: string): { name?: string; phone?: string } {
  const t = basicNormalise(text);
  const out: { name?: string; phone?: string } = {};
  const name = /联系人\s*[:：]?\s*([\u4e00-\u9fff·]{2,5}?)(?=[\s,，;；、)）]|电话|联系|\d|$)/.exec(t);
  if (name?.[1]) out.name = name[1];
  const phone = /(?<!\d)(1[3-9]\d{9}|(?:0\d{2,3}[-－—\s]?)?\d{7,8}(?:[-－转]\d{1,5})?)(?!\d)/.exec(t);
  if (phone?.[1]) out.phone = phone[1];
  return out;
}

/** A date written in figures as a 落款 or 版记 prints it (「2022年1月13日」, 「2022年1月13 日」 from a text conversion). */
export const FIGURE_DATE = String.raw`\d{4}\s?年\d{1,2}\s?月\d{1,2}\s?日`;
/** The 版记's 「某某办公室 2022年1月13日印发」 (印发机关和印发日期). */
export const ISSUED_LINE = String.raw`\S{2,40}\s?${FIGURE_DATE}\s?印发`;

/** The 附注 under the 落款 (「（此件主动公开）」). */
export const NOTE_LINE = String.raw`[（(]此件[^）)]{0,8}[）)]`;

/** The 版记 after the 落款 (「抄送：…」, 「某某办公室 2022年1月13日印发」), the 附注 and a page's 「来源：…」 line. */
const RECORD_LINE = new RegExp(String.raw`^\s*(?:抄送|来源)\s*[:：]|^${ISSUED_LINE}\s*$|^\s*${NOTE_LINE}\s*$`);

/** Lines of the last section from the 版记 or the web page's footer on: never report text. */
export function pageFooterLines(lines: readonly SourceLine[], lastSection: readonly number[]): Set<number> {
  const at = lastSection.findIndex((i) => {
    const t = lines[i]?.text ?? '';
    return lines[i]?.table === undefined && (isPageFooterLine(t) || (t.length <= 200 && RECORD_LINE.test(t)));
  });
  return new Set(at < 0 ? [] : lastSection.slice(at));
}

export interface SignatureRead {
  signature?: NonNullable<Report['signature']>;
  contact?: NonNullable<Report['contact']>;
  /** lines that were the 落款 or the contact (left out of the narrative) */
  removed: Set<number>;
}

/** A date ending a line, its parts at most a few characters each (bounded: never backtracks across a long line). */
const TRAILING_DATE = /(?:[0-9]{4}|[〇零一二三四五六七八九Ｏo]{4})\s{0,2}年\s{0,2}[0-9一二三十]{1,3}\s{0,2}月\s{0,2}[0-9一二三四五六七八九十]{1,3}\s{0,2}日$/;

/**
 * 「某某县人民政府办公室　2025年2月25日」: the organ and the date on one line — the date at the end (spaces inside it
 * as a text conversion leaves them: 「2022年1月13 日」), the organ the 2–40 characters before it, with or without a
 * space between (「…财政金融局2023年1月4日」). Only the last 60 characters are searched.
 */
function organAndDate(line: string): { organ: string; date: string } | null {
  const tail = line.trimEnd();
  if (tail.length > 60) return null;
  const m = TRAILING_DATE.exec(tail);
  if (!m) return null;
  const organ = tail.slice(0, m.index).trim();
  if (organ.length < 2 || organ.length > 40 || /[。，,；;：:]/.test(organ)) return null;
  const date = parseChineseDate(m[0]);
  return date ? { organ: organ.replace(/\s+/g, ''), date } : null;
}

/** The 落款 among the last lines of the last section (date last, organ on the line before or the same line), and the contact. */
export function findSignature(lines: readonly SourceLine[], lastSection: readonly number[], tableLines: ReadonlySet<number>): SignatureRead {
  const removed = new Set<number>();
  const text = (i: number | undefined): string => (i === undefined ? '' : (lines[i]?.text ?? '').trim());
  const tail = lastSection.filter((i) => text(i) !== '' && !tableLines.has(i));
  let signature: SignatureRead['signature'];
  for (let k = tail.length - 1; k >= Math.max(0, tail.length - 6); k--) {
    const i = tail[k] ?? 0;
    const t = text(i);
    // a date a PDF broke anywhere after its year (「2020」/「年1月2日」, 「2024年」/「1月29日」, 「2024 年 1 月 29」/「日」) is read whole
    const rest = tail[k + 1];
    const broken = /^\d{4}\s*年?[\d\s月]*$/.test(t) && rest !== undefined ? parseChineseDate(t + text(rest)) : null;
    const iso = broken ?? parseChineseDate(t);
    const joined = iso ? null : organAndDate(t);
    if (!iso && !joined) continue;
    signature = { date: iso ?? joined?.date };
    removed.add(i);
    if (broken && rest !== undefined) removed.add(rest);
    if (joined) signature.organ = joined.organ;
    else {
      const prev = tail[k - 1];
      const pt = text(prev);
      if (prev !== undefined && pt.length <= 40 && !/[。，,；;：:]/.test(pt) && !CONTACT_RE.test(pt)) {
        signature.organ = pt.replace(/\s+/g, '');
        removed.add(prev);
      }
    }
    break;
  }
  let contact: SignatureRead['contact'];
  for (const i of lastSection) {
    const t = lines[i]?.text ?? '';
    if (!CONTACT_RE.test(t) || t.trim().length > 80) continue;
    const c = parseContact(t);
    if (c.name || c.phone) {
      contact = { ...contact, ...c };
      removed.add(i);
    }
  }
  const out: SignatureRead = { removed };
  if (signature) out.signature = signature;
  if (contact) out.contact = contact;
  return out;
}
