/**
 * The office above's host methods (汇总, 批量核查), declared once with zod like every host method (shared/ipc
 * contract spreads them in). Work runs in main as a job: `officeStart` asks for the folder or files (paths belong to
 * main) and starts it, the page polls `officePoll` for progress and rows, `officeCancel` stops it, `officeExport`
 * saves what it produced. A roll-up's outcome crosses as JSON text, validated here on the page's side.
 */
import { z } from 'zod';
import { MAX_DRAFT_BYTES } from '../schema/draft.js';
import { ROLLUP_MAX_SOURCES, rollupSourceSchema, type RollupScope } from './record.js';
import { reviewRowSchema } from './review.js';

export const OFFICE_JOB_ID = /^j-[0-9a-f]{32}$/;
const jobId = z.string().regex(OFFICE_JOB_ID);
const failure = z.object({ status: z.literal('error'), message: z.string() });
const canceled = z.object({ status: z.literal('canceled') });
const scope = z.enum(['organ', 'county'] satisfies [RollupScope, RollupScope]);

export const officeExportKinds = ['review-xlsx', 'opinions', 'rollup-xlsx'] as const;
export type OfficeExportKind = (typeof officeExportKinds)[number];

export const officeHostMethods = {
  /** Start a review or roll-up: main asks for a folder (or files); `again` re-runs an earlier job on its files. */
  officeStart: {
    arg: z
      .object({
        task: z.enum(['review', 'rollup']),
        pick: z.enum(['folder', 'files']).optional(),
        again: jobId.optional(),
        scope: scope.optional(),
        organ: z.string().max(200).optional(),
        /** the unit roster's text, one name a line */
        roster: z.string().max(100_000).optional(),
      })
      .strict(),
    result: z.union([z.object({ status: z.literal('started'), job: jobId, total: z.number().int().min(0), location: z.string().max(4096) }), canceled, failure]),
  },
  /** Progress: rows finished since `since` (in finishing order), and when done a roll-up's outcome and changed files. */
  officePoll: {
    arg: z.object({ job: jobId, since: z.number().int().min(0) }).strict(),
    result: z.union([
      z.object({
        status: z.enum(['running', 'done', 'canceled']),
        done: z.number().int().min(0),
        total: z.number().int().min(0),
        rows: z.array(reviewRowSchema).max(ROLLUP_MAX_SOURCES),
        /** a finished roll-up: `RollupView` as JSON text */
        rollup: z.string().max(MAX_DRAFT_BYTES * 2).optional(),
        /** units' files changed on disk since the job read them */
        changed: z.array(z.string().max(500)).max(ROLLUP_MAX_SOURCES),
      }),
      failure,
    ]),
  },
  officeCancel: { arg: z.object({ job: jobId }).strict(), result: z.object({ status: z.literal('ok') }) },
  /** Save what a finished job produced: the review table, the 审核意见 (a folder of DOCX), the roll-up's tables. */
  officeExport: {
    arg: z.object({ job: jobId, kind: z.enum(officeExportKinds) }).strict(),
    result: z.union([z.object({ status: z.literal('saved'), path: z.string().max(4096) }), canceled, failure]),
  },
} as const;

const rolledCellSchema = z.strictObject({
  key: z.string().max(64),
  name: z.string().max(300),
  rule: z.enum(['sum', 'entry']),
  value: z.number().finite().nullable(),
  contributions: z.array(z.strictObject({ unit: z.string().max(200), value: z.number().finite() })).max(ROLLUP_MAX_SOURCES),
  blankUnits: z.array(z.string().max(200)).max(ROLLUP_MAX_SOURCES),
  invalidUnits: z.array(z.string().max(200)).max(ROLLUP_MAX_SOURCES),
});

/** What the page shows of a roll-up: the draft to open, each cell's sum and contributions, each file's fate. */
export const rollupViewSchema = z.strictObject({
  year: z.number().int(),
  format: z.enum(['2021', '2019']),
  draftText: z.string().max(MAX_DRAFT_BYTES),
  cells: z.array(rolledCellSchema).max(500),
  sources: z.array(rollupSourceSchema.omit({ cells: true, location: true })).max(ROLLUP_MAX_SOURCES),
  roster: z.strictObject({ missing: z.array(z.string().max(200)), notOnRoster: z.array(z.string().max(200)) }).nullable(),
});
export type RollupView = z.infer<typeof rollupViewSchema>;

export function parseRollupView(text: string): { ok: true; view: RollupView } | { ok: false; error: string } {
  try {
    const parsed = rollupViewSchema.safeParse(JSON.parse(text));
    return parsed.success ? { ok: true, view: parsed.data } : { ok: false, error: '汇总结果格式不正确' };
  } catch {
    return { ok: false, error: '汇总结果不是有效的 JSON' };
  }
}

type OfficeMethods = typeof officeHostMethods;
/** The office part of the host, as the page calls it. */
export type OfficeHost = {
  [M in keyof OfficeMethods]: (arg: z.infer<OfficeMethods[M]['arg']>) => Promise<z.infer<OfficeMethods[M]['result']>>;
};
export type OfficeStartArg = z.infer<OfficeMethods['officeStart']['arg']>;
