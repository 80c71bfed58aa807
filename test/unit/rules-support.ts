/** Shared by the rules tests: the three sample reports as fixtures, a clean report, small mutations. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { formatFor } from '../../shared/report/format.js';
import { enteredOnly, type Report } from '../../shared/report/model.js';
import { evaluate, RULES, type Finding, type RuleContext, type RuleId } from '../../shared/rules/index.js';
import { parseReportDataJson } from '../../shared/schema/reportData.js';

const here = dirname(fileURLToPath(import.meta.url));
export const SAMPLES = ['urumqi-county-2024', 'xinxiang-county-office-2024', 'xinyuan-county-2024'] as const;
export type Sample = (typeof SAMPLES)[number];

export function fixture(name: Sample): Report {
  const text = readFileSync(join(here, '..', 'fixtures', 'data', `${name}.json`), 'utf8');
  const r = parseReportDataJson(JSON.parse(text));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}

/** The urumqi sample with its two known faults fixed: no finding at all. */
export function cleanReport(): Report {
  const r = fixture('urumqi-county-2024');
  r.title = '乌鲁木齐县人民政府2024年政府信息公开工作年度报告';
  r.sections = {
    ...r.sections,
    overview: `${r.sections?.overview ?? ''}把政务公开纳入年度工作考核，组织社会评议，全年未发生责任追究情况。`,
  };
  return r;
}

/** The same report the way a draft holds it: no stored totals. */
export function asDraft(r: Report): Report {
  return { ...r, cells: enteredOnly(formatFor(r.format, Object.keys(r.cells)), r.cells) };
}

export function run(r: Report, context?: RuleContext): Finding[] {
  const findings = evaluate(r, context);
  checkShape(r, findings, context);
  return findings;
}

export function rulesOf(findings: readonly Finding[]): RuleId[] {
  return findings.map((f) => f.rule);
}

export function only(findings: readonly Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

const UNWRITTEN_TODO = new Set<RuleId>(['F-SECTIONS', 'F-KPZ', 'F-FEE']);
/** The section a content finding concerns has no text at all (F-KPZ: the overview). */
function isUnwritten(r: Report, f: Finding): boolean {
  if (f.span) return false;
  const section = f.rule === 'F-KPZ' ? 'overview' : f.section;
  return section !== undefined && !(r.sections?.[section] ?? '').trim() && (f.rule !== 'F-SECTIONS' || f.message.startsWith('缺少'));
}

/** Every finding is well-formed: known rule, its severity, real cells, a span inside its section's text. */
export function checkShape(r: Report, findings: readonly Finding[], context?: RuleContext): void {
  const format = formatFor(r.format, Object.keys(r.cells));
  for (const f of findings) {
    const info = RULES[f.rule];
    expect(info, f.rule).toBeDefined();
    const drafting = (context?.stage ?? 'draft') === 'draft';
    const expected = drafting && info.draftSeverity ? info.draftSeverity : info.severity;
    // while drafting, "not written yet" findings are to-dos (warnings); everything else has the rule's severity
    const unwritten = drafting && UNWRITTEN_TODO.has(f.rule) && isUnwritten(r, f);
    expect(f.severity, `${f.rule} severity`).toBe(unwritten ? 'warning' : expected);
    expect(f.message.length, 'message').toBeGreaterThan(5);
    expect(f.message).not.toMatch(/undefined|NaN|null|\[object/);
    for (const c of f.cells) expect(format.cellByKey.has(c), `${f.rule} cell ${c}`).toBe(true);
    if (f.target) expect(f.cells.includes(f.target) || format.cellByKey.has(f.target), `${f.rule} target`).toBe(true);
    if (f.span) {
      const text = r.sections?.[f.span.section] ?? '';
      expect(f.span.start).toBeGreaterThanOrEqual(0);
      expect(f.span.end).toBeLessThanOrEqual(text.length);
      expect(f.span.end, `${f.rule} span ${JSON.stringify(f.span)} ${f.message}`).toBeGreaterThan(f.span.start);
      expect(f.section).toBe(f.span.section);
    }
  }
}
