/**
 * Rewrites of a real report that change how it is printed, never what it says: what a crawl adds around a page, what
 * a PDF's text layer or a document converter does to it, how an office prints its heading and 落款. Each keeps the
 * case's hand-typed truth true, so any change in how the report is read is the importer's or the checker's fault.
 * (Wrapping prose at the margin is corpusDerived.ts's `wrapProse`; a rewrite that leaves the text unchanged is not counted.)
 */

export interface Rewrite {
  name: string;
  /** what it stands for, as the bench prints it */
  label: string;
  kinds: readonly ('text' | 'html')[];
  apply: (source: string, title: string | null) => string;
}

export const PAGE_FOOTER_LINE = '主办单位：某某市人民政府办公室  网站标识码：3300000001  备案号：浙ICP备00000000号';
export const BREADCRUMB_LINE = '首页 > 政务公开 > 政府信息公开 > 政府信息公开年报';

const lines = (s: string) => s.split('\n');
const sameText = (a: string, b: string) => a.replace(/\s/g, '') === b.replace(/\s/g, '');

/** The line printing the title as the truth has it, or -1. */
function titleLine(ls: readonly string[], title: string | null): number {
  return title ? ls.findIndex((l) => l.trim() !== '' && sameText(l, title)) : -1;
}

/** The lines a site closes an article with: its editor, and links to the articles before and after it (last year's report). */
export function withPageEnd(source: string, year = 2022): string {
  return `${source}\n浏览次数：1234\n责任编辑：张某某\n上一篇：某某县${year}年政府信息公开工作年度报告\n下一篇：关于${year + 2}年第一季度政务公开工作情况的通报\n`;
}

/** A PDF's folio line (「— 2 —」) every `every` lines, wherever the page breaks (in a table too). */
export function withPageNumbers(source: string, every = 35): string {
  return lines(source)
    .flatMap((l, i) => (i > 0 && i % every === 0 ? [`— ${i / every + 1} —`, l] : [l]))
    .join('\n');
}

/** The title line spaced out one character at a time, as a PDF's letter-spaced heading extracts. */
export function withLetterSpacedTitle(source: string, title: string | null): string {
  const ls = lines(source);
  const k = titleLine(ls, title);
  if (k < 0 || !title) return source;
  ls[k] = [...title.replace(/\s/g, '')].join(' ');
  return ls.join('\n');
}

/** The title broken after its organ, before the year (「某某街道」/「2023年政府信息公开工作年度报告」). */
function withTitleBrokenAfterOrgan(source: string, title: string | null): string {
  const ls = lines(source);
  const k = titleLine(ls, title);
  const m = /^(\S*?[县市区旗镇乡街局委办室府心处所站会])\s*(\d{4}\s*年.*)$/.exec((ls[k] ?? '').trim());
  if (k < 0 || !m?.[1] || !m[2]) return source;
  ls.splice(k, 1, m[1], m[2]);
  return ls.join('\n');
}

/** The page's date, source and font tools on the line under the title. */
export function withToolsUnderTitle(source: string, title: string | null): string {
  const ls = lines(source);
  const k = titleLine(ls, title);
  if (k < 0) return source;
  ls.splice(k + 1, 0, '发布时间：2024-01-20 10:00  来源：本站  字号：[大 中 小]  打印');
  return ls.join('\n');
}

const CN_DIGITS = '〇一二三四五六七八九';
function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n] ?? '';
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? (CN_DIGITS[tens] ?? '') : ''}十${n % 10 ? (CN_DIGITS[n % 10] ?? '') : ''}`;
}

/** The last line that is a date alone (the 落款's 成文日期) rewritten. */
function withLastDate(source: string, f: (y: string, m: string, d: string) => string): string {
  const ls = lines(source);
  for (let i = ls.length - 1; i >= 0; i--) {
    const m = /^(\s*)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(\s*)$/.exec(ls[i] ?? '');
    if (m?.[2] && m[3] && m[4]) {
      ls[i] = `${m[1] ?? ''}${f(m[2], m[3], m[4])}${m[5] ?? ''}`;
      return ls.join('\n');
    }
  }
  return source;
}

/**
 * The page laid out by a table, as many government sites still are: a column of the site's links beside the article
 * (the report's tables inside the layout table's cell). A browser shows the same report; a Word save keeps the nesting.
 */
export function withLayoutTable(html: string): string {
  const open = '<table width="1000" border="0"><tr><td width="200" valign="top"><p>首页</p><p>政务公开</p><p>政府信息公开年报</p></td><td valign="top">';
  const close = '</td></tr></table>';
  // a page saved without its <body> tags (the article alone) is wrapped whole
  if (!/<body[^>]*>[\s\S]*<\/body>/i.test(html)) return `${open}${html}${close}`;
  return html.replace(/<body([^>]*)>/i, `<body$1>${open}`).replace(/<\/body>/i, `${close}</body>`);
}

/** Every table cell's content rewritten (an HTML page). */
const inCells = (f: (inner: string) => string) => (html: string) =>
  html.replace(/(<td\b[^>]*>)([\s\S]*?)(<\/td>)/gi, (_m, open: string, inner: string, close: string) => open + f(inner) + close);

export const REWRITES: readonly Rewrite[] = [
  {
    name: 'page-chrome',
    label: 'breadcrumbs, metadata, footer',
    kinds: ['text'],
    apply: (s) => `${BREADCRUMB_LINE}\n索引号：000000000/2024-00001    生成日期：2024-01-20\n${s}\n【打印本页】 【关闭窗口】\n扫一扫在手机打开当前页\n${PAGE_FOOTER_LINE}\n`,
  },
  { name: 'page-end', label: 'the page\'s 责任编辑 and 上一篇/下一篇 lines', kinds: ['text'], apply: (s) => withPageEnd(s) },
  { name: 'page-numbers', label: 'a PDF\'s 「— 2 —」 folios', kinds: ['text'], apply: (s) => withPageNumbers(s) },
  {
    name: 'markdown',
    label: 'headings as markdown 「## …」「**…**」',
    kinds: ['text'],
    apply: (s) => lines(s).map((l, i) => (/^\s*[一二三四五六七八]、\S/.test(l) && l.trim().length < 40 ? (i % 2 ? `## ${l.trim()}` : `**${l.trim()}**`) : l)).join('\n'),
  },
  {
    name: 'tabs',
    label: 'a row\'s figures parted by tabs',
    kinds: ['text'],
    // (a spreadsheet's paste: the run of figures ending a row, each after a tab)
    apply: (s) => lines(s).map((l) => l.replace(/(?<=\S)[ \u3000]+((?:\d+[ \u3000]+){2,}\d+)[ \u3000]*$/, (_m, figures: string) => `\t${figures.split(/[ \u3000]+/).join('\t')}`)).join('\n'),
  },
  { name: 'crlf', label: 'Windows line ends', kinds: ['text'], apply: (s) => s.replace(/\n/g, '\r\n') },
  { name: 'spaced-title', label: 'title letter-spaced', kinds: ['text'], apply: withLetterSpacedTitle },
  { name: 'broken-title', label: 'title broken after its organ', kinds: ['text'], apply: withTitleBrokenAfterOrgan },
  { name: 'tools', label: 'page tools under the title', kinds: ['text'], apply: withToolsUnderTitle },
  {
    name: 'date-chinese',
    label: '落款 date in Chinese numerals',
    kinds: ['text'],
    apply: (s) => withLastDate(s, (y, m, d) => `${[...y].map((c) => CN_DIGITS[Number(c)] ?? c).join('')}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`),
  },
  { name: 'date-spaced', label: '落款 date spaced, zero-padded', kinds: ['text'], apply: (s) => withLastDate(s, (y, m, d) => `${y} 年 ${m.padStart(2, '0')} 月 ${d.padStart(2, '0')} 日`) },
  { name: 'date-note', label: '附注 under the 落款', kinds: ['text'], apply: (s) => withLastDate(s, (y, m, d) => `${y}年${m}月${d}日\n（此件主动公开）`) },
  {
    name: 'html-spans',
    label: 'cells in styled spans',
    kinds: ['html'],
    apply: inCells((inner) => `<span style="font-family:仿宋_GB2312;font-size:14pt">${inner}</span>`),
  },
  { name: 'html-breaks', label: 'labels broken by <br>', kinds: ['html'], apply: inCells((inner) => inner.replace(/([\u4e00-\u9fff]{4})([\u4e00-\u9fff]{4,})/, '$1<br/>$2')) },
  {
    name: 'html-fullwidth',
    label: 'figures in full-width digits',
    kinds: ['html'],
    apply: inCells((inner) => inner.replace(/>(\s*)(\d+)(\s*)</g, (_m, a: string, d: string, b: string) => `>${a}${[...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}${b}<`)),
  },
  { name: 'html-layout', label: 'page laid out by a table', kinds: ['html'], apply: withLayoutTable },
  {
    name: 'html-footer',
    label: 'the site\'s footer',
    kinds: ['html'],
    apply: (s) => s.replace(/<\/body>/i, `<div class="footer"><p>${PAGE_FOOTER_LINE}</p><p>【打印本页】【关闭窗口】</p></div></body>`),
  },
];

/**
 * The page's tables set wider than the paper (a fixed width in pixels, as office-made pages have): printed, the
 * label column is narrow and its labels wrap over two or three lines around the row's figures.
 */
export function withWideTables(html: string): string {
  return html.replace(/<table\b/gi, '<table width="1100" style="width:1100px;table-layout:fixed"');
}

/**
 * Rewrites of a web page whose effect shows only once the page is saved in another form: as Word by LibreOffice, or
 * printed to PDF by Chromium (corpusDerived.ts).
 */
export const PAGE_SAVE_REWRITES: readonly { name: string; label: string; kind: 'docx' | 'pdf'; apply: (html: string) => string }[] = [
  { name: 'layout-docx', label: 'page laid out by a table, saved as Word', kind: 'docx', apply: withLayoutTable },
  { name: 'wide-pdf', label: 'tables wider than the paper, printed', kind: 'pdf', apply: withWideTables },
];
