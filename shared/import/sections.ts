/**
 * The six sections of a published report: finding each heading (numbered, worded a little differently,
 * run in with its first paragraph), the lines each section spans, and joining wrapped lines into paragraphs.
 */
import { FORMAT_2019, FORMAT_2021, SECTIONS, type SectionKey } from '../report/format.js';
import type { PrintedForm } from '../report/model.js';
import { MAX_SECTION_CHARS } from '../schema/draft.js';
import { FIGURE_DATE, ISSUED_LINE, NOTE_LINE } from './signature.js';
import { basicNormalise, editDistance, labelKey, type SourceLine } from './text.js';
import type { Uncertain } from './result.js';

const ORDINALS = ['一', '二', '三', '四', '五', '六'];
/** A section number as printed; 七 and 八 too (a report that added parts numbers its last ones past 六). */
const ORDINAL_RE = /^(?:第)?([一二三四五六七八])(?:部分)?\s*[、.．，,:：\s]\s*/;

export interface Heading {
  line: number;
  /** the heading as printed (numbering included, run-in text left out) */
  printed: string;
  /** run-in text after the heading on the same line */
  rest: string;
}

function headingName(k: number): string {
  return (SECTIONS[k]?.heading ?? '').slice(2);
}

/** What a page's list markup left of a heading's number (「、总体情况」, 「- 总体情况」, 「• 一、总体情况」). */
const LOST_NUMBER = /^[、\-–—•·●▪*]\s*(?=[^\s、\-–—•·●▪*])/;

/** A dash that stands for the numeral 一 before 「、」 (they look alike): 「—、总体情况」. */
const DASH_FOR_ONE = /^[—－―](?=\s*、)/;

/** Is this line the heading of section k? Returns the run-in remainder, or null. */
function matchHeading(raw: string, k: number): string | null {
  // (a dash typed for 一 「—、总体情况」 is section 一's number; F-SECTIONS says the heading isn't verbatim)
  const text = basicNormalise(raw).trim().replace(LOST_NUMBER, '').replace(DASH_FOR_ONE, '一');
  if (text.length > 120) return matchRunIn(text, k);
  if (text === '') return null;
  const name = headingName(k);
  const nameKey = labelKey(name);
  const m = ORDINAL_RE.exec(text);
  // Another number (「二、收到和处理政府信息公开申请情况」 printed twice as 二): only with the heading's own words.
  const otherNumber = m !== null && m[1] !== ORDINALS[k];
  const body = m ? text.slice(m[0].length) : text;
  const bodyKey = labelKey(body);
  if (!m && bodyKey !== nameKey) return null;
  const n = nameKey.length;
  let best = Infinity;
  let bestLen = n;
  for (let len = Math.max(1, n - 3); len <= n + 3; len++) {
    const d = editDistance(nameKey, bodyKey.slice(0, len));
    if (d < best || (d === best && len === n)) {
      best = d;
      bestLen = len;
    }
  }
  if (otherNumber && best > 1) return null;
  if (best > Math.max(1, Math.floor(n * 0.25))) {
    // Worded differently (「四、因政府信息公开申请行政复议、提起行政诉讼的情况」): a short line with the
    // right ordinal that holds most of the heading's characters in order.
    // (a full stop closing the line is the heading's own: 「一、区发改局信息公开总体情况概述。」)
    if (!m || otherNumber || bodyKey.length > n + 12 || /[。，,]/.test(body.replace(/[。.]\s*$/, '')) || lcs(nameKey, bodyKey) < n * 0.75) return null;
    return '';
  }
  if (bodyKey.length <= bestLen + 1) return '';
  // A list of the six parts in one line (a preface or table of contents) is not a heading.
  if (/[二三四五六][、.．]/.test(body.slice(0, name.length + 12))) return null;
  // Run-in heading: the text after the heading's last characters.
  const tail = name.slice(-2);
  const at = body.indexOf(tail);
  if (at < 0 || at > bestLen + 6) return bodyKey.length - bestLen > 8 ? null : '';
  const after = body.slice(at + tail.length);
  // a note in brackets is the heading's own (「二、主动公开政府信息情况（有关情况附表）」); 「（一）」 starts the text
  const note = HEADING_NOTE.exec(after);
  return after.slice(note ? note[0].length : 0).replace(/^[\s:：。.]+/, '');
}

/** A bracketed note printed after a heading's words (no number in it: 「（一）」 is the first sub-heading of the text). */
const HEADING_NOTE = /^\s*[（(][^）)\d一二三四五六七八九十]{2,12}[）)]/;

/** A long line is a heading only when numbered and run in with its first paragraph (「一、总体情况。2024年，…」). */
function matchRunIn(text: string, k: number): string | null {
  if (!ORDINAL_RE.test(text)) return null;
  const head = text.slice(0, 60);
  const rest = matchHeading(head, k);
  if (!rest) return null;
  return text.slice(head.length - rest.length);
}

function lcs(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** A line this long is a page stored as one line of text, not a paragraph. */
export const RUN_TOGETHER_CHARS = 1000;
/** Shorter than this, a line is never a page stored as one line (a heading with a sentence after it is not). */
const RUN_TOGETHER_SHORTEST = 200;

/**
 * A page stored as one long line (「…编制完成本报告。一、总体情况2022年，我局… 二、主动公开政府信息情况 第二十条…」):
 * the line is cut before and after each section heading found in it, in order, so each section (and its table)
 * starts on a line of its own. Other lines are kept as they are.
 */
export function splitRunTogether(lines: readonly SourceLine[]): SourceLine[] {
  return lines.flatMap((l) => {
    if (l.table !== undefined || l.text.length < RUN_TOGETHER_SHORTEST) return [l];
    const { pieces, headings } = splitAtHeadings(l.text);
    // a shorter line is one only when two section headings stand in it (an excerpt of a page crawled as one line)
    return l.text.length >= RUN_TOGETHER_CHARS || headings >= 2 ? pieces.map((text) => ({ text })) : [l];
  });
}

/**
 * A heading worded differently in a one-line crawl (「五、存在的主要问题及明年工作计划2024年，我局…」,
 * 「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况行政复议…」): its right number, then words up to a heading's
 * last word (情况、概况、事项、措施、计划、打算) that hold most of the canonical heading's characters in order. Its run-in text
 * is returned, so the line is cut there (a table before it no longer runs into the prose after it).
 */
function reworded(window: string, k: number): string | null {
  // any number: the caller tries a misnumbered heading as the section expected next
  const m = /^[一二三四五六七八][、.．]/.exec(window);
  if (!m) return null;
  const body = window.slice(m[0].length);
  const nameKey = labelKey(headingName(k));
  for (const end of body.matchAll(HEADING_END)) {
    const head = body.slice(0, end.index + end[0].length);
    const key = labelKey(head);
    if (key.length > nameKey.length + 12 || /[。，,；;]/.test(head)) break;
    if (lcs(nameKey, key) >= nameKey.length * REWORDED_SHARE) return body.slice(head.length);
  }
  return null;
}

/** The words a section heading ends with. */
const HEADING_END_WORDS = ['情况', '概况', '事项', '措施', '计划', '打算'];
const HEADING_END = new RegExp(HEADING_END_WORDS.join('|'), 'g');
/** How much of the canonical heading a reworded one keeps, in order (「存在的问题及改进措施」 keeps 8 of 12). */
const REWORDED_SHARE = 0.6;

/** An organ's name (2–40 characters of Chinese, brackets allowed) before a 落款's date. */
const ORGAN_WORDS = '[\\u4e00-\\u9fff（）()]{2,40}';

/**
 * Where a one-line crawl (the blocks of a page joined with a space) starts a new line, so the 落款, the 版记 and each
 * table stand on their own lines.
 */
const BLOCK_BREAK = new RegExp(
  [
    String.raw`(?<=。)\s+`, // a sentence's end before a space
    String.raw`(?<=。)(?=行政复议\s*行政诉讼|第二十条第|（本列数据|申请人情况)`, // a table's header right after a sentence
    String.raw`(?<=^(?:暂无|无)。?)(?=${ORGAN_WORDS}\s?\d{4}\s?年)`, // 六's 「无」 glued to the 落款's organ (「无某某局 2020年1月2日」)
    String.raw`(?<=。)(?=${ORGAN_WORDS}\s?${FIGURE_DATE}(?:\s.{0,60})?$)`, // the 落款 glued to the last sentence (「…处理费。某某局　2024年1月26日」)
    String.raw`\s+(?=抄送[:：]|来源[:：]|附件下载|[（(]联系人|${NOTE_LINE})`, // the 版记, a page's source line, a contact, the 附注
    String.raw`\s+(?=${ORGAN_WORDS}\s?${FIGURE_DATE}(?:\s|$))`, // the 落款 after a last word (「…事项无 某某局 2020年1月17日」)
    String.raw`\s+(?=${ISSUED_LINE})`, // 「某某办公室 2022年1月13日印发」 after the 落款
    String.raw`(?<=\d)\s*(?=[五六][、.．])`, // table 四's last figure run into the next heading, however worded (「…0 0五、政府信息公开存在的…」)
  ].join('|'),
);

/** The line cut at each section heading found in it (and at block breaks), and how many headings were found. */
function splitAtHeadings(text: string): { pieces: string[]; headings: number } {
  const cuts: number[] = [];
  let next = 0;
  for (const m of text.matchAll(/[一二三四五六七八][、.．]/g)) {
    if (next >= ORDINALS.length) break;
    const numbered = '一二三四五六七八'.indexOf(m[0][0] ?? '');
    // the section its number says, else the next one expected (numbered wrongly: a part added or left out before it)
    const candidates = numbered > next && numbered < ORDINALS.length ? [numbered, next] : [next];
    const window = text.slice(m.index, m.index + 60).trimEnd();
    for (const k of candidates) {
      const rest = matchHeading(window, k) ?? reworded(window, k);
      // Only a heading whose end is known (run-in text after it) is cut out; one at the very end too.
      if (rest === null || (rest === '' && m.index + window.length < text.trimEnd().length)) continue;
      cuts.push(m.index, m.index + window.length - rest.length);
      next = k + 1;
      break;
    }
  }
  const pieces = [0, ...cuts].map((from, i) => text.slice(from, cuts[i] ?? text.length));
  return { pieces: pieces.flatMap((p) => p.split(BLOCK_BREAK)).map((t) => t.trim()).filter((t) => t !== ''), headings: cuts.length / 2 };
}

/** The heading as printed: the line without its run-in text (and the colon or full stop before it). */
function printedHeading(line: string, rest: string): string {
  const text = basicNormalise(line).trim().replace(LOST_NUMBER, '');
  const head = rest && text.endsWith(rest) ? text.slice(0, text.length - rest.length) : text;
  return head.replace(/[\s:：。.]+$/, '').trim();
}

/** The section number a line starts with (a dash typed for 一 included), if any. */
function numberOf(raw: string): string | undefined {
  return ORDINAL_RE.exec(basicNormalise(raw).trim().replace(DASH_FOR_ONE, '一'))?.[1];
}

/** Each section's heading, in order (null when not found). */
export function findHeadings(lines: readonly SourceLine[]): (Heading | null)[] {
  const out: (Heading | null)[] = [];
  let cursor = 0;
  for (let k = 0; k < SECTIONS.length; k++) {
    let found: Heading | null = null;
    // (a heading printed without its number — 「总体情况」, 「- 总体情况」 — gives way to the numbered one further on: a
    // bulleted table of contents in the preface is no section)
    let unnumbered: Heading | null = null;
    // (and a heading's words under another number — a point of part 一 numbered 「三、主动公开政府信息情况。…」 — give
    // way to the heading under its own number further on; with none, it is the heading, misnumbered)
    let misnumbered: Heading | null = null;
    for (let i = cursor; i < lines.length; i++) {
      const line = lines[i];
      if (!line || line.table !== undefined) continue;
      const rest = matchHeading(line.text, k);
      if (rest === null) continue;
      const heading = { line: i, rest, printed: printedHeading(line.text, rest) };
      const number = numberOf(line.text);
      if (number === ORDINALS[k]) {
        found = heading;
        break;
      }
      if (number) misnumbered ??= heading;
      else unnumbered ??= heading;
    }
    found ??= misnumbered ?? unnumbered;
    out.push(found);
    if (found) cursor = found.line + 1;
  }
  return fillRenamed(lines, out);
}

/** Every label printed in the tables (「四、结转下年度继续办理」 is a row of table 三, not section 四's heading). */
const TABLE_TEXTS = new Set([FORMAT_2019, FORMAT_2021].flatMap((f) => f.tables.flatMap((t) => t.rows.flat().map((c) => labelKey(c.text ?? '')))));

/** How a part worded otherwise ends (「…基本概况」「…工作情况」「…概述」「二、主动公开情况」「…有关事项」). */
const PART_NAME = new RegExp(`(?:${[...HEADING_END_WORDS, '概述', '综述'].join('|')})$`);

/**
 * A heading worded otherwise (「一、工作概况」 for 「一、总体情况」): between the headings found around it, a short line
 * with its number and nothing but a name (no sentence) is taken as it — F-SECTIONS judges the wording.
 */
function fillRenamed(lines: readonly SourceLine[], found: readonly (Heading | null)[]): (Heading | null)[] {
  const filled: (Heading | null)[] = [];
  found.forEach((h, k) => filled.push(h ?? renamedHeading(lines, filled, found.slice(k + 1), k)));
  return filled;
}

/** Section k's heading worded otherwise, between the headings before it (filled so far) and the next one found. */
function renamedHeading(lines: readonly SourceLine[], before: readonly (Heading | null)[], after: readonly (Heading | null)[], k: number): Heading | null {
  const from = ([...before].reverse().find((x) => x)?.line ?? -1) + 1;
  // With no heading found after it (an excerpt, or every later heading worded otherwise), only the part next after
  // the last one found, named as a part is: 一 as any overview (「一 、政府信息公开工作的基本概况」), a later one in
  // mostly its own words (「二、主动公开情况」 after 「一、概述」, not an older format's 「二、组织领导和制度建设情况」)
  const next = after.find((x) => x)?.line;
  const to = next ?? (k === 0 || before[k - 1] ? lines.length : undefined);
  if (to === undefined) return null;
  const named = next === undefined ? (text: string) => PART_NAME.test(text) && (k === 0 || inOwnWords(text, k)) : null;
  // (a year may stand in the name: 「一、2023年工作开展情况」)
  const re = new RegExp(`^(?:第)?${ORDINALS[k] ?? ''}(?:部分)?\\s*[、.．]\\s*(?:\\d{4}年度?)?[\\u4e00-\\u9fff、（）()]{2,20}$`);
  for (let i = from; i < to; i++) {
    const l = lines[i];
    const text = basicNormalise(l?.text ?? '').trim();
    if (l && l.table === undefined && re.test(text) && (!named || named(text)) && !TABLE_TEXTS.has(labelKey(text))) return { line: i, rest: '', printed: text };
  }
  return null;
}

/** A numbered name most of whose characters are section k's heading's, in order (at least four). */
function inOwnWords(numbered: string, k: number): boolean {
  const key = labelKey(numbered.replace(ORDINAL_RE, ''));
  return lcs(labelKey(headingName(k)), key) >= Math.max(4, key.length * REWORDED_SHARE);
}

/**
 * The headings as printed, for F-SECTIONS (the preface has none). A heading on the text's last line that is the start
 * of its canonical one (「三、收到和处理政府信息公开申请」) is an excerpt cut within it: how it goes on is not known.
 */
export function printedHeadings(headings: readonly (Heading | null)[], lines: readonly SourceLine[]): NonNullable<PrintedForm['headings']> {
  const out: NonNullable<PrintedForm['headings']> = {};
  const lastLine = lastTextLine(lines);
  SECTIONS.forEach((s, k) => {
    const h = headings[k];
    if (!h) return;
    const printed = h.printed.replace(/\s+/g, '');
    if (h.line === lastLine && h.rest.trim() === '' && printed.length < s.heading.length && s.heading.startsWith(printed)) return;
    out[s.key] = h.printed;
  });
  return out;
}

/**
 * The text's last line where it is a heading cut off (an excerpt or a stored page ending within 「三、收到和处理政府信息公」):
 * the start, number and six characters or more, of a heading not found. It is no sentence of the section above.
 */
export function cutHeadingAtEnd(lines: readonly SourceLine[], headings: readonly (Heading | null)[]): { line: number; key: SectionKey; heading: string } | null {
  const last = lastTextLine(lines);
  const text = (lines[last]?.text ?? '').replace(/\s+/g, '');
  const k = SECTIONS.findIndex((s, i) => !headings[i] && text.length >= 8 && text.length < s.heading.length && s.heading.startsWith(text));
  const section = SECTIONS[k];
  return section ? { line: last, key: section.key, heading: section.heading } : null;
}

/** The index of the text's last line with words (−1 for none). */
function lastTextLine(lines: readonly SourceLine[]): number {
  let last = lines.length - 1;
  while (last >= 0 && (lines[last]?.text ?? '').trim() === '') last--;
  return last;
}

/** The line indices of each found section: from the line after its heading to the next found heading. */
export function sectionLines(headings: readonly (Heading | null)[], lineCount: number): Partial<Record<SectionKey, number[]>> {
  const out: Partial<Record<SectionKey, number[]>> = {};
  SECTIONS.forEach((s, k) => {
    const r = sectionRegion(headings, k, lineCount);
    if (!r) return;
    const idx: number[] = [];
    for (let i = r[0]; i < r[1]; i++) idx.push(i);
    out[s.key] = idx;
  });
  return out;
}

/** Lines [from, to) of section k, or null when its heading wasn't found. */
export function sectionRegion(headings: readonly (Heading | null)[], k: number, lineCount: number): [number, number] | null {
  const h = headings[k];
  if (!h) return null;
  const next = headings.slice(k + 1).find((n) => n);
  return [h.line + 1, next ? next.line : lineCount];
}

/** Join wrapped lines into paragraphs: a paragraph ends at 。！？；：, a short line, or a new numbered item. */
export function reflow(lines: readonly string[]): string {
  const clean = lines.map((l) => basicNormalise(l).replace(/\s+$/, '').replace(/^\s+/, ''));
  const nonEmpty = clean.filter((l) => l !== '');
  if (nonEmpty.length === 0) return '';
  const lengths = nonEmpty.map((l) => l.length).sort((a, b) => a - b);
  const typical = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  const paragraphs: string[] = [];
  let cur = '';
  for (const line of nonEmpty) {
    if (cur !== '' && /^[（(][一二三四五六七八九十]+[）)]/.test(line) && /[。！？；：:）)]$/.test(cur)) {
      paragraphs.push(cur);
      cur = '';
    }
    // a line break between two Latin words is a space; in Chinese text, or inside a number (「〔20」/「21〕30号」), none
    const joiner = cur !== '' && /[A-Za-z]$/.test(cur) && /^[A-Za-z]/.test(line) ? ' ' : '';
    cur += joiner + line;
    const short = typical >= 20 && line.length < typical * 0.7;
    if (/[。！？；：:]$/.test(line) || short) {
      paragraphs.push(cur);
      cur = '';
    }
  }
  if (cur !== '') paragraphs.push(cur);
  return paragraphs.join('\n');
}

/** A section's text is at most what a draft holds. */
export function clipSection(text: string, name: string, uncertain: Uncertain[]): string {
  if (text.length <= MAX_SECTION_CHARS) return text;
  uncertain.push({ target: 'source', name, reason: `「${name}」的正文超过 ${MAX_SECTION_CHARS} 字，超出部分未导入，请核对` });
  return text.slice(0, MAX_SECTION_CHARS);
}
