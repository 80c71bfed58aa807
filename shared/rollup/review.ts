/**
 * 批量核查: one row per unit's file — its errors and warnings by rule and the parser's doubts, or why it couldn't be
 * checked. Crosses worker and IPC boundaries as JSON, so it is a zod schema.
 */
import { z } from 'zod';
import { findingSchema, uncertainSchema } from '../import/result.js';
import { RULE_IDS } from '../rules/index.js';

export const unitFileKinds = ['draft', 'data', 'docx', 'pdf', 'html', 'text', 'xlsx'] as const;
export type UnitFileKind = (typeof unitFileKinds)[number];

export const UNIT_FILE_KIND_NAMES: Record<UnitFileKind, string> = {
  draft: '草稿',
  data: '报告数据',
  docx: 'Word',
  pdf: 'PDF',
  html: '网页',
  text: '文本',
  xlsx: 'Excel',
};

export const reviewRowSchema = z.strictObject({
  file: z.string().max(500),
  unit: z.string().max(200),
  kind: z.enum(unitFileKinds).optional(),
  year: z.number().int().optional(),
  status: z.enum(['checked', 'failed']),
  /** why the file couldn't be checked (broken, hostile, too slow, too big) */
  reason: z.string().max(1000).optional(),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
  doubts: z.number().int().min(0),
  byRule: z.record(z.string().max(20), z.number().int().min(0)),
  findings: z.array(findingSchema).max(5000),
  uncertain: z.array(uncertainSchema).max(5000),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

type FindingJson = z.infer<typeof findingSchema>;
type UncertainJson = z.infer<typeof uncertainSchema>;

/** A checked unit's row. */
export function checkedRow(file: string, unit: string, kind: UnitFileKind, year: number, findings: readonly FindingJson[], uncertain: readonly UncertainJson[]): ReviewRow {
  const byRule: Record<string, number> = {};
  for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    file: file.slice(0, 500),
    unit: unit.slice(0, 200),
    kind,
    year,
    status: 'checked',
    errors,
    warnings: findings.length - errors,
    doubts: uncertain.length,
    byRule,
    findings: [...findings],
    uncertain: [...uncertain],
  };
}

/** A file that couldn't be checked: one row with its reason, never a stop. */
export function failedRow(file: string, reason: string, kind?: UnitFileKind): ReviewRow {
  const row: ReviewRow = { file: file.slice(0, 500), unit: file.replace(/\.[^.]+$/, '').slice(0, 200), status: 'failed', reason: reason.slice(0, 1000), errors: 0, warnings: 0, doubts: 0, byRule: {}, findings: [], uncertain: [] };
  if (kind) row.kind = kind;
  return row;
}

/** The rules any row names, in the rule table's order (the review table's columns). */
export function rulesNamed(rows: readonly ReviewRow[]): string[] {
  const named = new Set(rows.flatMap((r) => Object.keys(r.byRule)));
  return RULE_IDS.filter((id) => named.has(id));
}

/** The row's verdict in a word: 无法核查 / 有错误 / 有警告 / 通过. */
export function verdictOf(row: ReviewRow): string {
  if (row.status === 'failed') return '无法核查';
  if (row.errors > 0) return '有错误';
  if (row.warnings > 0 || row.doubts > 0) return '有警告';
  return '通过';
}
