/**
 * Cross-year rules (spec §4, warnings; need last year's figures in `report.previous`): XY-CARRY, XY-VALID,
 * XY-JUMP, XY-SAME.
 */
import { APPLY_COLUMNS, SECTION_NAMES, type SectionKey, type TableId } from '../report/format.js';
import type { Prepared } from './prepare.js';
import { previousValues } from './prepare.js';
import type { Finding } from './types.js';
import { memoByText } from './textFigures.js';

/** XY-JUMP speaks only of figures this large (on either side): small numbers swing by nature. */
export const JUMP_MIN = 100;
/** …changed by at least this factor (×10 is the classic extra or missing digit). */
export const JUMP_FACTOR = 10;

function carry(p: Prepared, prev: ReturnType<typeof previousValues>, lastYear: number, out: Finding[]): void {
  let detailFailed = false;
  for (const col of APPLY_COLUMNS) {
    if (col.key === 'total' && detailFailed) continue;
    const before = prev.value(`apply.carried_forward.${col.key}`);
    const now = p.value(`apply.carried_over.${col.key}`);
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
    const [inForce, issued, repealed] = keys.map((k) => p.value(k));
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
    const now = p.value(key);
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

/** A sentence with spaces, punctuation and digits taken out: copies with only the figures updated match. */
const sentenceKeys = memoByText(sentenceKeysOf);
function sentenceKeysOf(text: string): string[] {
  const out: string[] = [];
  for (const s of text.split(/[。！？；;!?\n]/)) {
    const k = s.replace(/[\s，,、：:“”"‘’'（）()《》〈〉<>【】\-—.．%％]/g, '').replace(/[0-9０-９]+/g, '#');
    if (k.replace(/#/g, '').length >= 10) out.push(k);
  }
  return out;
}

const previousSentences = new WeakMap<object, Set<string>>();

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

function sameText(p: Prepared, out: Finding[]): void {
  const previous = p.report.previous;
  if (!previous?.sections) return;
  let seen = previousSentences.get(previous.sections);
  if (!seen) {
    seen = new Set(Object.values(previous.sections).flatMap((t) => (t ? sentenceKeys(t) : [])));
    previousSentences.set(previous.sections, seen);
  }
  if (seen.size === 0) return;
  for (const [section, text] of Object.entries(p.report.sections ?? {}) as [SectionKey, string | undefined][]) {
    // the preface is boilerplate by nature
    if (!text || section === 'preface') continue;
    const keys = sentenceKeys(text);
    if (keys.length < 3) continue;
    let repeated = 0;
    for (const k of keys) if (seen.has(k)) repeated++;
    if (repeated * 2 <= keys.length) continue;
    out.push(
      p.finding(
        'XY-SAME',
        `「${SECTION_NAMES[section]}」${keys.length} 句中有 ${repeated} 句与上年报告相同或仅数字不同（${Math.round((repeated / keys.length) * 100)}%），请按本年度情况撰写`,
        { span: { section, start: 0, end: text.length } },
      ),
    );
  }
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
  sameText(p, out);
}
