/**
 * Text helpers of the importer (pure): the source model every reader produces, normalisation of labels
 * for matching, tokenising table text into labels and values, and approximate substring matching.
 */
import { isPipeRow, isPlaceholderHeader, isPlaceholderWord, isSeparatorRow, pipeCells } from './layoutPipe.js';
import { APPLY_COLUMNS, REVIEW_COLUMNS } from '../report/format.js';
import { figureLookalike } from '../report/numbers.js';
import { brokenOffSentence, goesOnWithSentence, isProseLine } from './layoutProse.js';

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

/**
 * `prose`: the token stands in a line of running text (a sentence), not in a table row. `row`: it stands in a line
 * that is one table row as its source says (a grid row, a pipe row, a tab-separated line). `glued`: a figure
 * printed against text with no space (「规章000」), whose digits may be several cells' figures run together.
 */
export type Token =
  | { type: 'text'; text: string; line: number; prose?: true; row?: true }
  | { type: 'num'; raw: string; line: number; prose?: true; row?: true; glued?: true }
  /** an empty cell (between numbers in a tab-separated line, an empty grid cell, or 「/」「—」) */
  | { type: 'blank'; line: number; prose?: true; row?: true };

/**
 * CJK Radicals Supplement characters that PDF text layers (WPS, Chromium) give for an ordinary ideograph
 * whose glyph they share (「⺠」 for 「民」). NFKC leaves all but ⺟ and ⻳ alone; radical-only forms
 * (亻, 氵, 讠 …) and Japanese simplifications are not here: they stand for no ideograph of Chinese text.
 */
const RADICAL_IDEOGRAPHS: Readonly<Record<string, string>> = {
  '⺁': '厂', '⺇': '几', '⺊': '卜', '⺌': '小', '⺍': '小', '⺒': '巳', '⺓': '幺', '⺕': '彐', '⺗': '心', '⺜': '日',
  '⺝': '月', '⺟': '母', '⺠': '民', '⺢': '水', '⺧': '牛', '⺩': '王', '⺪': '疋', '⺬': '示', '⺮': '竹', '⺶': '羊',
  '⻁': '虎', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻉': '贝', '⻋': '车', '⻑': '長', '⻓': '长', '⻔': '门',
  '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻡': '首', '⻢': '马', '⻣': '骨',
  '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙',
  '⻱': '龜', '⻳': '龟',
  // Kangxi radicals whose NFKC form is a traditional variant, where simplified text means the common form
  // (Chromium's PDF text layer gives ⼾ for 户 with Noto CJK SC).
  '⼾': '户', '⾭': '青',
};

/**
 * Radicals and compatibility ideographs standing for ordinary ideographs → those ideographs: Kangxi radicals
 * (U+2F00–U+2FD5) and CJK compatibility ideographs (U+F900–U+FAFF) by NFKC, the Radicals Supplement
 * (U+2E80–U+2EFF), and the few Kangxi radicals NFKC would make traditional, by the table above. Only these ranges: full-width punctuation is kept.
 */
export function normaliseIdeographs(s: string): string {
  return s.replace(/[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]/g, (c) => RADICAL_IDEOGRAPHS[c] ?? c.normalize('NFKC'));
}

/** One syllable in tone-marked pinyin, in brackets after an ideograph: 「區(qū)」, 「标（biāo）」 (a word like 「café」 is none). */
const PINYIN_GLOSS = /(\p{Script=Han})[(（]((?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?)[)）]/gu;

/**
 * A page saved with its site's reading aid on glosses some ideographs with their pinyin (「西藏自治區(qū)人民政府」,
 * 「標(biāo)題」): the glosses are no text of the report.
 */
export function dropPinyinGlosses(s: string): string {
  return s.replace(PINYIN_GLOSS, '$1');
}

/**
 * Radical and compatibility ideographs → ordinary ones (first: everything after matches ideographs),
 * full-width forms, ideographic space, NBSP, zero-width characters → plain; keeps line breaks.
 */
export function basicNormalise(s: string): string {
  return normaliseIdeographs(s)
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    // and a symbol font's glyphs (Word's bullets, a page's icons: U+F0B7 ) are no text: a space
    .replace(/[\u3000\u00a0\u2002-\u200a\uf000-\uf0ff]/g, ' ')
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
  return normaliseIdeographs(s)
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
/** A blank cell's mark: a dash, a slash, or the underscore some sites print (「_」; 「＿」 is NFKC 「_」). */
const BLANK_RE = /^(?:[-—–－/／\\_]{1,2}|——)$/;

/** Is this (NFKC-normalised) token a table value? */
export function isNumberToken(t: string): boolean {
  return NUMBER_RE.test(t);
}

/** A figure token's value (thousands commas dropped); null for text, a blank or no token. */
export function tokenValue(tok: Token | undefined): number | null {
  if (!tok || tok.type !== 'num') return null;
  const n = Number(tok.raw.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** The counters a table cell's count may be printed with (「1个」「2笔」「3件」). */
export const COUNTERS = '个项件次家条笔批';
/** A counter as printed after a count: one of them, or with 次 (「31批次」「5件次」). */
const COUNTER_WORD = new RegExp(`^[${COUNTERS}]次?$`);
/** A count printed with its counter: the count (a row's cell, never a word ending the row). */
const COUNTED = new RegExp(`^(\\d+)[${COUNTERS}]次?$`);

const MISPRINTED_SIGN = /^[+-]{2,}\d+(?:\.\d+)?$/;

/** A figure with a note's mark after it (「11*」, 「3①」): the mark is no digit (NFKC would make 「①」 a 1). */
const NOTE_MARKED = /^(\d+(?:\.\d+)?)[*＊※\u2460-\u2473\u2776-\u277f]$/;

/**
 * A figure with a sentence's mark after it (NFKC: 「11。」, 「0；」 → 「0;」): typed and OCR text end a row so. (Not
 * 「、」 or 「.」: 「1、」 numbers a label.)
 */
const FIGURE_THEN_MARK = /^([+-]?\d+(?:\.\d+)?)[。,;]$/;
/** Three figures or more parted by one list mark, no space (「11、0、0、0、0、0、11」, 「11，0，0…」): a row typed as a list. */
const FIGURE_LIST = /^\d+(?:\.\d+)?([、,;])\d+(?:\.\d+)?(?:\1\d+(?:\.\d+)?)+[。;]?$/;

/** One word (already through basicNormalise): text keeps its printed form (「（一）」), figures are NFKC. */
function pushWord(out: Token[], w: string, line: number): void {
  if (w === '') return;
  const n = signedChange((NOTE_MARKED.exec(w)?.[1] ?? FIGURE_THEN_MARK.exec(w.normalize('NFKC'))?.[1] ?? w).normalize('NFKC'));
  // 「00」, 「023」: no figure but 「0」 starts with 0, so these are figures printed with no space between them
  const counted = COUNTED.exec(n)?.[1];
  if (isNumberToken(n)) out.push(/^0\d+$/.test(n) ? { type: 'num', raw: n, line, glued: true } : { type: 'num', raw: n, line });
  else if (FIGURE_LIST.test(n)) for (const f of n.match(/\d+(?:\.\d+)?/g) ?? []) pushWord(out, f, line);
  // a figure with its sign doubled (「--253」): a cell's figure misprinted, kept in its place to be said unreadable
  else if (MISPRINTED_SIGN.test(n)) out.push({ type: 'num', raw: n, line });
  else if (counted !== undefined) out.push({ type: 'num', raw: counted, line });
  else if (BLANK_RE.test(n)) out.push({ type: 'blank', line });
  else if (isPlaceholderWord(n) || !/[\u3400-\u9fff]/.test(w)) out.push({ type: 'text', text: w, line });
  else pushGluedWord(out, w, line);
}

/**
 * The words of a line, split at spaces; a PDF's text sets a figure apart from the words around it (Word and Writer space
 * Latin digits from Chinese): 「减少 8」 is one word, 「减少8」, and 「2021 年」「保留 4 位小数」 keep the figure with its 年 or 位.
 */
function wordsOf(text: string): string[] {
  return text
    .replace(/(^|\s)(增加?|减少?)\s+(?=\d)/g, '$1$2')
    .replace(/(\d)\s+(?=[年月日号]|位小数)/g, '$1')
    .split(/\s+/);
}

/** 「本年增/减」 printed in words (「增1423」, 「减38」, 「减少5」, 「未增未减」): the signed figure. */
function signedChange(word: string): string {
  if (/^(?:未增未减|无增减|无增无减|不增不减|未增减)$/.test(word)) return '0';
  const m = /^(增加?|减少?)(\d+(?:\.\d+)?)$/.exec(word);
  if (!m?.[2]) return word;
  return `${m[1]?.startsWith('减') ? '-' : '+'}${m[2]}`;
}

/** A figure inside a word; a sign right after a digit starts the next (signed) figure: 「20+1737」. */
const FIGURE_IN_WORD = /(?:(?<=\d)[+-])?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/g;

/**
 * A word of Chinese text with figures glued in, no space between (「规章0」; one-line crawls of web pages give
 * 「规章000行政规范性文件0011第二十条…」): its text pieces and figures. A figure's last digit followed by
 * 「.」 or 「、」 and text is the numbering of the next label (「…00000002.其他法律…」) and stays with it.
 */
function pushGluedWord(out: Token[], w: string, line: number): void {
  let text = '';
  let at = 0;
  for (const m of w.matchAll(FIGURE_IN_WORD)) {
    let figure = m[0];
    text += w.slice(at, m.index);
    at = m.index + figure.length;
    const next = w[at];
    const after = w[at + 1];
    if ((next === '.' || next === '、') && after !== undefined && !/[\d\s]/.test(after) && /^\d+$/.test(figure)) {
      figure = figure.slice(0, -1);
      at -= 1;
    }
    // A cell's figure run into the next paragraph's year (「行政事业性收费02025年，我局…」): the year is its last four digits.
    if (next === '年' && /^\d{5,}$/.test(figure) && /^(?:19|20)\d\d$/.test(figure.slice(-4))) {
      out.push(...(text !== '' ? [{ type: 'text' as const, text, line }] : []), { type: 'num', raw: figure.slice(0, -4), line, glued: true });
      text = figure.slice(-4);
      continue;
    }
    // A date or a document number (「2024年」, 「〔2021〕30号」: running page headers, citations) is text, and so is a
    // header's note of decimal places (「采购总金额(单位:万元,保留4位小数)」).
    if (figure === '' || /^[年月日号]|^位小数/.test(w.slice(at)) || /^[〔[(（]$/.test(w[m.index - 1] ?? '')) {
      text += figure;
      continue;
    }
    // A counter between two glued figures (「政府集中采购1个246900元」) belongs to the first: the row goes on.
    const counterOnly = COUNTER_WORD.test(text) && out[out.length - 1]?.type === 'num';
    if (text !== '' && !counterOnly) out.push({ type: 'text', text, line });
    text = '';
    out.push({ type: 'num', raw: figure, line, glued: true });
  }
  text += w.slice(at);
  if (text !== '') out.push({ type: 'text', text, line });
}

/**
 * A template's note in a label or header (「其他对外管理服务事项(指行政许可以外的…行政处罚、行政强制…)」, 「本年增/减(…,
 * 如-8)」): no row's label and no cell's figure — its words would match other rows' labels, its 「-8」 fill a cell.
 */
const TEMPLATE_NOTE = /[（(]\s*(?:指|含|如|即|包括|不含|不包括)[^（()）]*[）)]/g;

function withoutNotes(text: string): string {
  return text.replace(TEMPLATE_NOTE, '');
}

/** One cell per grid cell (an empty cell is a blank). */
function pushGridCells(out: Token[], cells: readonly string[], line: number): void {
  for (const cell of cells) {
    const t = withoutNotes(basicNormalise(cell)).trim();
    const compact = t.normalize('NFKC').replace(/\s+/g, '');
    if (t === '') out.push({ type: 'blank', line });
    else if (isNumberToken(compact) || COUNTED.test(compact)) pushWord(out, compact, line);
    else for (const w of wordsOf(t)) pushWord(out, w, line);
  }
}

/** Fields of a tab-separated line or a pipe row: empty fields count as blank cells only between two values (leading/trailing ones are merges). */
/** How many figures a row of table 三 or 四 holds (a row of table 二 has at most three, too few to tell blanks from filler). */
const ROW_WIDTHS: ReadonlySet<number> = new Set([APPLY_COLUMNS.length, REVIEW_COLUMNS.length]);

function pushFields(out: Token[], raw: readonly string[], line: number): void {
  const fields = raw.map((f) => withoutNotes(basicNormalise(f)).trim());
  const isValue = fields.map((f) => f !== '' && (isNumberToken(f.normalize('NFKC')) || BLANK_RE.test(f.normalize('NFKC'))));
  const firstValue = isValue.indexOf(true);
  const lastValue = isValue.lastIndexOf(true);
  // empty fields before the first value are cells too when the fields after the label are exactly one table row's
  // (「二、上年结转…数量 | | | | | | | 0 |」: six blanks, then the total); else they may be a merged label's filler
  let lastLabel = firstValue - 1;
  while (lastLabel >= 0 && fields[lastLabel] === '') lastLabel--;
  const leadingCells = firstValue > lastLabel + 1 && ROW_WIDTHS.has(fields.length - lastLabel - 1);
  fields.forEach((f, k) => {
    if (f === '') {
      if (firstValue >= 0 && k < lastValue && (k > firstValue || (leadingCells && k > lastLabel))) out.push({ type: 'blank', line });
      return;
    }
    const start = out.length;
    for (const w of wordsOf(f)) pushWord(out, w, line);
    // a field stating its own figure (「…信息公开发布总数量(非新闻类、消息类):2条」) is a sentence's, no cell of the row above
    if (STATED_FIGURE.test(f)) for (let t = start; t < out.length; t++) (out[t] as Token).prose = true;
  });
}

/** Words naming a figure, then a colon and the figure with its counter: a statement, not a row of figures. */
const STATED_FIGURE = /^(?=[^:：]*[\u4e00-\u9fff]{4})[^:：。；;，,]{8,}[:：]\s*\d+(?:\.\d+)?\s*[条件个项篇份]$/;

/**
 * Do the line's tokens (from `start`) end with two values or more? That is a table row's shape (a label with
 * a comma, 「…逾期不补正，行政机关不再处理…」, then its figures), never a sentence's.
 */
function endsWithValues(out: readonly Token[], start: number): boolean {
  return out.length - start >= 3 && out[out.length - 1]?.type !== 'text' && out[out.length - 2]?.type !== 'text';
}

/**
 * A line of a paragraph wrapped at the margin that holds no sentence mark of its own (「开历年现行有效行政规范性文件108件
 * 电子文本及PDF文本」): the line before it is running text broken off mid-sentence, and the line after goes on with the
 * sentence (it opens with a comma or full stop, or is running text itself). A table's row never stands so.
 */
function withinSentence(lines: readonly SourceLine[], i: number): boolean {
  const before = lines[i - 1];
  const after = lines[i + 1];
  if (!before || !after || before.table !== undefined || after.table !== undefined) return false;
  const next = basicNormalise(after.text);
  return brokenOffSentence(basicNormalise(before.text)) && (goesOnWithSentence(next) || isProseLine(next));
}

/**
 * Tokens of lines. Grid rows give one token per cell (an empty cell is a blank); tab-separated lines (a
 * spreadsheet paste) and pipe rows (markdown) keep their empty fields between values as blanks; markdown
 * header rules and placeholder headers give nothing; other lines are split at spaces, and marked `prose`
 * when they read as a sentence.
 */
export function tokenise(lines: readonly SourceLine[], from = 0, to = lines.length): Token[] {
  const out: Token[] = [];
  const gaps = cellGaps(lines, from, to);
  for (let i = from; i < to; i++) i += pushLine(out, lines, i, to, gaps);
  lookalikesAsCells(out);
  return out;
}

/** One source line's tokens (`tokenise`); returns how many more lines it took (a run of filler lines). */
function pushLine(out: Token[], lines: readonly SourceLine[], i: number, to: number, gaps: CellGaps): number {
  const line = lines[i];
  if (!line) return 0;
  if (gaps.empty !== null && line.text.trim() === '') return pushFillerRun(out, lines, i, to, (t) => t.trim() === '', gaps.empty) - 1;
  if (LONE_PIPE.test(line.text)) return pushFillerRun(out, lines, i, to, (t) => LONE_PIPE.test(t), gaps.pipes) - 1;
  if (line.cells) {
    const cells = line.cells;
    asRow(out, () => pushGridCells(out, cells, i));
  } else if (isPipeRow(line.text)) {
    const cells = pipeCells(line.text);
    if (!isSeparatorRow(cells) && !isPlaceholderHeader(cells)) asRow(out, () => pushFields(out, cells, i));
  } else if (line.text.includes('\t')) {
    asRow(out, () => pushFields(out, line.text.split('\t'), i));
  } else if (!isPageFooterLine(line.text) && !PAGE_FIELD_LINE.test(line.text)) {
    // (the footer's 「网站标识码：3300000001」 and the page's 「索引号：…/2024-00001」 are no figures of a table)
    const start = out.length;
    const text = withoutNotes(basicNormalise(line.text));
    for (const w of wordsOf(text)) pushWord(out, w, i);
    // (a line of figures alone is a table's row even between two pieces of a wrapped label: 「理结 分处理的，只计这一」 /
    // 「0 0 0 0 0 0 0」 / 「果 情形，不计其他情」)
    const figuresOnly = out.length - start >= 2 && out.slice(start).every((t) => t.type !== 'text');
    const prose = (isProseLine(text) && !endsWithValues(out, start)) || (withinSentence(lines, i) && !figuresOnly) || STATED_FIGURE.test(text.replace(/\s*\|\s*$/, ''));
    if (prose) for (let k = start; k < out.length; k++) (out[k] as Token).prose = true;
  }
  return 0;
}

const NONE_WORD = '无';
/** A zero's lookalike (「O」, 「1O」, 「〇」, 「零」): OCR's commonest slip. */
const ZERO_LOOKALIKE = /^[\dOo〇零]+$/;

/**
 * A word in a row's figure's place that is no figure (`figureLookalike`: 「…申请数量 O 0 0 0 0 0 11」, 「1l」, 「十一」),
 * or a grid's, a pipe or tab row's cell 「无」 (「| 无 | 0 |」), holds that row's cell: taken as a word it would end the
 * label, and the figures after it would read one cell short, or run together. 「无」 is a blank (V-BLANK); a letter or
 * numeral word keeps its print, to be said no figure (V-NUM).
 */
function lookalikesAsCells(out: Token[]): void {
  out.forEach((t, k) => {
    // (「无」 only as a cell of its own: on a plain line it may be a piece of a label wrapped in a narrow column, 「（四）无」)
    if (t.type !== 'text' || t.prose || !((t.row && t.text === NONE_WORD) || standsForFigure(out, k, t))) return;
    const { line, row } = t;
    out[k] = t.text === NONE_WORD ? { type: 'blank', line, ...(row ? { row } : {}) } : { type: 'num', raw: t.text, line, ...(row ? { row } : {}) };
  });
}

/**
 * A lookalike word standing among a row's figures. Digits with a letter anywhere; a zero's lookalike beside any
 * figure. Another (「l」, 「十一」) between two figures of its line, or alone on its line between two (one cell a line);
 * at a row's edge only where a cell is a cell (a grid's, a pipe or tab row's), or as more than one character: a label
 * printed with a space between its characters ends in one (「3. 危 及 “ 三 安 全 一 0 0 …」), and a column's upright
 * heading sets one beside a row (「三」 「、」 「本」 …).
 */
function standsForFigure(out: readonly Token[], k: number, t: Token & { type: 'text' }): boolean {
  const figure = (n: Token | undefined): n is Token => n !== undefined && n.type !== 'text' && !n.prose;
  const onLine = (n: Token | undefined): boolean => n !== undefined && n.line === t.line;
  const [before, after] = [out[k - 1], out[k + 1]];
  if (figureLookalike(t.text) === null) return false;
  // (digits and a letter, 「6641O」: a figure wherever it stands, though alone after its label in table 二)
  if (/\d/.test(t.text)) return true;
  if (ZERO_LOOKALIKE.test(t.text)) return figure(before) || figure(after);
  if (figure(before) && figure(after) && onLine(before) === onLine(after)) return true;
  const besideOnLine = [before, after].some((n) => figure(n) && onLine(n));
  return besideOnLine && (t.row === true || [...t.text].length > 1);
}

/** The tokens `push` adds stand in one table row of the source. */
function asRow(out: Token[], push: () => void): void {
  const start = out.length;
  push();
  for (let k = start; k < out.length; k++) (out[k] as Token).row = true;
}

/**
 * Gaps in a table saved one cell per line: the run of filler lines (empty lines, or lone 「|」 lines) that parts two
 * printed cells, and the runs between two lone values. Only a run longer than the usual one holds empty cells.
 */
interface CellGaps {
  /** empty lines between two cells in a page saved one paragraph per cell; null when the page is not */
  empty: number | null;
  /** lone 「|」 lines between two values that are next to each other */
  pipes: number;
}

/** The commonest run length among runs (ties go to the shorter). */
function commonest(runs: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const r of runs) counts.set(r, (counts.get(r) ?? 0) + 1);
  let best: number | null = null;
  for (const [n, c] of counts) if (best === null || c > (counts.get(best) ?? 0) || (c === counts.get(best) && n < best)) best = n;
  return best;
}

/**
 * A page saved one paragraph per cell has empty lines after nearly every line with words (「规章」, 「」, 「0」…); its
 * usual run between two lone values is the separator. Lone 「|」 lines between lone values are counted alike.
 */
function cellGaps(lines: readonly SourceLine[], from: number, to: number): CellGaps {
  let words = 0;
  let thenEmpty = 0;
  const emptyRuns: number[] = [];
  const pipeRuns: number[] = [];
  let lastValue = -1;
  for (let i = from; i < to; i++) {
    const text = lines[i]?.text ?? '';
    if (text.trim() === '' || LONE_PIPE.test(text)) continue;
    // the page's own lines around the report (breadcrumbs, footer) say nothing of how its table was saved
    if (isPageFooterLine(text) || NAVIGATION.test(text)) continue;
    words++;
    if (i + 1 < to && lines[i + 1]?.text.trim() === '') thenEmpty++;
    if (!isLoneValue(text.replace(/\|\s*$/, ''))) {
      lastValue = -1;
      continue;
    }
    if (lastValue >= 0) {
      const between = lines.slice(lastValue + 1, i).map((l) => l.text);
      if (between.every((t) => t.trim() === '')) emptyRuns.push(between.length);
      if (between.every((t) => LONE_PIPE.test(t))) pipeRuns.push(between.length);
    }
    lastValue = i;
  }
  const paragraphs = words >= 8 && thenEmpty >= 0.9 * words;
  return { empty: paragraphs ? Math.max(1, commonest(emptyRuns) ?? 1) : null, pipes: commonest(pipeRuns) ?? 0 };
}

/** Is this line a lone table value (a figure, or a printed blank 「—」 「/」)? */
function isLoneValue(text: string): boolean {
  const t = basicNormalise(text).trim().normalize('NFKC');
  return t !== '' && !/\s/.test(t) && (isNumberToken(t) || BLANK_RE.test(t));
}

/**
 * A run of filler lines (empty, or lone 「|」) from `at`: the lines past the usual separator are empty cells — counted
 * only before a lone value and after no sentence, so a gap before a heading or a label is no cell. Returns the run's length.
 */
function pushFillerRun(out: Token[], lines: readonly SourceLine[], at: number, to: number, filler: (t: string) => boolean, separator: number): number {
  let end = at;
  while (end < to && filler(lines[end]?.text ?? '')) end++;
  const next = (lines[end]?.text ?? '').replace(/\|\s*$/, '');
  // (a cell whose closing 「|」 fell onto the next line, 「行政规范性文件」/「|」: that pipe closes it, no empty cell)
  const before = lines[at - 1]?.text.trim() ?? '';
  const closesBefore = LONE_PIPE.test(lines[at]?.text ?? '') && before !== '' && !before.endsWith('|') ? 1 : 0;
  if (end < to && isLoneValue(next) && out[out.length - 1]?.prose !== true) {
    for (let k = at + separator + closesBefore; k < end; k++) out.push({ type: 'blank', line: k });
  }
  return end - at;
}

/**
 * A web page's own footer (「主办单位：」, 「网站标识码」, 「ICP备」 …), its tools (「打印本页」「关闭窗口」「附件下载」) and the
 * lines it closes an article with (「责任编辑：」, 「浏览次数：1234」, 「上一篇：某县2022年…报告」). A footer names its 主办单位
 * as a field (「主办单位：…」); a sentence broken at a PDF's margin may name one in passing (「中心作为…门户网站承办单位,
 * 持续加强网站的」) and is no footer: everything after a footer line is cut.
 */
const PAGE_FOOTER =
  /(?:主办单位|承办单位|技术支持)(?:\s*[:：]|\s+\S|\s*$)|网站标识码|ICP备|版权所有|公网安备|(?:网站地图|联系我们)(?=\s|[|｜]|$)|Copyright|©|打印本页|关闭窗口|【字体|分享到|^\s*附件下载\s*$|^\s*(?:上一篇|下一篇|责任编辑|审核|校对|浏览次数|访问次数|浏览量|访问量|点击数|点击量)\s*[:：]/i;

/** A line of the page's footer or tools, never report text (a sentence that names 「联系我们」 is report text). */
export function isPageFooterLine(text: string): boolean {
  return text.length <= 200 && PAGE_FOOTER.test(text) && !/。/.test(text);
}

/** The names of a web page's metadata fields above a report (「索引号：」, 「发布机构：」, 「生成日期：」 …). */
export const PAGE_FIELD = String.raw`(?:标\s*题|索\s*引\s*号|发布机构|发文机关|文\s*号|发文字号|发布日期|成文日期|生成日期|发布时间|主题分类|内容概述|内容摘要|信息名称|文件名称|公文标题)`;
const PAGE_FIELD_LINE = new RegExp(String.raw`^\s*${PAGE_FIELD}\s*[:：]`);

/** Breadcrumbs and navigation (「首页 > 政务公开 > 年度报告」, 「当前位置：」). */
export const NAVIGATION = /[>＞»→]|^\s*(?:当前位置|您的位置|您现在的位置|首页)/;

/** A line that is one empty cell of a table saved one cell per line (「0 |」, 「|」, 「行政许可 |」). */
const LONE_PIPE = /^\s*\|\s*$/;

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
