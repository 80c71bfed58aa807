/**
 * What an import returns (crosses IPC as JSON, so it is a zod-validated, JSON-serialisable shape):
 * the report as published, the draft made from it, the source check, and every doubt of the parser.
 */
import { z } from 'zod';
import { SECTION_KEYS, type SectionKey } from '../report/format.js';
import { draftSchema } from '../schema/draft.js';
import { reportDataSchema } from '../schema/reportData.js';
import type { Finding, RuleId } from '../rules/types.js';

/** A cell or field the parser was unsure of, with the reason in Chinese: the clerk confirms these first. */
export const uncertainSchema = z.strictObject({
  /** a cell key (`apply.new.natural`) or a field (`year`, `organ`, `title`, `format`, `signature`, `sections.overview` …) */
  target: z.string().max(200),
  /** what it is, for people: 「三、（一）予以公开·自然人」, 「年度」 */
  name: z.string().max(300),
  reason: z.string().max(1000),
  /** every cell the doubt concerns, when it concerns a whole row */
  cells: z.array(z.string().max(64)).max(40).optional(),
  /** the source prints a figure in this cell that could not be read (glued beyond a sure cut, not a number) */
  unread: z.literal(true).optional(),
  /** what the source prints in this cell when it is no valid value for it (「--253」): the cell is left blank, V-NUM says so */
  invalid: z.string().max(64).optional(),
  /** the figure read into this cell was placed in order in a row of too many or too few figures: its column is a guess */
  unplaced: z.literal(true).optional(),
});
export type Uncertain = z.infer<typeof uncertainSchema>;

const sectionKey = z.enum(SECTION_KEYS as unknown as [SectionKey, ...SectionKey[]]);

export const findingSchema = z.strictObject({
  rule: z.string().regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/),
  severity: z.enum(['error', 'warning']),
  cells: z.array(z.string().max(64)),
  target: z.string().max(64).optional(),
  span: z.strictObject({ section: sectionKey, start: z.number().int().min(0), end: z.number().int().min(0) }).optional(),
  /** the section a finding about a whole section concerns (F-SECTIONS, F-FIVE, F-FEE …) */
  section: sectionKey.optional(),
  message: z.string().max(2000),
});

export const importSourceKinds = ['docx', 'pdf', 'text', 'html', 'pasted'] as const;
export type ImportSourceKind = (typeof importSourceKinds)[number];

export const importResultSchema = z.strictObject({
  /** where it came from */
  /** where it came from (`draft`: one of our own drafts, chosen for import by mistake and taken as it is) */
  source: z.strictObject({ kind: z.enum([...importSourceKinds, 'draft']), name: z.string().max(500) }),
  /** the report as published: printed totals included, blanks null */
  report: reportDataSchema,
  /** the draft made from it (totals dropped: the app computes them) */
  draft: draftSchema,
  /** the rules' findings on the source as published */
  sourceCheck: z.array(findingSchema),
  /** what the parser was unsure of */
  uncertain: z.array(uncertainSchema),
  /** cells read / cells of the format (for the summary line) */
  stats: z.strictObject({ cellsRead: z.number().int().min(0), cellsTotal: z.number().int().min(0) }),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Validate an import result received as JSON text (the renderer side of IPC). Never throws. */
export function parseImportResult(text: string): { ok: true; result: ImportResult } | { ok: false; error: string } {
  try {
    const parsed = importResultSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return { ok: false, error: '导入结果格式不正确' };
    return { ok: true, result: parsed.data };
  } catch {
    return { ok: false, error: '导入结果不是有效的 JSON' };
  }
}

/** Findings as plain JSON (drops anything a finding may carry beyond the schema). */
export function findingsToJson(findings: readonly Finding[]): z.infer<typeof findingSchema>[] {
  return findings.map((f) => {
    const message = f.message.length > 2000 ? `${f.message.slice(0, 1999)}…` : f.message;
    const out: z.infer<typeof findingSchema> = { rule: f.rule, severity: f.severity, cells: f.cells.filter((c) => c.length <= 64), message };
    if (f.target && f.target.length <= 64) out.target = f.target;
    if (f.span) out.span = { section: f.span.section, start: f.span.start, end: f.span.end };
    if (f.section) out.section = f.section;
    return out;
  });
}

export type Evaluate = (report: import('../report/model.js').Report) => Finding[];
export type { RuleId };
