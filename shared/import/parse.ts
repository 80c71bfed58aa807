/**
 * A published report (as lines of text, with table rows of DOCX/HTML sources marked) → the report as
 * published, with every doubt listed. Pure: no Node, no DOM.
 */
import { FORMAT_2019, FORMAT_2021, SECTIONS, type FormatId, type SectionKey } from '../report/format.js';
import type { Cells, Level, Report, Sections } from '../report/model.js';
import { readActive, readApply, readReview, type TableRead } from './tables.js';
import { basicNormalise, editDistance, labelKey, tokenise, type SourceDocument, type SourceLine } from './text.js';
import type { Uncertain } from './result.js';
import { MAX_SECTION_CHARS } from '../schema/draft.js';

export interface ParsedReport {
  report: Report;
  uncertain: Uncertain[];
}

const ORDINALS = ['一', '二', '三', '四', '五', '六'];
const ORDINAL_RE = /^(?:第)?([一二三四五六])(?:部分)?\s*[、.．，,:：\s]\s*/;

interface Heading {
  line: number;
  /** run-in text after the heading on the same line */
  rest: string;
}

function headingName(k: number): string {
  return (SECTIONS[k]?.heading ?? '').slice(2);
}

/** Is this line the heading of section k? Returns the run-in remainder, or null. */
function matchHeading(raw: string, k: number): string | null {
  const text = basicNormalise(raw).trim();
  if (text === '' || text.length > 120) return null;
  const name = headingName(k);
  const nameKey = labelKey(name);
  const m = ORDINAL_RE.exec(text);
  if (m && m[1] !== ORDINALS[k]) return null;
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
  if (best > Math.max(1, Math.floor(n * 0.25))) {
    // Worded differently (「四、因政府信息公开申请行政复议、提起行政诉讼的情况」): a short line with the
    // right ordinal that holds most of the heading's characters in order.
    if (!m || bodyKey.length > n + 12 || /[。，,]/.test(body) || lcs(nameKey, bodyKey) < n * 0.75) return null;
    return '';
  }
  if (bodyKey.length <= bestLen + 1) return '';
  // A list of the six parts in one line (a preface or table of contents) is not a heading.
  if (/[二三四五六][、.．]/.test(body.slice(0, name.length + 12))) return null;
  // Run-in heading: the text after the heading's last characters.
  const tail = name.slice(-2);
  const at = body.indexOf(tail);
  if (at < 0 || at > bestLen + 6) return bodyKey.length - bestLen > 8 ? null : '';
  return body.slice(at + tail.length).replace(/^[\s:：。.]+/, '');
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

function findHeadings(lines: readonly SourceLine[]): (Heading | null)[] {
  const out: (Heading | null)[] = [];
  let cursor = 0;
  for (let k = 0; k < SECTIONS.length; k++) {
    let found: Heading | null = null;
    for (let i = cursor; i < lines.length; i++) {
      const line = lines[i];
      if (!line || line.table !== undefined) continue;
      const rest = matchHeading(line.text, k);
      if (rest !== null) {
        found = { line: i, rest };
        break;
      }
    }
    out.push(found);
    if (found) cursor = found.line + 1;
  }
  return out;
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
    const joiner = cur !== '' && /[A-Za-z0-9]$/.test(cur) && /^[A-Za-z0-9]/.test(line) ? ' ' : '';
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

// ---------------------------------------------------------------------------------------------
// Dates, signature, contact

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function cnNumber(s: string): number | null {
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

// ---------------------------------------------------------------------------------------------
// Title, organ, year

const PLACE_END = /(?:县|市|区|旗|州|盟|省|自治区|自治州|自治县|镇|乡|街道)$/;

function organFromTitle(title: string): string | null {
  const t = basicNormalise(title).replace(/\s+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  const withYear = /^(.*?)(?:\d{4}|[〇零一二三四五六七八九]{4})年度?/.exec(t);
  let prefix = withYear ? withYear[1] : undefined;
  if (prefix === undefined) {
    const at = t.indexOf('政府信息公开');
    prefix = at >= 0 ? t.slice(0, at) : undefined;
  }
  if (!prefix) return null;
  return prefix.replace(/关于$/, '');
}

function levelOf(organ: string): Level {
  return /(?:人民政府|政府)$/.test(organ) && !/办公室$/.test(organ) ? 'government' : 'department';
}

// ---------------------------------------------------------------------------------------------

const CUES_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第(九)项', '政府集中采购', '其他对外管理服务事项', '采购总金额'];
const CUES_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];

function cueCount(text: string, cues: readonly string[]): number {
  return cues.filter((c) => text.includes(labelKey(c))).length;
}

/** A section's text is at most what a draft holds. */
function clipSection(text: string, name: string, uncertain: Uncertain[]): string {
  if (text.length <= MAX_SECTION_CHARS) return text;
  uncertain.push({ target: 'source', name, reason: `「${name}」的正文超过 ${MAX_SECTION_CHARS} 字，超出部分未导入，请核对` });
  return text.slice(0, MAX_SECTION_CHARS);
}

export const MAX_LINES = 20_000;
export const MAX_LINE_CHARS = 10_000;
const PAGE_NUMBER = /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

export function parsePublished(doc: SourceDocument): ParsedReport {
  // Page numbers and running footers of printed pages (「— 3 —」, 「第 3 页 共 9 页」, 「3/9」) are not content.
  // A report has a few thousand lines of a few hundred characters: more is cut (bounded time).
  const cut = doc.lines.length > MAX_LINES || doc.lines.some((l) => l.text.length > MAX_LINE_CHARS);
  const lines = doc.lines.slice(0, MAX_LINES).map((l) => {
    if (l.text.length > MAX_LINE_CHARS) l = { ...l, text: l.text.slice(0, MAX_LINE_CHARS) };
    const text = basicNormalise(l.text);
    return l.table === undefined && PAGE_NUMBER.test(text) ? { text: '' } : { ...l, text };
  });
  const uncertain: Uncertain[] = [];
  if (cut) uncertain.push({ target: 'source', name: '原文', reason: `原文过长（超过 ${MAX_LINES} 行或单行超过 ${MAX_LINE_CHARS} 字），超出部分未读取，请核对` });
  const headings = findHeadings(lines);
  SECTIONS.forEach((s, k) => {
    if (!headings[k]) uncertain.push({ target: `sections.${s.key}`, name: s.heading, reason: `未在原文中找到标题「${s.heading}」，本部分内容可能缺失或归入了相邻部分，请核对` });
  });
  const firstHeading = headings.find((h) => h)?.line ?? lines.length;

  // Region of each section: from its heading to the next found heading.
  const region = (k: number): [number, number] | null => {
    const h = headings[k];
    if (!h) return null;
    let end = lines.length;
    for (let j = k + 1; j < headings.length; j++) {
      const n = headings[j];
      if (n) {
        end = n.line;
        break;
      }
    }
    return [h.line + 1, end];
  };

  // --- front matter: title, subtitle, preface
  const front: number[] = [];
  for (let i = 0; i < firstHeading; i++) if (lines[i] && lines[i]!.text.trim() !== '' && lines[i]!.table === undefined) front.push(i);
  // The title: the first short line with 「报告」 (web pages put navigation before it), with the line
  // before it when the title is broken over two lines (「…工作年」/「度报告」, 「机关名称」/「2024年…报告」).
  let titleParts: string[] = [];
  let titleEnd = -1;
  let titleStart = 0;
  for (let k = 0; k < Math.min(40, front.length); k++) {
    const t = (lines[front[k] ?? 0]?.text ?? '').trim();
    if (t.length <= 60 && /报告/.test(t) && !/[。；;]/.test(t)) {
      titleEnd = k;
      titleStart = k;
      titleParts = [t];
      for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
        const p = (lines[front[j] ?? 0]?.text ?? '').trim();
        const joined = p + titleParts.join('');
        if (p.length > 40 || /[。，,；;：:]/.test(p) || joined.length > 70) break;
        // Take it when the title so far lacks 「政府信息公开」, or the line is an organ's name or ends mid-word.
        const incomplete = !/政府信息公开/.test(titleParts.join(''));
        if (incomplete || /^[^\d]*[县市区旗州盟省镇乡局委办厅院署会室府]$/.test(p) || /[年工作]$/.test(p)) {
          titleParts.unshift(p);
          titleStart = j;
        } else break;
      }
      break;
    }
  }
  if (titleEnd < 0) titleParts = [];
  if (titleStart > 0) uncertain.push({ target: 'title', name: '标题', reason: `标题之前有 ${titleStart} 行其他文字（如网页导航），已略去，请核对` });
  let subtitle = '';
  const afterTitle = front[titleEnd + 1];
  if (titleEnd >= 0 && afterTitle !== undefined) {
    const t = (lines[afterTitle]?.text ?? '').trim();
    if (/^[（(]\s*\d{4}\s*年度?\s*[）)]$/.test(t)) subtitle = t;
  }
  const prefaceStart = titleEnd + 1 + (subtitle ? 1 : 0);
  const prefaceLines = front.slice(prefaceStart).map((i) => lines[i]?.text ?? '');
  const mainTitle = titleParts.join('').replace(/\s+/g, ' ').trim();
  const title = (mainTitle + (subtitle ? `（${subtitle.replace(/[（()）\s]/g, '')}）` : '')).replace(/\s+/g, '');
  if (!title) uncertain.push({ target: 'title', name: '标题', reason: '未能识别报告标题（应在正文之前，含「报告」二字），请填写' });

  // --- sections' raw lines, and the signature / contact at the end
  const sectionLines: Partial<Record<SectionKey, number[]>> = {};
  SECTIONS.forEach((s, k) => {
    const r = region(k);
    if (!r) return;
    const idx: number[] = [];
    for (let i = r[0]; i < r[1]; i++) idx.push(i);
    sectionLines[s.key] = idx;
  });

  // --- tables
  const tokensOf = (key: SectionKey, fallback: [number, number]): ReturnType<typeof tokenise> => {
    const k = SECTIONS.findIndex((s) => s.key === key);
    const r = region(k) ?? fallback;
    return tokenise(lines, r[0], r[1]);
  };
  const all: [number, number] = [0, lines.length];
  const activeTokens = tokensOf('active', all);
  const activeKey = labelKey(activeTokens.map((t) => (t.type === 'text' ? t.text : ' ')).join(''));
  const c2019 = cueCount(activeKey, CUES_2019);
  const c2021 = cueCount(activeKey, CUES_2021);

  // Year first (format may depend on it when the table says nothing).
  const frontText = [mainTitle, subtitle, ...prefaceLines].join('\n');
  let year: number | null = null;
  let yearSure = true;
  const ty = /(\d{4})\s*年/.exec(basicNormalise(mainTitle)) ?? /(\d{4})\s*年/.exec(subtitle);
  if (ty) year = Number(ty[1]);
  const cy = year === null ? /([〇零一二三四五六七八九]{4})\s*年/.exec(mainTitle + subtitle) : null;
  if (cy?.[1]) year = cnNumber(cy[1]);
  if (year === null) {
    const p = /统计期限为\s*(\d{4})\s*年/.exec(frontText) ?? /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*至\s*\1\s*年\s*12\s*月\s*31\s*日/.exec(lines.map((l) => l.text).join(''));
    if (p) year = Number(p[1]);
  }

  let format: FormatId;
  if (c2019 > c2021) format = '2019';
  else if (c2021 > c2019) format = '2021';
  else {
    format = year !== null && year < 2021 ? '2019' : '2021';
    uncertain.push({ target: 'format', name: '报告格式', reason: `未能从表二的表头判断格式，已按年度按「${format === '2019' ? '2019年格式' : '2021年格式'}」读取，请核对` });
  }
  const formatDef = format === '2019' ? FORMAT_2019 : FORMAT_2021;

  const activeRead = readActive(activeTokens, formatDef.activeGroups);
  const applyRead = readApply(tokensOf('requests', all), true, format === '2021');
  const reviewTokens = tokensOf('review', all).filter((t) => !/[。]/.test(lines[t.line]?.text ?? ''));
  const reviewRead = readReview(reviewTokens);
  if (format === '2021' && !applyRead.otherSplit && applyRead.found > 0) {
    uncertain.push({
      target: 'apply.other.total',
      name: '三、（六）其他处理',
      reason: '原文表三的「（六）其他处理」只有一行（2019年格式的写法），已按原样保留为一行，未拆分为三项；请按2021年格式分项填写',
      cells: ['apply.other.natural', 'apply.other.total'],
    });
  }
  const reads: TableRead[] = [activeRead, applyRead, reviewRead];
  const cells: Cells = {};
  for (const r of reads) {
    Object.assign(cells, r.cells);
    uncertain.push(...r.uncertain);
  }

  // Lines that belong to tables (left out of the narrative).
  const tableLines = new Set<number>();
  lines.forEach((l, i) => {
    if (l.table !== undefined) tableLines.add(i);
  });
  const tableCue: Record<string, RegExp> = {
    active: /第二十条|信息内容/,
    requests: /勾稽关系|本列数据|申请人情况/,
    review: /^[^。，]*(行政复议|行政诉讼)[^。，]*$/,
  };
  const markTable = (key: SectionKey, read: TableRead): void => {
    const idx = sectionLines[key];
    if (!idx || !read.lines) return;
    let [a, b] = read.lines;
    const cue = tableCue[key];
    for (const i of idx) {
      if (i >= a) break;
      const t = lines[i]?.text ?? '';
      if (cue && cue.test(t) && !/。/.test(t)) {
        a = i;
        break;
      }
    }
    for (let i = a; i <= b; i++) tableLines.add(i);
  };
  markTable('active', activeRead);
  markTable('requests', applyRead);
  markTable('review', reviewRead);

  // --- signature and contact: the last lines of the document
  let signature: { organ?: string; date?: string } | undefined;
  let contact: { name?: string; phone?: string } | undefined;
  const lastSection = sectionLines.other ?? [];
  const removed = new Set<number>();
  const tail = lastSection.filter((i) => (lines[i]?.text ?? '').trim() !== '' && !tableLines.has(i));
  for (let k = tail.length - 1; k >= Math.max(0, tail.length - 6); k--) {
    const i = tail[k] ?? 0;
    const t = (lines[i]?.text ?? '').trim();
    const iso = parseChineseDate(t);
    const joined = /^(.{2,40}?)\s+(\S+年\S+月\S+日)$/.exec(t);
    if (iso || (joined && parseChineseDate(joined[2] ?? ''))) {
      const date = iso ?? parseChineseDate(joined?.[2] ?? '') ?? undefined;
      signature = { date };
      removed.add(i);
      if (joined && !iso) signature.organ = (joined[1] ?? '').trim();
      else {
        const prev = tail[k - 1];
        const pt = prev !== undefined ? (lines[prev]?.text ?? '').trim() : '';
        if (prev !== undefined && pt.length <= 40 && !/[。，,；;：:]/.test(pt) && !CONTACT_RE.test(pt)) {
          signature.organ = pt.replace(/\s+/g, '');
          removed.add(prev);
        }
      }
      break;
    }
  }
  for (const i of lastSection) {
    const t = lines[i]?.text ?? '';
    if (CONTACT_RE.test(t) && t.trim().length <= 80) {
      const c = parseContact(t);
      if (c.name || c.phone) {
        contact = { ...contact, ...c };
        removed.add(i);
      }
    }
  }
  if (!signature) uncertain.push({ target: 'signature', name: '落款', reason: '未在文末找到落款（发文机关署名和成文日期），请填写' });

  // --- narrative
  const sections: Sections = {};
  const pre = reflow(prefaceLines);
  if (pre) sections.preface = clipSection(pre, '前言', uncertain);
  SECTIONS.forEach((s, k) => {
    const h = headings[k];
    const idx = sectionLines[s.key];
    if (!h || !idx) return;
    const texts: string[] = [];
    if (h.rest) texts.push(h.rest);
    for (const i of idx) if (!tableLines.has(i) && !removed.has(i)) texts.push(lines[i]?.text ?? '');
    const body = reflow(texts);
    if (body) sections[s.key] = clipSection(body, s.heading, uncertain);
  });

  // --- year (fallbacks), organ, level
  if (year === null) {
    const sigYear = signature?.date ? Number(signature.date.slice(0, 4)) - 1 : null;
    const counts = new Map<number, number>();
    for (const l of lines) for (const m of l.text.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    year = sigYear ?? common ?? new Date().getFullYear() - 1;
    yearSure = false;
    uncertain.push({ target: 'year', name: '年度', reason: `标题中没有年度，按${sigYear ? '成文日期的上一年' : '正文中最常出现的年份'}推定为 ${year} 年，请核对` });
  }
  if (year < 2008 || year > 2100) {
    uncertain.push({ target: 'year', name: '年度', reason: `识别出的年度 ${year} 不在有效范围内，请核对` });
    year = Math.min(2100, Math.max(2008, year));
  }
  let organ = title ? organFromTitle(title) : null;
  if (organ && PLACE_END.test(organ)) {
    const full = `${organ}人民政府`;
    uncertain.push({ target: 'organ', name: '机关名称', reason: `标题中只有地名「${organ}」，机关名称按「${full}」填写，请核对` });
    organ = full;
  }
  if (!organ) {
    organ = signature?.organ ?? null;
    uncertain.push({ target: 'organ', name: '机关名称', reason: organ ? `标题中未找到机关名称，按落款「${organ}」填写，请核对` : '未能识别机关名称，请填写' });
  }
  if (yearSure && format === '2019' && year >= 2021) {
    uncertain.push({ target: 'format', name: '报告格式', reason: `${year} 年度的报告使用了2019年格式的表格，已按原样读取，请改用2021年格式` });
  }

  const report: Report = { format, year, cells, sections };
  if (organ) {
    report.organ = organ;
    report.level = levelOf(organ);
    if (!/(?:政府|局|委员会|委|办公室|办|厅|院|署|中心|所|站|队|处|部|社|馆|会|室)$/.test(organ)) {
      uncertain.push({ target: 'level', name: '机关类别', reason: `无法从机关名称「${organ}」判断是人民政府还是部门，已按部门处理（影响发布期限和考核评议等要求），请核对` });
    }
  }
  if (title) report.title = title;
  if (signature) report.signature = signature;
  if (contact) report.contact = contact;
  return { report, uncertain };
}
