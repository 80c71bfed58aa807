/**
 * The office pool's worker with two misbehaviours on demand, to prove the pool's limits hold: a file named
 * `*.hang` never finishes (an endless loop, as a pathological parser would), `*.hog` allocates until the heap cap.
 * Every other file goes to the real worker. A worker started while FAILS_AS_IT_STARTS is set fails as it loads, holding
 * no task (as one over its memory cap while it loads the parsers).
 */
import readUnit, { type UnitTask } from '../../../electron/main/services/office/worker.js';

export const FAILS_AS_IT_STARTS = 'MISBEHAVING_WORKER_FAILS_AS_IT_STARTS';
if (process.env[FAILS_AS_IT_STARTS] === '1') throw new Error('a failure as the worker starts');

export default async function misbehave(task: UnitTask): Promise<unknown> {
  if (task.path.endsWith('.hang')) for (;;);
  if (task.path.endsWith('.hog')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 1_000_000 }, (_, i) => i));
  }
  return readUnit(task);
}
