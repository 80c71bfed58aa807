/**
 * Cross-year rules (spec §4, warnings; need last year's figures in `report.previous`): XY-CARRY, XY-VALID,
 * XY-JUMP, XY-SAME (tables identical) and XY-COPY (narrative repeated).
 */
import { APPLY_COLUMNS, OVERVIEW_ASPECTS, SECTION_NAMES, SECTIONS, type SectionKey, type TableId } from '../report/format.js';
import type { Sections } from '../report/model.js';
import { APPLY_SENTENCE_RE, REVIEW_SENTENCE_RE } from '../report/narrative.js';
import { similarity } from './content.js';
import { REVIEW_MARK } from '../report/nextYear.js';
import type { Prepared } from './prepare.js';
import { previousValues } from './prepare.js';
import type { Finding, TextSpan } from './types.js';
import { countTokens, memoByText, normaliseText, quote } from './textTokens.js';

/** XY-JUMP speaks only of figures this large (on either side): small numbers swing by nature. */
export const JUMP_MIN = 100;
/** …changed by at least this factor (×10 is the classic extra or missing digit). */
export const JUMP_FACTOR = 10;

function carry(p: Prepared, prev: ReturnType<typeof previousValues>, lastYear: number, out: Finding[]): void {
  let detailFailed = false;
  for (const col of APPLY_COLUMNS) {
    if (col.key === 'total' && detailFailed) continue;
    const before = prev.value(`apply.carried_forward.${col.key}`);
    const now = p.placed(`apply.carried_over.${col.key}`);
    if (before === null || now === null || before === now) continue;
    if (col.key !== 'total') detailFailed = true;
    out.push(
      p.finding(
        'XY-CARRY',
        `「${col.label}」列：${lastYear}年报告“结转下年度继续办理” ${before}，本年“上年结转” ${now}，相差 ${Math.abs(before - now)}`,
        { cells: [`apply.carried_over.${col.key}`], target: `apply.carried_over.${col.key}` },
      ),
    );
  }
}

function valid(p: Prepared, prev: ReturnType<typeof previousValues>, lastYear: number, out: Finding[]): void {
  if (p.format.id !== '2021' || prev.format.id !== '2021') return;
  for (const row of ['regulations', 'normative']) {
    const keys = [`active.${row}.in_force`, `active.${row}.issued`, `active.${row}.repealed`];
    const [inForce, issued, repealed] = keys.map((k) => p.placed(k));
    const before = prev.value(`active.${row}.in_force`);
    if (inForce == null || issued == null || repealed == null || before === null) continue;
    const expected = before + issued - repealed;
    if (expected === inForce) continue;
    const label = p.format.activeGroups.flatMap((g) => g.rows).find((r) => r.key === `active.${row}`)?.label ?? row;
    out.push(
      p.finding(
        'XY-VALID',
        `${label}：${lastYear}年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，表中现行有效 ${inForce}，相差 ${Math.abs(expected - inForce)}（如有文件失效或因机构改革划转，请在正文说明）`,
        { cells: keys, target: keys[0] },
      ),
    );
  }
}

/** The figures worth a jump hint: table 二, and the totals of 三 and 四. */
function jumpKeys(p: Prepared): string[] {
  const keys: string[] = [];
  for (const def of p.format.cells) {
    if (def.table === 'active' && (def.kind === 'count' || def.kind === 'amount')) keys.push(def.key);
  }
  for (const k of ['apply.new.total', 'apply.processed_total.total', 'review.reconsideration.total', 'review.sued_direct.total', 'review.sued_after.total']) {
    if (p.format.cellByKey.has(k)) keys.push(k);
  }
  return keys;
}

function jump(p: Prepared, prev: ReturnType<typeof previousValues>, lastYear: number, out: Finding[]): void {
  for (const key of jumpKeys(p)) {
    if (!prev.format.cellByKey.has(key)) continue;
    const before = prev.value(key);
    const now = p.placed(key);
    if (before === null || now === null || before < 0 || now < 0) continue;
    const big = Math.max(before, now);
    const small = Math.min(before, now);
    if (big < JUMP_MIN) continue;
    if (small > 0 && big / small < JUMP_FACTOR) continue;
    const name = p.format.cellByKey.get(key)?.name ?? key;
    const how =
      small === 0
        ? before === 0
          ? '上年为 0'
          : '本年为 0'
        : now > before
          ? `约为上年的 ${Math.round(now / before)} 倍`
          : `约为上年的 1/${Math.round(before / now)}`;
    out.push(
      p.finding('XY-JUMP', `「${name}」：${lastYear}年 ${before}，本年 ${now}（${how}），变化异常，请核对是否多填或漏填了位数`, {
        cells: [key],
        target: key,
      }),
    );
  }
}

function sameTables(p: Prepared, prev: ReturnType<typeof previousValues>, out: Finding[]): void {
  const names: Record<TableId, string> = { active: '表二', apply: '表三', review: '表四' };
  for (const table of ['active', 'apply', 'review'] as const) {
    const keys = p.format.cells.filter((d) => d.table === table && !d.sumOf && d.kind !== 'text').map((d) => d.key);
    let flows = 0;
    let same = keys.length > 0;
    for (const k of keys) {
      if (!prev.format.cellByKey.has(k)) {
        same = false;
        break;
      }
      const a = p.value(k);
      const b = prev.value(k);
      if (a === null || b === null || a !== b) {
        same = false;
        break;
      }
      if (a !== 0 && !k.endsWith('.in_force')) flows++;
    }
    // all-zero tables (or only stocks like 现行有效件数) repeat legitimately
    if (!same || flows < 3) continue;
    out.push(p.finding('XY-SAME', `${names[table]}的数据与上年完全相同，请核对是否照抄了上年报告`, { cells: keys, target: keys[0] }));
  }
}

// --- XY-COPY: this year's narrative repeating last year's ---------------------------------------

/** A sentence shorter than this (characters, figures and punctuation aside) is too short to call copied. */
export const COPY_MIN_CHARS = 10;
/** XY-COPY needs at least this many sentences that count, so a narrative just begun is not judged. */
export const COPY_MIN_SENTENCES = 3;

/** The headings the format prescribes (一、总体情况 … and 一's five （一）…（五）), as sentence keys. */
const REQUIRED_HEADING_KEYS = [...SECTIONS.map((s) => s.heading), ...OVERVIEW_ASPECTS.map((a) => a.heading)].map(keyOf).sort((a, b) => b.length - a.length);
/** 「本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止」, as a key (digits are #, punctuation gone). */
const PERIOD_KEY = /统计期限|统计时限|#年#月#日起?[至到]?#年#月#日/;
/** A figure: digits not part of a date (2024年, 12月, 31日). */
const FIGURE = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])(?!\s*[年月日])/g;

/** A sentence as compared across years: spaces, punctuation and the 【请核对】 mark out, every figure `#`. */
function keyOf(sentence: string): string {
  return sentence
    .split(REVIEW_MARK)
    .join('')
    .replace(/[\s，,、：:“”"‘’'（）()《》〈〉<>【】「」\-—.．%％·…]/g, '')
    .replace(/[0-9０-９]+/g, '#');
}

/** The key without a prescribed heading it starts with (a run-in 「（一）主动公开。」 or 「一、总体情况」). */
function withoutHeading(key: string): string {
  const heading = REQUIRED_HEADING_KEYS.find((h) => key.startsWith(h));
  return heading ? key.slice(heading.length) : key;
}

/** Every figure of the sentence is 0 (「行政复议0件，行政诉讼0件」): such sentences repeat by nature. */
function allFiguresZero(text: string): boolean {
  const figures = [...text.matchAll(FIGURE)].map((m) => Number(m[0]));
  for (const t of countTokens(text, 0, text.length)) figures.push(t.value);
  return figures.length > 0 && figures.every((v) => v === 0);
}

interface Sentence {
  start: number;
  end: number;
  key: string;
  /** characters that count (no spaces, punctuation or figures); 0 when the sentence doesn't count */
  chars: number;
}

/** Where the app's data sentences (「插入/刷新数据句」, built from this year's tables) are: standard wording. */
function dataSentenceRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const re of [APPLY_SENTENCE_RE, REVIEW_SENTENCE_RE]) {
    for (const m of text.matchAll(new RegExp(re.source, 'g'))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** A section's sentences (split at 。！？；and line breaks), each with what XY-COPY counts of it. */
const sentencesOf = memoByText((raw: string): Sentence[] => {
  const text = normaliseText(raw);
  const data = dataSentenceRanges(text);
  const out: Sentence[] = [];
  let start = 0;
  const close = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    start = end;
    if (e <= s) return;
    const sentence = text.slice(s, e);
    const key = withoutHeading(keyOf(sentence));
    const chars = key.replace(/#/g, '').length;
    const standard = chars < COPY_MIN_CHARS || PERIOD_KEY.test(key) || allFiguresZero(sentence) || data.some(([a, b]) => s < b && e > a);
    out.push({ start: s, end: e, key, chars: standard ? 0 : chars });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') close(i);
    else if (ch === '。' || ch === '；' || ch === ';' || ch === '！' || ch === '？' || ch === '!' || ch === '?') close(i + 1);
  }
  close(text.length);
  return out;
});

/** A sentence this close to one of last year's (Dice similarity of character pairs) is a copy with a word or two changed. */
export const COPY_SIMILARITY = 0.8;
/** Last year's sentences a near copy is looked for among: those that begin or end like it (this many characters). */
const EDGE = 6;

/** Last year's sentences, and whether a sentence of this year repeats one of them (answers kept: typing re-asks). */
interface LastYear {
  size: number;
  repeats(key: string): boolean;
}

function lastYearOf(sections: Sections): LastYear {
  const keys = new Set(Object.values(sections).flatMap((t) => (t ? sentencesOf(t).map((s) => s.key) : [])));
  const byEdge = new Map<string, string[]>();
  for (const k of keys) {
    for (const edge of [`^${k.slice(0, EDGE)}`, `$${k.slice(-EDGE)}`]) byEdge.set(edge, [...(byEdge.get(edge) ?? []), k]);
  }
  const answers = new Map<string, boolean>();
  const near = (key: string) => {
    const candidates = [...(byEdge.get(`^${key.slice(0, EDGE)}`) ?? []), ...(byEdge.get(`$${key.slice(-EDGE)}`) ?? [])];
    return candidates.some((c) => similarity(c, key) >= COPY_SIMILARITY);
  };
  return {
    size: keys.size,
    repeats(key) {
      let answer = answers.get(key);
      if (answer === undefined) {
        answer = keys.has(key) || near(key);
        if (answers.size > 5000) answers.clear();
        answers.set(key, answer);
      }
      return answer;
    },
  };
}

const lastYears = new WeakMap<Sections, LastYear>();

/** Last year's sentences, every section (cached per `previous.sections` object). */
function lastYearKeys(sections: Sections): LastYear {
  let last = lastYears.get(sections);
  if (!last) {
    last = lastYearOf(sections);
    lastYears.set(sections, last);
  }
  return last;
}

/** This year's sections whose narrative counts: the preface is the standard wording (legal basis, parts, period). */
const COUNTED_SECTIONS: readonly SectionKey[] = SECTIONS.map((s) => s.key);

/** Copied sentences next to each other in a section make one passage; an uncounted one (a heading) ends it, unmarked. */
function copiedPassages(p: Prepared, seen: LastYear): { passages: TextSpan[]; copied: number; total: number; sentences: number } {
  const passages: TextSpan[] = [];
  let copied = 0;
  let total = 0;
  let sentences = 0;
  for (const section of COUNTED_SECTIONS) {
    const text = p.report.sections?.[section];
    if (!text) continue;
    let open: TextSpan | null = null;
    for (const s of sentencesOf(text)) {
      // a sentence that doesn't count (a heading, the period, all zeros) is not marked as copied: it ends the passage
      if (s.chars === 0) {
        open = null;
        continue;
      }
      const repeated = seen.repeats(s.key);
      total += s.chars;
      sentences++;
      if (repeated) copied += s.chars;
      if (!repeated) open = null;
      else if (open) open.end = s.end;
      else {
        open = { section, start: s.start, end: s.end };
        passages.push(open);
      }
    }
  }
  return { passages, copied, total, sentences };
}

/** XY-COPY: more than half of this year's narrative (in characters of sentences) repeats last year's. */
function copiedText(p: Prepared, out: Finding[]): void {
  const previous = p.report.previous;
  if (!previous?.sections) return;
  const seen = lastYearKeys(previous.sections);
  if (seen.size === 0) return;
  const { passages, copied, total, sentences } = copiedPassages(p, seen);
  const first = passages[0];
  if (!first || sentences < COPY_MIN_SENTENCES || copied * 2 <= total) return;
  const shownPassages = passages.slice(0, 3).map((x) => `「${SECTION_NAMES[x.section]}」“${quote(p.report.sections?.[x.section] ?? '', x.start, x.end, 20)}”`);
  const more = passages.length > 3 ? `等 ${passages.length} 处` : '';
  const finding = p.finding(
    'XY-COPY',
    `正文 ${total} 字中有 ${copied} 字（${Math.round((copied / total) * 100)}%）与${previous.year}年报告相同或只改了年份、数字和个别字词（不计规定的标题、统计期限和数字全为 0 的句子），超过一半，请按本年度情况撰写。雷同段落：${shownPassages.join('；')}${more}`,
    { span: first },
  );
  finding.passages = passages;
  out.push(finding);
}

export function crossYearRules(p: Prepared, out: Finding[]): void {
  const previous = p.report.previous;
  if (!previous) return;
  const prev = previousValues(previous);
  const consecutive = previous.year === p.report.year - 1;
  if (consecutive) {
    carry(p, prev, previous.year, out);
    valid(p, prev, previous.year, out);
  }
  jump(p, prev, previous.year, out);
  sameTables(p, prev, out);
  copiedText(p, out);
}
