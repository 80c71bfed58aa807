/**
 * A review or roll-up job as the page sees it: start (main asks for the folder or files), poll for progress and rows
 * until done, cancel; a finished roll-up's outcome validated; files changed since are reported by main.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OfficeHost, OfficeStartArg } from '../../shared/rollup/host.js';
import { parseRollupView, type RollupView } from '../../shared/rollup/host.js';
import type { ReviewRow } from '../../shared/rollup/review.js';

export const POLL_MS = 250;
/** How often a finished roll-up asks whether a unit's file changed. */
export const CHANGE_POLL_MS = 3000;

export type JobState =
  | { step: 'idle'; error?: string }
  | { step: 'running'; job: string; location: string; done: number; total: number; rows: ReviewRow[] }
  | { step: 'done' | 'canceled'; job: string; location: string; total: number; rows: ReviewRow[]; rollup: RollupView | null; changed: string[] };

export function useOfficeJob(host: OfficeHost) {
  const [state, setState] = useState<JobState>({ step: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const follow = useCallback(
    async (job: string, location: string, total: number) => {
      let rows: ReviewRow[] = [];
      for (;;) {
        const p = await host.officePoll({ job, since: rows.length });
        if (!alive.current) return;
        if (p.status === 'error') return setState({ step: 'idle', error: p.message });
        rows = [...rows, ...p.rows];
        if (p.status === 'running') {
          setState({ step: 'running', job, location, done: p.done, total, rows });
          await new Promise((r) => setTimeout(r, POLL_MS));
          continue;
        }
        const parsed = p.rollup ? parseRollupView(p.rollup) : null;
        if (parsed && !parsed.ok) return setState({ step: 'idle', error: parsed.error });
        return setState({ step: p.status, job, location, total, rows, rollup: parsed?.ok ? parsed.view : null, changed: p.changed });
      }
    },
    [host],
  );

  const start = useCallback(
    async (arg: OfficeStartArg) => {
      try {
        const r = await host.officeStart(arg);
        if (!alive.current) return;
        if (r.status === 'canceled') return setState((s) => (s.step === 'running' ? s : { step: 'idle' }));
        if (r.status === 'error') return setState({ step: 'idle', error: r.message });
        setState({ step: 'running', job: r.job, location: r.location, done: 0, total: r.total, rows: [] });
        await follow(r.job, r.location, r.total);
      } catch (e) {
        setState({ step: 'idle', error: `操作失败：${e instanceof Error ? e.message : String(e)}` });
      }
    },
    [host, follow],
  );

  const cancel = useCallback(() => {
    if (state.step === 'running') void host.officeCancel({ job: state.job });
  }, [host, state]);

  /** Ask main whether a finished job's files changed (the roll-up re-runs when one did). */
  const checkChanged = useCallback(async (): Promise<string[]> => {
    if (state.step !== 'done') return [];
    const p = await host.officePoll({ job: state.job, since: state.rows.length });
    return p.status === 'error' ? [] : p.changed;
  }, [host, state]);

  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, start, cancel, checkChanged, reset };
}
