/**
 * A published report (as lines of text, with table rows of DOCX/HTML sources marked) → the report as
 * published, with every doubt listed. Pure: no Node, no DOM. Each part of the document is read by its own
 * module: front matter (front.ts), sections (sections.ts), tables (documentTables.ts), 落款 (signature.ts).
 */
import { SECTIONS, formatIdForYear } from '../report/format.js';
import type { PrintedForm, Report, Sections } from '../report/model.js';
import { readDocumentTables } from './documentTables.js';
import { commonYear, fallbackYear, organAndLevel, readFront, yearOfFront, type FrontMatter } from './front.js';
import type { Uncertain } from './result.js';
import { clipSection, cutHeadingAtEnd, findHeadings, printedHeadings, reflow, sectionLines, splitRunTogether, type Heading } from './sections.js';
import { findSignature, pageFooterLines } from './signature.js';
import { settleByDomain } from './tableDomain.js';
import { settleByText } from './tableText.js';
import { basicNormalise, dropPinyinGlosses, isPageFooterLine, normaliseIdeographs, type SourceDocument, type SourceLine } from './text.js';
import { isTraditional, toSimplified } from './traditional.js';

export interface ParsedReport {
  report: Report;
  uncertain: Uncertain[];
}

export const MAX_LINES = 20_000;
export const MAX_LINE_CHARS = 10_000;
const PAGE_NUMBER = /^\s*(?:[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

/**
 * The lines as the parser reads them: in simplified characters (traditional.ts), pinyin glosses dropped, normalised;
 * page numbers and running footers of printed pages (「— 3 —」, 「第 3 页 共 9 页」, 「3/9」) left out; markdown heading marks (「## 一、总体情况」) and bold marks
 * around a whole line dropped. A report has a few thousand lines of a few hundred characters: more is cut.
 */
function cleanLines(doc: SourceDocument, uncertain: Uncertain[]): SourceLine[] {
  const cut = doc.lines.length > MAX_LINES || doc.lines.some((l) => l.text.length > MAX_LINE_CHARS);
  if (cut) uncertain.push({ target: 'source', name: '原文', reason: `原文过长（超过 ${MAX_LINES} 行或单行超过 ${MAX_LINE_CHARS} 字），超出部分未读取，请核对` });
  const kept = doc.lines.slice(0, MAX_LINES);
  const traditional = isTraditional(kept.map((l) => l.text.slice(0, MAX_LINE_CHARS)).join('\n'));
  if (traditional) uncertain.push({ target: 'source', name: '原文', reason: '原文是繁体字，已转换为简体字读取，请核对正文和表格' });
  // (radicals standing for ideographs made ordinary first: 「⾨」 is a traditional 門 only once it is one)
  const script = (s: string) => dropPinyinGlosses(traditional ? toSimplified(normaliseIdeographs(s)) : s);
  return kept.flatMap((l) => {
    const text = basicNormalise(script(l.text.length > MAX_LINE_CHARS ? l.text.slice(0, MAX_LINE_CHARS) : l.text));
    if (l.table !== undefined) return [{ ...l, text, ...(l.cells ? { cells: l.cells.map(script) } : {}) }];
    // left out, not blanked: a page's fold can fall inside a table saved one cell per line, where an empty line is an empty cell
    if (PAGE_NUMBER.test(text)) return [];
    return [{ text: text.replace(/^\s*#{1,6}\s+/, '').replace(/^(\s*)\*\*(.+)\*\*\s*$/, '$1$2') }];
  });
}

/** Each section's narrative: its lines less tables, 落款 and contact, joined into paragraphs. */
function narrative(lines: readonly SourceLine[], front: FrontMatter, headings: readonly (Heading | null)[], leftOut: (i: number) => boolean, uncertain: Uncertain[]): Sections {
  const sections: Sections = {};
  const pre = reflow(front.prefaceLines);
  if (pre) sections.preface = clipSection(pre, '前言', uncertain);
  const spans = sectionLines(headings, lines.length);
  SECTIONS.forEach((s, k) => {
    const h = headings[k];
    const idx = spans[s.key];
    if (!h || !idx) return;
    const texts = h.rest ? [h.rest] : [];
    for (const i of idx) if (!leftOut(i)) texts.push(lines[i]?.text ?? '');
    const body = reflow(texts);
    if (body) sections[s.key] = clipSection(body, s.heading, uncertain);
  });
  return sections;
}

export function parsePublished(doc: SourceDocument): ParsedReport {
  const uncertain: Uncertain[] = [];
  const lines = splitRunTogether(cleanLines(doc, uncertain));
  const headings = findHeadings(lines);
  SECTIONS.forEach((s, k) => {
    if (!headings[k]) uncertain.push({ target: `sections.${s.key}`, name: s.heading, reason: `未在原文中找到标题「${s.heading}」，本部分内容可能缺失或归入了相邻部分，请核对` });
  });
  const front = readFront(lines, headings.find((h) => h)?.line ?? lines.length, uncertain);
  // (the page's own lines, 「上一篇：某县2022年…报告」, name no year of this report)
  const reportLines = lines.filter((l) => !isPageFooterLine(l.text));
  let year = yearOfFront(front, reportLines.map((l) => l.text).join(''));
  // with no year at the head, the format of a report without table 二 follows the year its text names most
  const tables = readDocumentTables(lines, headings, year ?? commonYear(reportLines), uncertain);
  // the 落款 ends the last section printed (六, or 五 when 六 was left out), or the text when it prints none
  const spans = sectionLines(headings, lines.length);
  const last = [...SECTIONS].reverse().map((s) => spans[s.key]).find((idx) => idx !== undefined) ?? lines.map((_, i) => i);
  const pageFooter = pageFooterLines(lines, last);
  const end = findSignature(lines, last.filter((i) => !pageFooter.has(i)), tables.tableLines);
  if (!end.signature && front.dateline) {
    // the date under the title is the 成文日期 (F-DATE judges it); the organ's signature is not printed
    end.signature = { date: front.dateline };
    uncertain.push({ target: 'signature', name: '落款', reason: '文末没有落款，成文日期取自标题下括注的日期，请核对' });
  } else if (!end.signature) uncertain.push({ target: 'signature', name: '落款', reason: '未在文末找到落款（发文机关署名和成文日期），请填写' });
  if (headings.every((h) => !h)) {
    // no heading printed: the text is all 前言, and its 落款 and contact are no part of it
    const removed = new Set([...end.removed].map((i) => lines[i]?.text));
    front.prefaceLines = front.prefaceLines.filter((t) => !removed.has(t));
  }
  const cut = cutHeadingAtEnd(lines, headings);
  if (cut) uncertain.push({ target: `sections.${cut.key}`, name: cut.heading, reason: `原文在标题「${cut.heading}」处中断（节选或网页存档不全），此后各部分缺失，请对照原文补全` });
  const sections = narrative(lines, front, headings, (i) => tables.tableLines.has(i) || end.removed.has(i) || pageFooter.has(i) || i === cut?.line, uncertain);

  const yearSure = year !== null;
  year ??= fallbackYear(reportLines, end.signature?.date, tables.format, uncertain);
  if (year < 2008 || year > 2100) {
    uncertain.push({ target: 'year', name: '年度', reason: `识别出的年度 ${year} 不在有效范围内，请核对` });
    year = Math.min(2100, Math.max(2008, year));
  }
  if (yearSure && tables.format === '2019' && formatIdForYear(year) === '2021') {
    uncertain.push({ target: 'format', name: '报告格式', reason: `${year} 年度的报告使用了2019年格式的表格，已按原样读取，请改用2021年格式` });
  }
  const body = Object.values(sections).join('\n');
  const report: Report = { format: tables.format, year, cells: tables.cells, sections, ...organAndLevel(front.title, end.signature?.organ, uncertain, front.byline, body) };
  settleByText(report.cells, tables.unsettled, body, year, uncertain);
  settleByDomain(report.cells, tables.unsettled, uncertain);
  if (front.title) report.title = front.title;
  if (end.signature) report.signature = end.signature;
  if (end.contact) report.contact = end.contact;
  const printed: PrintedForm = { headings: printedHeadings(headings, lines) };
  if (tables.oldLabels.length) printed.oldLabels = tables.oldLabels;
  if (tables.sumsNotAddingUp.length) printed.sumsNotAddingUp = tables.sumsNotAddingUp;
  const unread = uncertain.filter((u) => u.unread).flatMap((u) => u.cells ?? [u.target]).filter((k) => report.cells[k] === null);
  if (unread.length) printed.unread = [...new Set(unread)];
  const invalid = uncertain.flatMap((u) => (u.invalid !== undefined && report.cells[u.target] === null ? [{ cell: u.target, printed: u.invalid }] : []));
  if (invalid.length) printed.invalid = invalid;
  const unplaced = uncertain.filter((u) => u.unplaced).map((u) => u.target).filter((k) => typeof report.cells[k] === 'number');
  if (unplaced.length) printed.unplaced = [...new Set(unplaced)];
  const blankUnplaced = tables.blankUnplaced.filter((row) => row.some((k) => report.cells[k] === null));
  if (blankUnplaced.length) printed.blankUnplaced = blankUnplaced;
  report.printed = printed;
  return { report, uncertain };
}
