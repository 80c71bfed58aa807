/**
 * What a roll-up draft records of where it came from (zod, so it is checked wherever it is read): its scope
 * (本机关 / 全县汇总), the roster if one was given, and each unit's file — name, location, content hash, whether it
 * was counted and why not, and the figures it contributed — so every rolled-up cell can show its contributions by
 * unit, and a changed file is noticed and the roll-up re-run.
 */
import { z } from 'zod';

export const ROLLUP_SCOPES = { organ: '本机关', county: '全县汇总' } as const;
export type RollupScope = keyof typeof ROLLUP_SCOPES;

/** Why a unit's file is not in the sums. */
export const EXCLUSION_KINDS = {
  unreadable: '无法读取',
  'other-year': '年度不同',
  'other-format': '格式不同',
  duplicate: '重复',
} as const;
export type ExclusionKind = keyof typeof EXCLUSION_KINDS;

export const ROLLUP_MAX_SOURCES = 1000;

export const rollupSourceSchema = z.strictObject({
  /** file name, for people */
  file: z.string().max(500),
  /** where the file was (absolute path) — for re-running the roll-up; main's, never the page's */
  location: z.string().max(4096).optional(),
  /** sha-256 of the file's bytes when read */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** the unit's name as its report gives it (or the file's name) */
  unit: z.string().max(200),
  year: z.number().int().min(2008).max(2100).optional(),
  /** counted in the sums, or left out with the reason */
  status: z.enum(['included', 'excluded']),
  exclusion: z.enum(Object.keys(EXCLUSION_KINDS) as [ExclusionKind, ...ExclusionKind[]]).optional(),
  reason: z.string().max(1000).optional(),
  /** the figures this unit gave, flat cell keys (entered cells only, blanks left out) */
  cells: z.record(z.string().max(64), z.number().finite()),
});
export type RollupSource = z.infer<typeof rollupSourceSchema>;

export const rollupRecordSchema = z.strictObject({
  scope: z.enum(Object.keys(ROLLUP_SCOPES) as [RollupScope, ...RollupScope[]]),
  /** ISO time the roll-up ran */
  createdAt: z.string().max(40),
  roster: z.array(z.string().max(200)).max(ROLLUP_MAX_SOURCES).optional(),
  sources: z.array(rollupSourceSchema).max(ROLLUP_MAX_SOURCES),
});
export type RollupRecord = z.infer<typeof rollupRecordSchema>;
