/**
 * The host methods `importPublished` and `importCancel` in Node: every import (a chosen file or pasted text) runs in
 * a worker of an office pool of one thread, with its wall-clock limit and memory cap, so the main process — and the
 * window — stay responsive; `importCancel` ends the import under way (its worker is ended).
 */
import type { HostArg, HostResult } from '../../../../shared/ipc/contract.js';
import { OfficePool, type PoolOptions } from '../office/pool.js';

/** How long one import may take: a real report takes a second or two. */
export const IMPORT_TIMEOUT_MS = 30_000;

export interface ImportServiceDeps {
  /** the Electron glue passes its native dialog, the test host a queued answer; null means canceled */
  chooseFile: () => Promise<string | null>;
  pool?: PoolOptions;
}

export function createImportServices(deps: ImportServiceDeps) {
  let pool: OfficePool | null = null;
  let current: AbortController | null = null;
  const poolOf = () => (pool ??= new OfficePool({ timeoutMs: IMPORT_TIMEOUT_MS, ...deps.pool, workers: 1 }));

  const importPublished = async (arg: HostArg<'importPublished'>): Promise<HostResult<'importPublished'>> => {
    const path = arg.pasted === undefined ? await deps.chooseFile() : null;
    if (arg.pasted === undefined && !path) return { status: 'canceled' };
    current?.abort();
    const job = new AbortController();
    current = job;
    try {
      return await poolOf().importPublished(arg.pasted !== undefined ? { pasted: arg.pasted } : { path: path ?? '' }, job.signal);
    } finally {
      if (current === job) current = null;
    }
  };

  const importCancel = async (_arg: HostArg<'importCancel'>): Promise<HostResult<'importCancel'>> => {
    current?.abort();
    return { status: 'ok' };
  };

  return {
    importPublished,
    importCancel,
    async dispose(): Promise<void> {
      current?.abort();
      await pool?.close();
      pool = null;
    },
  };
}
