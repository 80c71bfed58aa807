/**
 * Narrative against tables (spec §4 N-APP, N-REVIEW, N-ACTIVE, N-PCT; warnings). A figure stated in the text is
 * compared with every table figure its wording can mean; it is flagged only when it fits none of them, and the
 * message then shows each reading.
 */
import { SECTION_KEYS, SECTION_NAMES, applyResultGroups, applyRows, type SectionKey } from '../report/format.js';
import type { Prepared } from './prepare.js';
import { textFigures, type ActiveFigure, type AppFigure, type ReviewFigure } from './textFigures.js';
import { quote } from './textTokens.js';
import type { Finding } from './types.js';

interface Reading {
  label: string;
  value: number | null;
  cells: string[];
}

function sum(p: Prepared, keys: string[]): number | null {
  let total = 0;
  for (const k of keys) {
    // a figure whose column is a guess is no figure of the row the text names
    const v = p.placed(k);
    if (v === null) return null;
    total += v;
  }
  return total;
}

function reading(p: Prepared, label: string, keys: string[]): Reading {
  return { label, value: sum(p, keys), cells: keys };
}

const NEW = 'apply.new.total';
const CARRIED_OVER = 'apply.carried_over.total';
const PROCESSED = 'apply.processed_total.total';
const CARRIED_FORWARD = 'apply.carried_forward.total';

/** The rows of a result of 三 (「不予公开」 = every denied_* row), with its label. */
function resultRows(p: Prepared, kind: AppFigure): { label: string; keys: string[] } | null {
  if (!kind.startsWith('result:')) return null;
  const prefix = kind.slice('result:'.length);
  const rows = applyRows(p.format.otherSplit).filter((r) => r.key === prefix || r.key.startsWith(`${prefix}_`));
  // 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 is named without its note
  const label = (applyResultGroups().find((g) => g.prefix === prefix)?.label ?? rows[0]?.label ?? prefix).replace(/（[^（）]*，[^（）]*）$/, '');
  return rows.length > 0 ? { label, keys: rows.map((r) => `apply.${r.key}.total`) } : null;
}

function appReadings(p: Prepared, kind: AppFigure, joined: readonly AppFigure[] = []): Reading[] {
  if (joined.length > 0) {
    // 「予以公开及部分公开 42 件」: the sum of the rows named
    const parts = [...joined, kind].map((k) => resultRows(p, k));
    if (parts.some((x) => x === null)) return [];
    const known = parts.filter((x): x is { label: string; keys: string[] } => x !== null);
    return [reading(p, known.map((x) => x.label).join('加'), known.flatMap((x) => x.keys))];
  }
  const isNew = reading(p, '本年新收', [NEW]);
  const withCarried = reading(p, '本年新收加上年结转', [NEW, CARRIED_OVER]);
  const processed = reading(p, '办理结果总计', [PROCESSED]);
  const forward = reading(p, '结转下年度继续办理', [CARRIED_FORWARD]);
  const over = reading(p, '上年结转', [CARRIED_OVER]);
  if (kind.startsWith('result:')) {
    const rows = resultRows(p, kind);
    return rows ? [reading(p, rows.label, rows.keys)] : [];
  }
  switch (kind) {
    case 'new':
      return [isNew];
    case 'received':
      return [isNew, withCarried];
    case 'handled':
      return [isNew, withCarried, processed];
    case 'processed':
      return [processed];
    case 'carried_forward':
      return [forward];
    case 'carried_over':
      return [over];
    case 'carried':
      return [forward, over];
    default:
      return [];
  }
}

function reviewReadings(p: Prepared, kind: ReviewFigure, value: number): Reading[] {
  const rec = reading(p, '行政复议总计', ['review.reconsideration.total']);
  const lit = reading(p, '行政诉讼总计（未经复议直接起诉与复议后起诉之和）', ['review.sued_direct.total', 'review.sued_after.total']);
  const direct = reading(p, '未经复议直接起诉总计', ['review.sued_direct.total']);
  const after = reading(p, '复议后起诉总计', ['review.sued_after.total']);
  switch (kind) {
    case 'reconsideration':
      return [rec];
    case 'litigation':
      // 「行政诉讼 2 件」 may mean one kind of suit; 「无…行政诉讼」 means none of either
      return value === 0 ? [lit] : [lit, direct, after];
    case 'both':
      return [reading(p, '行政复议与行政诉讼总计之和', ['review.reconsideration.total', 'review.sued_direct.total', 'review.sued_after.total'])];
  }
}

function activeReadings(p: Prepared, kind: ActiveFigure): Reading[] {
  const cell = (key: string): Reading => reading(p, (p.format.cellByKey.get(key)?.name ?? key).replace(/^二、/, ''), [key]);
  if (kind === 'licensing' || kind === 'punishment' || kind === 'coercion') {
    const key = p.format.id === '2019' ? `active2019.${kind}.decisions` : `active.${kind}.decisions`;
    return p.format.cellByKey.has(key) ? [cell(key)] : [];
  }
  if (kind === 'fees') return p.format.id === '2019' ? [] : [cell('active.fees.amount')];
  if (p.format.id === '2019') {
    return kind === 'issued' || kind === 'issued_or_in_force' ? [cell('active2019.normative.made'), cell('active2019.normative.published')] : [];
  }
  const issued = cell('active.normative.issued');
  switch (kind) {
    case 'issued':
      return [issued];
    case 'repealed':
      return [cell('active.normative.repealed')];
    case 'in_force':
      return [cell('active.normative.in_force')];
    case 'issued_or_in_force':
      return [issued, cell('active.normative.in_force')];
    default:
      return [];
  }
}

/** Compare one stated figure with its readings: a finding when it fits none of the known ones. */
function compare(
  p: Prepared,
  rule: 'N-APP' | 'N-REVIEW' | 'N-ACTIVE',
  table: string,
  section: SectionKey,
  text: string,
  m: { value: number; start: number; end: number; clauseStart: number; clauseEnd: number; unit?: '万元'; decimals?: number },
  readings: Reading[],
): Finding | null {
  const known = readings.filter((r) => r.value !== null);
  // an amount fits when the table's, rounded to the decimals the text writes, is the text's
  const tolerance = m.unit ? 0.5 * 10 ** -(m.decimals ?? 0) + 1e-9 : 0;
  if (known.length === 0 || known.some((r) => Math.abs((r.value ?? Number.NaN) - m.value) <= tolerance)) return null;
  // readings with the same figure say the same thing once
  const shown: Reading[] = [];
  for (const r of known) if (!shown.some((s) => s.value === r.value)) shown.push(r);
  const sides =
    shown.length === 1
      ? `${table}${shown[0]!.label}为 ${shown[0]!.value}，相差 ${Number(Math.abs(m.value - (shown[0]!.value ?? 0)).toFixed(6))}`
      : `${shown.map((r) => `按${r.label}计，${table}为 ${r.value}`).join('；')}，都对不上`;
  const cells = [...new Set(known.flatMap((r) => r.cells))];
  const where = SECTION_NAMES[section];
  return p.finding(rule, `${where}正文“${quote(text, m.clauseStart, m.clauseEnd)}”为 ${m.value} ${m.unit ?? '件'}，与${table}不符：${sides}`, {
    cells,
    target: known[0]!.cells[0] ?? cells[0],
    span: { section, start: m.start, end: m.end },
  });
}

function fmt(n: number, decimals: number): string {
  return n.toFixed(Math.max(decimals, 2)).replace(/\.?0+$/, '') || '0';
}

export function narrativeRules(p: Prepared, out: Finding[]): void {
  for (const section of SECTION_KEYS) {
    const text = p.texts[section];
    if (!text) continue;
    const fig = textFigures(text, p.report.year, section === 'review');
    for (const m of fig.apply) {
      const f = compare(p, 'N-APP', '表三', section, text, m, appReadings(p, m.kind, m.with));
      if (f) out.push(f);
    }
    for (const m of fig.review) {
      const f = compare(p, 'N-REVIEW', '表四', section, text, m, reviewReadings(p, m.kind, m.value));
      if (f) out.push(f);
    }
    for (const m of fig.active) {
      const f = compare(p, 'N-ACTIVE', '表二', section, text, m, activeReadings(p, m.kind));
      if (f) out.push(f);
    }
    for (const m of fig.percents) {
      const tolerance = 0.5 * 10 ** -m.decimals + 1e-9;
      const fits = (den: number) => {
        if (den <= 0 || m.numerator.value > den) return true; // not a rate of this count: say nothing
        const r = (m.numerator.value / den) * 100;
        const scale = 10 ** m.decimals;
        // rounded, cut, or rounded twice (0.446 → 0.45 → 0.5)
        const twice = Math.round(Math.round(r * scale * 10 + 1e-9) / 10 + 1e-9) / scale;
        return Math.abs(r - m.percent) <= tolerance || Math.floor(r * scale + 1e-9) / scale === m.percent || Math.abs(twice - m.percent) < 1e-9;
      };
      // a share said to be about so much (「约占比20%」) is rounded to its last printed digit, to tens when it is a ten of 20 or more
      // (a share nudged a unit so a breakdown adds up to 100 % is still off: readers of real reports flag it)
      const about = m.approximate ? (m.decimals === 0 && m.percent % 10 === 0 && m.percent >= 20 ? 5 : 10 ** -m.decimals) : 0;
      const off = (den: number) => Math.abs((m.numerator.value / den) * 100 - m.percent);
      if (m.denominators.some((d) => fits(d.value) || off(d.value) <= about + 1e-9)) continue;
      // the whole it comes nearest to being a share of is the one the message names
      const d = m.denominators.reduce((best, x) => (off(x.value) < off(best.value) ? x : best));
      const actual = (m.numerator.value / d.value) * 100;
      out.push(
        p.finding(
          'N-PCT',
          `${SECTION_NAMES[section]}正文“${quote(text, m.start, m.end)}”与其分子分母不符：${m.numerator.label} ${m.numerator.value} ÷ ${d.label.replace(/\s+/g, ' ')} ${d.value} = ${fmt(actual, m.decimals)}%，正文写 ${m.percent}%，相差 ${fmt(Math.abs(actual - m.percent), m.decimals)} 个百分点`,
          { span: { section, start: m.start, end: m.end } },
        ),
      );
    }
  }
}
