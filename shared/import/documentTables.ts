/**
 * The tables of a published report as a whole document sees them: which format table 二 is printed in,
 * amounts printed with a unit (converted exactly to 万元, and said), the three tables read from their
 * sections, and which lines they occupy (left out of the narrative).
 */
import { FORMAT_2019, FORMAT_2021, SECTIONS, formatIdForYear, type FormatId, type SectionKey } from '../report/format.js';
import type { Cells, SumNotAddingUp } from '../report/model.js';
import { AMOUNT_MAX_DECIMALS, yuanToWan } from '../report/numbers.js';
import type { Uncertain } from './result.js';
import { sectionRegion, type Heading } from './sections.js';
import type { AmbiguousRow } from './tableColumns.js';
import { readActive, readApply, readReview, type TableRead } from './tables.js';
import { labelKey, tokenise, type SourceLine, type Token } from './text.js';

const CUES_2019 = ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '第二十条第(九)项', '政府集中采购', '其他对外管理服务事项', '采购总金额'];
const CUES_2021 = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];

function cueCount(text: string, cues: readonly string[]): number {
  return cues.filter((c) => text.includes(labelKey(c))).length;
}

export interface DocumentTables {
  format: FormatId;
  cells: Cells;
  /** lines of the tables (and the captions before them) */
  tableLines: Set<number>;
  /** 2019-format labels the tables still print (from the table reader) */
  oldLabels: string[];
  /** sums no cut of their glued figures makes add up (for `report.printed.sumsNotAddingUp`) */
  sumsNotAddingUp: SumNotAddingUp[];
  /** rows printing fewer figures than they have cells, each its cells (for `report.printed.blankUnplaced`) */
  blankUnplaced: string[][];
  /** glued rows left blank, with their possible cuts (the report's text may settle them) */
  unsettled: AmbiguousRow[];
}

type Region = (key: SectionKey) => [number, number];

/**
 * Table 四's tokens: on each line, those before the first words of a sentence. Figures of running text never fill
 * the table, and a crawl that runs a paragraph straight after the table's last figure (「…总计100001…我局严格…。」)
 * keeps the table's figures.
 */
function beforeSentences(tokens: readonly Token[]): Token[] {
  const sentenceAt = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (t.type === 'text' && /[。，；]/.test(t.text) && !sentenceAt.has(t.line)) sentenceAt.set(t.line, i);
  });
  return tokens.filter((t, i) => i < (sentenceAt.get(t.line) ?? Infinity));
}

/** Read the three tables; `year` decides the format only when table 二's header says nothing. */
export function readDocumentTables(source: readonly SourceLine[], headings: readonly (Heading | null)[], year: number | null, uncertain: Uncertain[]): DocumentTables {
  const indexOf = (key: SectionKey) => SECTIONS.findIndex((s) => s.key === key);
  const region: Region = (key) => sectionRegion(headings, indexOf(key), source.length) ?? [0, source.length];
  const lines = withAmountsInWan(source, region('active'), uncertain);
  const tokensOf = (key: SectionKey) => tokenise(lines, ...region(key));
  const activeTokens = tokensOf('active');
  // the header's words, never a sentence's: a preface naming the old columns (「除规章对外公开总数量…外」) is no table
  const activeKey = labelKey(activeTokens.map((t) => (t.type === 'text' && !t.prose ? t.text : ' ')).join(''));
  const c2019 = cueCount(activeKey, CUES_2019);
  const c2021 = cueCount(activeKey, CUES_2021);
  let format: FormatId;
  if (c2019 !== c2021) format = c2019 > c2021 ? '2019' : '2021';
  else {
    format = year !== null ? formatIdForYear(year) : '2021';
    uncertain.push({ target: 'format', name: '报告格式', reason: `未能从表二的表头判断格式，已按年度按「${format === '2019' ? '2019年格式' : '2021年格式'}」读取，请核对` });
  }
  // (sentences may be a table printed as text only in the table's own section: its heading found)
  // (and a later section found: the text goes on past the table, no row of it is cut off by the text's end)
  const found = (key: SectionKey) => ({ proseTable: headings[indexOf(key)] != null, textGoesOn: headings.slice(indexOf(key) + 1).some((h) => h != null) });
  const activeRead = readActive(activeTokens, (format === '2019' ? FORMAT_2019 : FORMAT_2021).activeGroups, found('active'));
  const applyRead = readApply(tokensOf('requests'), true, format === '2021', found('requests'));
  const reviewRead = readReview(beforeSentences(tokensOf('review')));
  if (format === '2021' && !applyRead.otherSplit && applyRead.found > 0) {
    uncertain.push({
      target: 'apply.other.total',
      name: '三、（六）其他处理',
      reason: '原文表三的「（六）其他处理」只有一行（2019年格式的写法），已按原样保留为一行，未拆分为三项；请按2021年格式分项填写',
      cells: ['apply.other.natural', 'apply.other.total'],
    });
  }
  const reads: [SectionKey, TableRead][] = [['active', activeRead], ['requests', applyRead], ['review', reviewRead]];
  const cells: Cells = {};
  const oldLabels: string[] = [];
  const sumsNotAddingUp: SumNotAddingUp[] = [];
  const unsettled: AmbiguousRow[] = [];
  const blankUnplaced: string[][] = [];
  for (const [, r] of reads) {
    Object.assign(cells, r.cells);
    uncertain.push(...r.uncertain);
    oldLabels.push(...(r.oldLabels ?? []));
    sumsNotAddingUp.push(...(r.sumsNotAddingUp ?? []));
    unsettled.push(...(r.unsettled ?? []));
    blankUnplaced.push(...(r.blankUnplaced ?? []));
  }
  const tableLines = new Set<number>();
  lines.forEach((l, i) => {
    if (l.table !== undefined) tableLines.add(i);
  });
  for (const [key, r] of reads) markTable(lines, region(key), key, r, tableLines);
  return { format, cells, tableLines, oldLabels: [...new Set(oldLabels)], sumsNotAddingUp, blankUnplaced, unsettled };
}

/** Captions printed just before a table (「第二十条第（一）项」, the 勾稽关系 note), taken with it. */
const TABLE_CUE: Partial<Record<SectionKey, RegExp>> = {
  active: /第二十条|信息内容/,
  requests: /勾稽关系|本列数据|申请人情况/,
  review: /^[^。，]*(行政复议|行政诉讼)[^。，]*$/,
};

function markTable(lines: readonly SourceLine[], [from, to]: [number, number], key: SectionKey, read: TableRead, out: Set<number>): void {
  if (!read.lines) return;
  let [a, b] = read.lines;
  const cue = TABLE_CUE[key];
  for (let i = from; i < Math.min(to, a); i++) {
    const t = lines[i]?.text ?? '';
    if (cue && cue.test(t) && !/。/.test(t)) {
      a = i;
      break;
    }
  }
  for (let i = a; i <= b; i++) out.add(i);
}

/** Table 二's amount rows (行政事业性收费), from the format. */
const AMOUNT_ROWS = FORMAT_2021.activeGroups.flatMap((g) =>
  g.rows.flatMap((r) => r.cells.filter((c) => c.kind === 'amount').map((c) => ({ label: labelKey(r.label), key: c.key, name: `二、${r.label}` }))),
);
type AmountRow = (typeof AMOUNT_ROWS)[number];
const AMOUNT_WITH_UNIT = /(^|[^\d.,，])(\d[\d,，]*(?:\.\d+)?)\s*(万元|元)(?![\u4e00-\u9fff])/g;

/**
 * An amount printed with its unit in table 二 (「75394432.52元」, 「0.5万元」): the table holds 万元, so 元 is
 * converted exactly (decimal digits, no floating point) and the conversion is listed for the clerk; 万元 is
 * just the unit. Only the amount row's line and the two after it (a value printed below its label) change.
 */
export function withAmountsInWan(lines: readonly SourceLine[], [from, to]: [number, number], uncertain: Uncertain[]): SourceLine[] {
  const out = lines.slice();
  for (let i = from; i < to; i++) {
    const row = amountRowOf(lines[i]);
    if (!row) continue;
    for (let j = i; j < Math.min(to, i + 3); j++) {
      const line = out[j];
      // below the label: only a grid row or a line holding nothing but the amount (never running text)
      if (!line || (j > i && !line.cells && !LONE_AMOUNT.test(line.text.trim()))) continue;
      const fix = (s: string): string => s.replace(AMOUNT_WITH_UNIT, (_, before: string, digits: string, unit: string) => before + inWan(digits, unit, row, uncertain));
      const text = fix(line.text);
      if (text === line.text) continue;
      out[j] = line.cells ? { ...line, text, cells: line.cells.map(fix) } : { ...line, text };
    }
  }
  return out;
}

const LONE_AMOUNT = /^\|?\s*\d[\d,，]*(?:\.\d+)?\s*(?:万元|元)\s*\|?$/;

/** The amount row a line is (a grid row holding its label, or a line starting with it), if any. */
function amountRowOf(line: SourceLine | undefined): AmountRow | undefined {
  if (!line) return undefined;
  if (line.cells) return AMOUNT_ROWS.find((r) => line.cells?.some((c) => labelKey(c) === r.label));
  const start = labelKey(line.text.replace(/^[\s|]+/, ''));
  return AMOUNT_ROWS.find((r) => start.startsWith(r.label));
}

/** The amount in 万元 as the table reader should see it; one that can't be exact is left blank and said. */
function inWan(printed: string, unit: string, row: AmountRow, uncertain: Uncertain[]): string {
  const digits = printed.replace(/[,，]/g, '');
  if (unit === '万元') return digits;
  const wan = yuanToWan(digits);
  if ((wan.split('.')[1] ?? '').length > AMOUNT_MAX_DECIMALS) {
    uncertain.push({ target: row.key, name: row.name, reason: `原文金额为「${printed}元」，换算为 ${wan} 万元超过 ${AMOUNT_MAX_DECIMALS} 位小数，无法精确填写，已留空；请按万元填写` });
    return '—';
  }
  uncertain.push({ target: row.key, name: row.name, reason: `原文金额为「${printed}元」，表中单位为万元，已按 ${printed}元 = ${wan} 万元换算，请核对` });
  return wan;
}
