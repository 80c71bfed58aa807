/**
 * The front matter of a published report: its own printed heading (the title — never a web page's <title>,
 * metadata line or breadcrumb), the organ as the title prints it (never completed by guesswork), the
 * year, and the preface lines before 「一、总体情况」.
 */
import { FIRST_YEAR_OF_2021_FORMAT } from '../report/format.js';
import { organNamedInTitle, TITLE_YEAR, withoutBracketedOrgan, type Level, type Report } from '../report/model.js';
import { levelBySelfReference, organLevel } from '../report/level.js';
import type { Uncertain } from './result.js';
import { brokenOffSentence, goesOnWithSentence } from './layoutProse.js';
import { cnNumber, parseChineseDate } from './signature.js';
import { ownTitleYear, periodYear } from '../rules/textYears.js';
import { basicNormalise, NAVIGATION, PAGE_FIELD, type SourceLine } from './text.js';

export interface FrontMatter {
  /** the title as printed, spacing removed, with a 「（2024年度）」 subtitle appended; '' when none */
  title: string;
  mainTitle: string;
  subtitle: string;
  /** lines between the title and the first section heading */
  prefaceLines: string[];
  /** the organ printed on a line of its own under a title that names none (「2025年政府信息公开工作年度报告」/「区数据局」) */
  byline?: string;
  /** the date printed in brackets under the title (「（2026年1月13日）」, as some provinces set it), ISO */
  dateline?: string;
}

/** A date in brackets on its own line under a title: the report's 成文日期 set as a 题注. */
const DATELINE = /^[（(]\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*[）)]$/;

/**
 * How an organ's or a place's name ends (「…机关」「…局」「…县」「…工作站」, or its other name in brackets); a page's words
 * above a heading don't (「二维码」「企业图册」「搜本站」「返回顶部」). The one spelling of it here.
 */
// (「佳荣里街」: a 街道 as Tianjin names it)
const ORGAN_END = /(?:[县市区旗州盟省镇乡街局委办厅院署会室府处所队社）)]|(?<![本全网])站|中心|街道|机关|公司)$/;
/** The last word of an organ's name, never a name alone (「中心」, 「办公室」): a heading's line that starts with it goes on from the line above. */
const NAME_END_ALONE = /^(?:中心|服务中心|局|委|办|政府|人民政府|办公室|委员会|管委会|管理委员会|街道|办事处|街道办事处)$/;
/** A line that is only an organ's name: short, no punctuation or figures, ending like one (「区数据局」, 「某局（某办）」). */
function isOrganLine(t: string): boolean {
  return /^[\u4e00-\u9fff（）()]{2,30}$/.test(t) && ORGAN_END.test(t);
}

/** A site's tag before an article's heading (「【图文】」「【公告】」). */
const PAGE_TAG = /^【[\u4e00-\u9fff]{1,4}】\s*/;
/** List markers a saved page keeps before its lines (「• 某某局2025年…报告」). */
const BULLET = /^[•·●○■□◆◇▪▫‣⁃]\s*/;
/** A heading spaced out one character at a time (「某 县 2 0 2 3 年 政 府 信 息 …」, a PDF's letter-spaced title line). */
const LETTER_SPACED = /^(?:[^\s]\s{1,2}){7,}[^\s]$/u;

/** The line as its words read: a letter-spaced line closed up. */
function closedUp(text: string): string {
  return LETTER_SPACED.test(text) ? text.replace(/\s+/g, '') : text;
}
/** A markdown table row's outer borders (「| 某县…报告 |」) trimmed off; a row of nothing but borders is empty. */
function withoutCellBorders(text: string): string {
  // (a loop, not a regex anchored at the end: that one is retried from every position of a long line of 「| | |」)
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === '|' || /\s/.test(text[start] ?? ''))) start++;
  while (end > start && (text[end - 1] === '|' || /\s/.test(text[end - 1] ?? ''))) end--;
  return text.slice(start, end);
}

/**
 * A web page's metadata line (「标题：…」, 「索引号：…」, 「发布日期：…」), or the tail of one wrapped at the margin
 * (「公室 访问次数:218」), or a field printed with no separator (「标题2023年政府信息公开工作年度报告」): never the report's own heading.
 */
const METADATA_LINE = new RegExp(
  String.raw`^\s*[\u4e00-\u9fff]{2,6}\s*[:：]|^\s*${PAGE_FIELD}(?:\s|(?=[\d\u4e00-\u9fff]))|^[^\s。；;，,]{1,12}\s+(?:访问次数|浏览次数|点击(?:数|量)|来源|作者|发布时间|日期)\s*[:：]`,
);
/** A page title with the site's name after it (「…年度报告_XX县人民政府网」, 「… - 中国XX」, 「…|XX门户网站」). */
const SITE_SUFFIX = /[_|｜]|\s[-–—－]\s|[-–—－]\s*中国|(?:网|网站|门户)$/;
/** The date, source and share buttons a page prints under its heading (「时间：2023-01-09 10:07 微信 微博 QQ空间」). */
const PAGE_TOOLS = /^(?:\s*【?(?:(?:发布)?时间|日期|来源|作者|浏览次数|字号|字体)[:：]\s*[^\s】]*】?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\s*(?:微信|微博|QQ\s*空间|分享到?|打印|关闭|全真版|文字版|文件下载|【?[大中小]】?))+/;
/** A site's column of reports, never one report's heading (「政府信息公开年报」, 「乡镇政府信息公开年度报告」, 「部门信息公开年报」). */
const SITE_COLUMN = /^(?:(?:政府)?信息公开年报|(?:各|全[县市区])?(?:(?:乡镇(?:街道)?|镇街|街镇|区县|县区|县市区|市县|市直|县直|区直)(?:部门|单位)?|部门|单位)(?:政府)?信息公开(?:工作)?年(?:度报告|报))$/;
const YEAR_IN = TITLE_YEAR;
const SUBTITLE = /^[（(]\s*\d{4}\s*年度?\s*[）)]$/;

/** Words of a sentence, never of a heading: a line of prose wrapped by a PDF or a crawler holds them (「…年度报告》，所列数据…」). */
const PROSE_IN_LINE = /[。；;:：，,、《〈<]|^[)）》」】]|以下简称/;

/** A site's note of which version of the report the page holds (「…年度报告(含图解)」「…（文字版）」): no part of its title. */
const VERSION_NOTE = /\s*[（(]\s*(?:含图解|附图解|图解|文字版|图文版|全文|简版|正式版|修订版|更正版)\s*[）)]\s*$/;

/** Could this line be (the last line of) the report's own heading? */
function isTitleLine(t: string): boolean {
  // a heading ends in 「报告」 (or a misprint of it, 「…工作告年度报」), perhaps with its year in brackets; a wrapped line stops anywhere
  // (or the organ in brackets after it: 「2024年政府信息公开工作年度报告(上海市某镇人民政府)」)
  const bare = withoutBracketedOrgan(t.replace(VERSION_NOTE, '').replace(/\s+/g, ''));
  const ends = /(?:报告|年报|告年度报)(?:[（(]\d{4}年度?[）)])?$/.test(bare);
  return t.length <= 60 && ends && /报告|信息公开(?:工作)?年报|告年度报/.test(t) && !PROSE_IN_LINE.test(t) && !SITE_SUFFIX.test(t) && !NAVIGATION.test(t) && !METADATA_LINE.test(t);
}

interface TitleAt {
  parts: string[];
  /** index in `front` of its first and last line */
  start: number;
  end: number;
}

/** A line that is a heading of this report by itself, but for its organ: 「2022年政府信息公开工作年度报告」. */
function headingNamingYear(t: string): boolean {
  return isTitleLine(t) && YEAR_IN.test(t) && /信息公开/.test(t) && organFromTitle(t) === null;
}

/** Two headings naming the same year (a site's list title and the report's own heading). */
function sameYear(a: string, b: string): boolean {
  return /(\d{4})\s*年/.exec(a)?.[1] === /(\d{4})\s*年/.exec(b)?.[1];
}

/** The title ending at front line k, with the line(s) before it when the title is broken (「…工作年」/「度报告」, 「机关名称」/「2024年…报告」). */
function titleEndingAt(front: readonly string[], k: number, offset = 0): TitleAt {
  const parts = [front[k] ?? ''];
  let start = k;
  for (let j = k - 1; j >= Math.max(0, k - 2); j--) {
    // Complete once an organ stands before the year (a page header repeating the organ above stays out) — unless the
    // organ read is only the end of a name the margin broke (「…政务服务」/「中心2023年…」)
    const organSoFar = organFromTitle(parts.join(''));
    if (YEAR_IN.test(parts.join('')) && organSoFar && !NAME_END_ALONE.test(organSoFar)) break;
    const p = front[j] ?? '';
    const joined = p + parts.join('');
    // a page header printing the heading's organ again (「左贡县人民政府」 above 「左贡县人民政府2021年度」/「信息公开年度报告」)
    if (p.trim() !== '' && parts.join('').replace(/\s+/g, '').startsWith(p.replace(/\s+/g, ''))) break;
    if (p.length > 40 || /[。，,；;：:]/.test(p) || joined.length > 70 || SITE_SUFFIX.test(p) || NAVIGATION.test(p)) break;
    // Take it when the title so far lacks 「政府信息公开」, or the line is an organ's name or ends mid-word.
    const incomplete = !/政府信息公开/.test(parts.join(''));
    // a heading that starts with its year (「2024年政府信息公开工作年度报告」) names no organ: a line of only the organ's words
    // above it is its first line, perhaps with the year before them (「2025年昆都仑区」 / 「政府信息公开工作年度报告」)
    // (a word of the page above it, 「二维码」「企业图册」「服务对象」, names no organ: it isn't joined)
    const organAbove = organFromTitle(parts.join('')) === null && /^(?:\d{4}\s*年度?)?[\u4e00-\u9fff（）()]{2,30}$/.test(p) && ORGAN_END.test(p);
    // a year broken by the margin (「…卫生健康办公室202」/「3年政府信息公开工作年度报告」, 「…街道2023」/「年政府…」)
    const yearBroken = /\d$/.test(p) && /^\d{0,3}\s*年/.test(parts[0] ?? '');
    // a name broken by the margin (「…综合服务」/「中心2020年度…」)
    const nameBroken = organSoFar !== null && NAME_END_ALONE.test(organSoFar) && /^[\u4e00-\u9fff（）()]{2,30}$/.test(p);
    if (incomplete || organAbove || yearBroken || nameBroken || (!/\d/.test(p) && ORGAN_END.test(p)) || /(?:[年工作]|年度|关于)$/.test(p)) {
      parts.unshift(p);
      start = j;
    } else break;
  }
  return { parts, start: start + offset, end: k + offset };
}

/**
 * A piece of a wrapped sentence that happens to read as a heading (「…要求,现公布」 / 「某乡人民政府2022年政府信息公开工作
 * 年度报告」 / 「。」): the line before it is running text broken mid-sentence, or the line after it goes on with the sentence.
 */
function insideSentence(front: readonly string[], k: number): boolean {
  const before = front[k - 1] ?? '';
  return (brokenOffSentence(before) && !METADATA_LINE.test(before) && !NAVIGATION.test(before)) || goesOnWithSentence(front[k + 1] ?? '');
}

/** A heading naming neither year nor organ: a site's column (「政府信息公开年报」), or a report's heading with its organ on the next line. */
function namesNothing(front: readonly string[], at: TitleAt): boolean {
  const t = at.parts.join('');
  return !YEAR_IN.test(t) && !SUBTITLE.test(front[at.end + 1] ?? '') && organFromTitle(t) === null;
}

/** The report's own heading among the lines before the first section: the first one naming a year, else the first one at all. */
export function readFront(lines: readonly SourceLine[], firstHeading: number, uncertain: Uncertain[]): FrontMatter {
  const front: string[] = [];
  for (let i = 0; i < firstHeading; i++) {
    const l = lines[i];
    // (a markdown row's outer borders are no site suffix: 「某县人民政府2022年…年度报告 |」 is a page's heading in its layout table)
    const text = closedUp(withoutCellBorders(l?.text.trim().replace(BULLET, '') ?? ''));
    // a site's tag before the heading (「【图文】某局2022年…报告」) is no part of it
    const untagged = text.replace(PAGE_TAG, '');
    if (l && l.table === undefined && text !== '') front.push(untagged !== text && isTitleLine(untagged) ? untagged : text);
  }
  let chosen: TitleAt | null = null;
  let yearOnly: TitleAt | null = null;
  for (let k = 0; k < Math.min(60, front.length); k++) {
    if (!isTitleLine(front[k] ?? '') || insideSentence(front, k)) continue;
    const at = titleEndingAt(front, k);
    // a page's menu or metadata ending in 「报告」 (「体裁分类」/「报告」) is no heading: every report's title names 信息公开
    if (!/信息公开|政务公开/.test(at.parts.join('')) || SITE_COLUMN.test(at.parts.join('').replace(/\s+/g, ''))) continue;
    const withYear = YEAR_IN.test(at.parts.join('')) || SUBTITLE.test(front[k + 1] ?? '');
    // (a heading naming its organ goes before a site's column heading above it: 「乡镇政府信息公开年度报告」 / 「某街道办事处政府…」)
    if (!chosen || (namesNothing(front, chosen) && !namesNothing(front, at))) chosen = at;
    if (!withYear) continue;
    // A page's own heading without the organ (「2022年政府信息公开工作年度报告」) above the report's heading that names it
    if (organFromTitle(at.parts.join(''))) {
      // a page's article title straight above the report's own heading (「2020年某区政府信息公开工作年度报告」 /
      // 「某区政府2020年信息公开工作年度报告」): the heading nearest the text is the report's
      const below = front[k + 1] ?? '';
      const own = isTitleLine(below) && YEAR_IN.test(below) && organFromTitle(below) !== null;
      // or that heading broken after its organ (「某镇人民政府」 / 「2022年政府信息公开工作年度报告」)
      const ownBroken = !own && isOrganLine(below) && headingNamingYear(front[k + 2] ?? '') && sameYear(at.parts.join(''), front[k + 2] ?? '');
      chosen = own ? titleEndingAt(front, k + 1) : ownBroken ? titleEndingAt(front, k + 2) : at;
      yearOnly = null;
      break;
    }
    yearOnly ??= at;
  }
  if (yearOnly) chosen = yearOnly;
  // Only a site's column heading (「政府信息公开年报」) found: the report's heading may lead a one-line crawl or sit in its breadcrumb.
  if (!chosen || namesNothing(front, chosen)) {
    const leading = titleLeadingLine(front);
    if (leading) return leading;
    const embedded = titleInNavigation(front);
    if (embedded) {
      uncertain.push({ target: 'title', name: '标题', reason: `标题「${embedded.title}」取自网页导航行（原文没有单独的标题行），请核对` });
      const prefaceLines = [...(embedded.after ? [embedded.after] : []), ...front.slice(embedded.line + 1)];
      return { title: embedded.title, mainTitle: embedded.title, subtitle: '', prefaceLines };
    }
  }
  if (!chosen) {
    uncertain.push({ target: 'title', name: '标题', reason: '未能识别报告标题（应在正文之前，含「报告」二字），请填写' });
    return { title: '', mainTitle: '', subtitle: '', prefaceLines: front };
  }
  chosen = reportHeadingBelow(front, chosen);
  if (chosen.start > 0) uncertain.push({ target: 'title', name: '标题', reason: `标题之前有 ${chosen.start} 行其他文字（如网页导航），已略去，请核对` });
  const next = front[chosen.end + 1] ?? '';
  const subtitle = SUBTITLE.test(next) ? next : '';
  const mainTitle = chosen.parts.join('').replace(VERSION_NOTE, '').replace(/\s+/g, ' ').trim();
  const title = (mainTitle + (subtitle ? `（${subtitle.replace(/[（()）\s]/g, '')}）` : '')).replace(/\s+/g, '');
  const prefaceLines = front.slice(chosen.end + 1 + (subtitle ? 1 : 0));
  // (the page's date and tools line may stand between the heading and the organ's line under it)
  const bylineAt = prefaceLines.findIndex((l) => !isPageToolsLine(l));
  const byline = organFromTitle(title) === null && bylineAt >= 0 && isOrganLine(prefaceLines[bylineAt] ?? '') ? prefaceLines.splice(bylineAt, 1)[0] : undefined;
  const dated = DATELINE.exec((prefaceLines[0] ?? '').trim());
  const dateline = dated?.[1] ? parseChineseDate(dated[1]) : null;
  if (dateline) prefaceLines.shift();
  return { title, mainTitle, subtitle, prefaceLines, ...(byline ? { byline } : {}), ...(dateline ? { dateline } : {}) };
}

/** A line of the page's date, source and share tools, or of its metadata (「发布时间：… 字号：[大 中 小] 打印」, 「索引号：…」). */
function isPageToolsLine(line: string): boolean {
  return METADATA_LINE.test(line) || (PAGE_TOOLS.test(line) && line.replace(PAGE_TOOLS, '').trim() === '');
}

/**
 * A web page's article heading, then its date, font and share tools, then the report's own heading (「河包镇2020年政府
 * 信息公开工作年度报告」 / 「日期:…」「字体:…」「分享:」 / 「河包镇政府信息公开工作年度报告」): the report's own heading is the title.
 */
function reportHeadingBelow(front: readonly string[], chosen: TitleAt): TitleAt {
  let k = chosen.end + 1;
  let tools = 0;
  while (k < front.length && isPageToolsLine(front[k] ?? '')) {
    tools++;
    k++;
  }
  if (tools === 0) return chosen;
  // the report's heading, perhaps broken after the organ (「定州市庞村镇」/「2024政府信息公开工作年度报告」)
  // a page's button left between its tools and the heading (「返回顶部」) is passed over
  if (/^[\u4e00-\u9fff]{2,8}$/.test(front[k] ?? '') && !ORGAN_END.test(front[k] ?? '') && isTitleLine(front[k + 1] ?? '')) k++;
  const first = front[k] ?? '';
  if (isTitleLine(first) && /信息公开/.test(first)) return titleEndingAt(front.slice(k), 0, k);
  const second = front[k + 1] ?? '';
  // 「某某局」 or 「某某局2019年」 above 「政府信息公开工作年度报告」
  // (or the heading broken after its year, mid-word: 「某某管理2023年政府」 / 「信息公开工作年度报告」)
  const organLine =
    first.length <= 40 &&
    !/[。，,；;：:]/.test(first) &&
    ((/^[^\d]*[\u4e00-\u9fff]$/.test(first) && ORGAN_END.test(first)) || /^[^\d]{2,30}\d{4}\s*年度?$/.test(first) || (/^[^\d]{2,30}\d{4}\s*年/.test(first) && isTitleLine(first + second)));
  // (a line naming the heading's organ again is no part of it: 「全州县政务办」 above 「全州县2022年…」 is the tail of a wrapped
  // 「来源:」 line, while 「某某管理委员会」 above 「卫生健康办公室2023年…」 is the heading's first line)
  // (nor is an organ's line above a heading that starts with its year and names its organ: 「秦淮区人民政府」 /
  // 「2020年秦淮区文化和旅游局政府信息公开工作年度报告」)
  const organ = organFromTitle(second);
  const complete = organ !== null && new RegExp(`^${YEAR_IN.source}`).test(second);
  if (organLine && isTitleLine(second) && /信息公开/.test(second)) return organ && (first.includes(organ) || complete) ? titleEndingAt(front.slice(k + 1), 0, k + 1) : { parts: [first, second], start: k, end: k + 1 };
  return chosen;
}

/**
 * A one-line crawl of a page runs the report's heading into its first paragraph (「平潭综合实验区2019年政府信息公开
 * 工作年度报告 根据《中华人民共和国政府信息公开条例》…」): the words up to 「报告」 before the first space, when they
 * name a year and would be a heading on their own line.
 */
function titleLeadingLine(front: readonly string[]): FrontMatter | null {
  for (let k = 0; k < Math.min(60, front.length); k++) {
    const t = front[k] ?? '';
    // (the crawler's 「标题:」 line is the site's title, never the report's heading)
    if (/^\s*标\s*题\s*[:：]/.test(t)) continue;
    // the heading ends at a space, or where the preface's first words begin (「…年度报告（以下简称年报）根据《条例》…」; but
    // 「…年度报告（以下简称年报）是根据…」 is a sentence about the report)
    // (a space may stand between the organ and the rest: 「某某局 2019年政府信息公开工作年度报告 根据…」), or it ends the
    // line, after the page's dates and sources run into it (「日期:2021-01-22来源:某某委 某某委员会 2020年…年度报告」)
    const m =
      /^((?:\S+\s+){0,8}?\S{2,60}?报告)\s+(\S.*[。，,].*)$/.exec(t) ??
      /^(\S{4,60}?报告)((?:[（(]以下简称[^）)]*[）)](?!\s*[是系为由])|根据|依据|按照|依照).*)$/.exec(t) ??
      HEADING_TWICE_THEN_TEXT.exec(t) ??
      /^(.*\S\s+\S{2,60}?报告)()$/.exec(t) ??
      headingThenTools(t);
    const heading = m?.[1] ? headingEndingLine(m[1]) : null;
    // (the words before it are the page's labels and dates, never a sentence: 「…要求，现将2022年…报告 如下」 names no heading)
    // (a breadcrumb before it is the navigation's to read; a 「<…>」 in the preface after it is no breadcrumb)
    if (!heading || m?.[2] === undefined || NAVIGATION.test(m[1] ?? '') || /[。，；,;]/.test(m[1]?.slice(0, m[1].length - heading.length) ?? '')) continue;
    // (a heading with no preface after it, among page words, names its organ: 「本地目录: …_某局 2019年…报告」 is a file path)
    if (m[2] === '' && !organFromTitle(heading.replace(/\s+/g, ''))) continue;
    return { title: heading.replace(/\s+/g, ''), mainTitle: heading, subtitle: '', prefaceLines: [...(m[2] ? [m[2]] : []), ...front.slice(k + 1)] };
  }
  return null;
}

/**
 * A document-sharing copy's one line: the heading, printed once or twice, then the text straight after it
 * (「某开发区2019年…年度报告某开发区2019年…年度报告2019年,某开发区在…」).
 */
const HEADING_TWICE_THEN_TEXT = /^(\S{4,60}?报告)(?:\1)?((?:\d{4}\s*年度?\s*[，,]|根据|依据|按照|依照|本报告|本年度报告).*)$/;

/** A heading with the page's date and tools after it on its line (「某镇2019年…报告 日期: 2020-01-30 字体:」): no preface words. */
function headingThenTools(t: string): [string, string, string] | null {
  const m = /^((?:\S+\s+){0,8}?\S{2,60}?报告)\s+(\S.*)$/.exec(t);
  return m?.[1] && m[2] && (m[2].replace(PAGE_TOOLS, '').trim() === '' || METADATA_LINE.test(m[2]) || PUBLISHED_DATE.test(m[2])) ? [m[0], m[1], ''] : null;
}

/** The page's date of publishing alone after the heading (「…年度报告 2025-01-23」). */
const PUBLISHED_DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * The heading among the words a one-line crawl runs up to 「报告」: as few last words as name its year and organ (the site's
 * own words may stand before them: 「区政府办公室 某某区人民政府办公室 2021年政府信息公开工作年度报告」).
 */
function headingEndingLine(words: string): string | null {
  const parts = words.trim().split(/\s+/);
  let heading: string | null = null;
  // (the words may be pieces of one heading a converted document's line breaks left spaces in: 「某苏木 2021 年政府信息
  // 公开工作年度报告」)
  for (let n = 1; n <= Math.min(4, parts.length); n++) {
    const h = parts.slice(-n).join(' ');
    const closed = h.replace(/\s+/g, '');
    if (!isTitleLine(closed) || !YEAR_IN.test(closed) || !/信息公开/.test(closed)) continue;
    heading ??= h;
    if (organFromTitle(closed)) return h;
  }
  return heading;
}

/**
 * A page saved as flat text puts the page's heading in the breadcrumb line (「当前位置： 首页…部门文件
 * 某某局 2022年政府信息公开工作年度报告 时间：…」): the words ending in 「报告」, with the organ word before
 * them when the year comes first.
 */
function titleInNavigation(front: readonly string[]): { title: string; line: number; after: string } | null {
  for (let k = 0; k < Math.min(60, front.length); k++) {
    const t = front[k] ?? '';
    if (!NAVIGATION.test(t)) continue;
    const words = t.split(/\s+/);
    const at = words.findIndex((w) => /^[^:：>＞»→]{2,60}报告$/.test(w) && YEAR_IN.test(w) && /政府信息公开|信息公开/.test(w));
    if (at < 0) continue;
    let title = words[at] ?? '';
    const before = words[at - 1] ?? '';
    if (!organFromTitle(title) && isOrganLine(before)) title = before + title;
    // After the heading: the page's date and share buttons, then the report's first words.
    const after = words.slice(at + 1).join(' ').replace(PAGE_TOOLS, '').trim();
    return { title, line: k, after: /[。，]/.test(after) ? after : '' };
  }
  return null;
}

/** The year the title (or subtitle, or the preface's 统计期限) names, or null. */
export function yearOfFront(front: FrontMatter, allText: string): number | null {
  // (or the year printed without 「年」 before the report's name: 「某厅2022政府信息公开工作年度报告」)
  const digits = /(\d{4})\s*年/.exec(basicNormalise(front.mainTitle)) ?? /(\d{4})\s*年/.exec(front.subtitle) ?? /(20\d{2})\s*(?=(?:政府|政务)?信息公开)/.exec(basicNormalise(front.mainTitle));
  if (digits) return Number(digits[1]);
  const chinese = /([〇零一二三四五六七八九]{4})\s*年/.exec(front.mainTitle + front.subtitle);
  if (chinese?.[1]) return cnNumber(chinese[1]);
  const frontText = [front.mainTitle, front.subtitle, ...front.prefaceLines].join('\n');
  // 「统计期限为2024年…」, 「统计时间为2023年1月1日至12月31日」, 「自2021年1月1日起至12月31日止」
  const stated = /统计(?:期限|时限|时间)(?:为|是|自|从)?\s*(\d{4})\s*年/.exec(frontText);
  const period = stated ? Number(stated[1]) : periodYear(allText);
  // else the preface naming the report it introduces (「现发布《某局2024年政府信息公开工作年度报告》」)
  const own = ownTitleYear(front.prefaceLines.join(''));
  // the two disagree (one carried over from last year's text): the preface's own year only when the text names it more
  if (period !== null && own !== null && period !== own) return timesNamed(allText, own) > timesNamed(allText, period) ? own : period;
  return period ?? own;
}

function timesNamed(text: string, year: number): number {
  return [...text.matchAll(new RegExp(`${year}\\s*年`, 'g'))].length;
}

/** The year the text names most (「20xx年」), or null. */
export function commonYear(lines: readonly SourceLine[]): number | null {
  const counts = new Map<number, number>();
  // lines joined as the paragraphs they wrap: a PDF's text breaks 「2021年」 as 「2」/「021年」
  const prose = lines.filter((l) => l.table === undefined).map((l) => l.text.trim()).join('');
  for (const m of prose.matchAll(/(20\d{2})\s*年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * No year printed at the head: the year before the 成文日期, else the year the text names most, else the last year of the
 * tables' format when it is the 2019 one (a year after it would make the format itself wrong, a guess turned into a
 * finding), else last year. Always said.
 */
export function fallbackYear(lines: readonly SourceLine[], signatureDate: string | undefined, format: Report['format'], uncertain: Uncertain[]): number {
  const sigYear = signatureDate ? Number(signatureDate.slice(0, 4)) - 1 : null;
  const common = commonYear(lines);
  const byFormat = format === '2019' ? FIRST_YEAR_OF_2021_FORMAT - 1 : null;
  const year = sigYear ?? common ?? byFormat ?? new Date().getFullYear() - 1;
  const how = sigYear ? '成文日期的上一年' : common ? '正文中最常出现的年份' : byFormat ? '表格所用的2019年格式（适用于2020年度及以前）' : '上一年';
  uncertain.push({ target: 'year', name: '年度', reason: `标题中没有年度，按${how}推定为 ${year} 年，请核对` });
  return year;
}


const PLACE_END = /(?:县|市|区|旗|州|盟|省|自治区|自治州|自治县|镇|乡|街道|新区|开发区|试验区)$/;

/** The organ as a page's heading prints it (`organNamedInTitle`), its digits and ideographs normalised first. */
export function organFromTitle(title: string): string | null {
  return organNamedInTitle(basicNormalise(title));
}

/** Organ and level as printed (title first, 落款 second); every doubt is said, nothing is completed. */
export function organAndLevel(title: string, signatureOrgan: string | undefined, uncertain: Uncertain[], byline?: string, body = ''): Pick<Report, 'organ' | 'level'> {
  let organ = title ? organFromTitle(title) : null;
  if (!organ && byline) {
    organ = byline;
    uncertain.push({ target: 'organ', name: '机关名称', reason: `标题中没有机关名称，按标题下一行的「${byline}」填写，请核对` });
  }
  if (organ && PLACE_END.test(organ)) {
    uncertain.push({
      target: 'organ',
      name: '机关名称',
      reason:
        organLevel(organ) === 'department'
          ? `标题中只印了地名「${organ}」，机关名称按原文填为「${organ}」、按派出机关（与部门同）处理；如发文机关不同，请改正`
          : `标题中只印了地名「${organ}」，机关名称按原文填为「${organ}」、按人民政府处理；如发文机关是「${organ}人民政府」或其部门，请改正`,
    });
  }
  if (!organ) {
    organ = signatureOrgan ?? null;
    uncertain.push({ target: 'organ', name: '机关名称', reason: organ ? `标题中未找到机关名称，按落款「${organ}」填写，请核对` : '未能识别机关名称，请填写' });
  }
  // A bare place name is the place's own government (its report is the 人民政府's); the doubt is said above.
  const level: Level | undefined = organ ? (organLevel(organ) ?? (PLACE_END.test(organ) ? 'government' : undefined)) : undefined;
  if (organ && level) return { organ, level };
  // (a draft needs a level: without this doubt a department's report would silently be read as a 人民政府's)
  const unknown = organ ? `无法从机关名称「${organ}」判断是人民政府还是部门` : '未能识别机关名称，无法判断是人民政府还是部门';
  const said = levelBySelfReference(body);
  const how = said ? `；正文自称「${said.word}」，按${said.level === 'government' ? '人民政府' : '部门'}处理` : '';
  uncertain.push({ target: 'level', name: '机关类别', reason: `${unknown}（影响发布期限和考核评议等要求）${how}，请核对` });
  return { ...(organ ? { organ } : {}), ...(said ? { level: said.level } : {}) };
}
