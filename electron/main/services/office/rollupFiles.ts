/**
 * 汇总 of units' files: each file read and checked in the worker pool, then `rollUp` (shared, pure). The roll-up
 * draft records each file's location and hash, so `rollupChanged` can tell which units' files changed since and the
 * roll-up be re-run on the same files.
 */
import { createHash } from 'node:crypto';
import { rollUp, type RollupOptions, type RollupRecord, type RollupResult, type UnitInput } from '../../../../shared/rollup/index.js';
import { readRegularFile } from '../atomicWrite.js';
import { describeFileError } from '../fsErrors.js';
import type { OfficePool, RunOptions } from './pool.js';
import type { UnitRead } from './unitFile.js';

export function unitInputOf(path: string, read: UnitRead): UnitInput {
  const input: UnitInput = { file: read.file, location: path, loaded: read.ok ? { ok: true, report: read.report } : { ok: false, error: read.error } };
  if (read.sha256) input.sha256 = read.sha256;
  return input;
}

export type RollupRun = { canceled: false; result: RollupResult; reads: UnitRead[] } | { canceled: true };

/** Roll up the files at `paths` (already expanded from folders). */
export async function rollUpFiles(pool: OfficePool, paths: readonly string[], options: RollupOptions, run: RunOptions = {}): Promise<RollupRun> {
  const { reads, canceled } = await pool.readUnits(paths, run);
  if (canceled) return { canceled: true };
  const complete = reads.map((r, i) => r ?? { ok: false as const, file: paths[i] ?? '', error: '未读取' });
  const result = rollUp(
    complete.map((r, i) => unitInputOf(paths[i] ?? '', r)),
    options,
  );
  return { canceled: false, result, reads: complete };
}

/** A unit file's SHA-256: read with readRegularFile, so a file swapped for a FIFO is refused, never waited on. */
async function hashOf(path: string): Promise<string> {
  return createHash('sha256').update(await readRegularFile(path)).digest('hex');
}

/**
 * The recorded sources whose file is gone, unreadable or has other content now (so the roll-up should be re-run);
 * `why` in Chinese, naming the file.
 */
export async function rollupChanged(record: RollupRecord): Promise<{ file: string; location: string; why: string }[]> {
  const changed: { file: string; location: string; why: string }[] = [];
  for (const s of record.sources) {
    if (!s.location) continue;
    try {
      const hash = await hashOf(s.location);
      if (s.sha256 && hash !== s.sha256) changed.push({ file: s.file, location: s.location, why: '文件内容已更改' });
    } catch (e) {
      changed.push({ file: s.file, location: s.location, why: describeFileError(e, s.location, 'open') });
    }
  }
  return changed;
}
