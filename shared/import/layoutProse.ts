/**
 * Running text versus table rows in extracted lines: a line that reads as a sentence (「行政规范性文件 13
 * 件；规划计划文件 2 件」) holds figures of the narrative, never a table's cells. Bracketed notes of the
 * printed tables (「（区分处理的，只计这一情形，不计其他情形）」, 「（本列数据的勾稽关系为：…）」) carry
 * commas too, so bracketed text, even a bracket left open or closed by a line break, is not looked at.
 */

const OPEN = new Set(['（', '(', '〔', '【', '[']);
const CLOSE = new Set(['）', ')', '〕', '】', ']']);
const SENTENCE_MARK = /[。；;！？!?，]|,(?!\d{3}(?!\d))/;

/** The line's text outside brackets (an unclosed 「（」 runs to the end, an unopened 「）」 from the start). */
export function outsideBrackets(text: string): string {
  let depth = 0;
  let out = '';
  let inside = '';
  for (const ch of text) {
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) {
      if (depth > 0) depth--;
      else out = ''; // closes a bracket opened on an earlier line: everything before it was inside
      if (depth === 0) inside = '';
    } else if (depth === 0) out += ch;
    else inside += ch;
  }
  // A bracket left open for longer than a table's note is a slip in running text (「(以下简称《条例》有关要求,现将…」);
  // one counting things (「件(含上年度转结申请8件,另有…」, wrapped at the margin) is a sentence's: the tables' notes count nothing
  return inside.length > LONGEST_NOTE || COUNTED_FIGURE.test(inside) ? out + inside : out;
}

/** A figure with its counter (「8件」, 「15 条」). */
const COUNTED_FIGURE = /\d\s*[件条项个次篇期]/;

/** The longest bracketed note of the printed tables (「（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）」 is 30). */
const LONGEST_NOTE = 60;

/** Does this extracted line read as a sentence of running text? */
export function isProseLine(text: string): boolean {
  return SENTENCE_MARK.test(outsideBrackets(text));
}

/** A line of running text broken off mid-sentence at the margin (「…在县政府网站增设栏目,集中公」). */
export function brokenOffSentence(line: string): boolean {
  const t = line.trim();
  return isProseLine(t) && !/[。！？!?：:；;」”]$/.test(t);
}

/** A line that goes on with the sentence of the line before (「,发布清理结果。」, 「。本报告…」). */
export function goesOnWithSentence(line: string): boolean {
  return /^[，,。；;、）)]/.test(line.trim());
}
