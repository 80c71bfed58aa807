/**
 * A unit's file swapped for a FIFO after a roll-up: noticing which files changed (every poll of the job) and the
 * re-run finish, naming the file as unreadable in Chinese — the FIFO is refused, never waited on (it blocked forever).
 * The FIFO is made with mkfifo in a temp folder, never a device of the machine.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOfficeServices } from '../../electron/main/services/office/officeJobs.js';
import { rollupChanged } from '../../electron/main/services/office/rollupFiles.js';
import { parseDraftText } from '../../shared/schema/draft.js';
import { parseRollupView } from '../../shared/rollup/host.js';
import { unitDraftText, unitReport, writeUnitFiles } from './support/units.js';

const dir = mkdtempSync(join(tmpdir(), 'rollup-fifo-'));
const folder = join(dir, 'units');
const fifo = join(folder, 'b.gkbg');
writeUnitFiles(folder, {
  'a.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 2, 'apply.granted.natural': 2 })),
  'b.gkbg': unitDraftText(unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 4 })),
});
const answers: (string | null)[] = [];
const office = createOfficeServices({
  dialogs: { chooseFolder: async () => answers.shift() ?? null, chooseFiles: async () => null, chooseSave: async () => null },
  pool: { workers: 2 },
});

/** A reader blocked on the FIFO (the defect) gets its end of file, so nothing stays stuck after the test. */
function releaseReaders(): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // ENXIO: nobody is waiting on it
  }
}

afterAll(async () => {
  releaseReaders();
  await office.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** `promise`, or a rejection naming what hung after `ms`. */
async function within<T>(what: string, promise: Promise<T>, ms = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      releaseReaders();
      reject(new Error(`${what}: still waiting after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, hung]);
  } finally {
    clearTimeout(timer);
  }
}

async function finish(job: string) {
  for (;;) {
    const p = await within('poll', office.officePoll({ job, since: 0 }));
    if (p.status === 'error') throw new Error(p.message);
    if (p.status !== 'running') return p;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a unit file swapped for a FIFO after a roll-up', () => {
  it('is named as unreadable, and the re-run finishes without it', async () => {
    answers.push(folder);
    const start = await office.officeStart({ task: 'rollup', scope: 'county' });
    if (start.status !== 'started') throw new Error('not started');
    const done = await finish(start.job);
    const view = done.rollup ? parseRollupView(done.rollup) : null;
    if (!view?.ok) throw new Error('no roll-up');
    expect(view.view.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(6);
    const draft = parseDraftText(view.view.draftText);
    const record = draft.ok ? draft.draft.rollup : undefined;
    expect(record?.sources.map((s) => s.file).sort()).toEqual(['a.gkbg', 'b.gkbg']);

    unlinkSync(fifo);
    execFileSync('mkfifo', [fifo]);
    if (record) {
      const changed = await within('rollupChanged', rollupChanged(record));
      expect(changed.map((c) => c.file)).toEqual(['b.gkbg']);
      expect(changed[0]?.why).toBe('无法打开「b.gkbg」：这不是普通文件（可能是管道、设备或文件夹）');
    }

    // the job looks at its files again at most every 2 s: poll until it has
    await expect
      .poll(async () => {
        const after = await within('poll after the swap', office.officePoll({ job: start.job, since: 0 }));
        return after.status !== 'error' && after.changed;
      }, { timeout: 10_000, interval: 250 })
      .toEqual(['b.gkbg']);

    const again = await office.officeStart({ task: 'rollup', again: start.job, scope: 'county' });
    if (again.status !== 'started') throw new Error('not started');
    const redone = await finish(again.job);
    const view2 = redone.rollup ? parseRollupView(redone.rollup) : null;
    if (!view2?.ok) throw new Error('no roll-up');
    expect(view2.view.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(2);
    const left = view2.view.sources.find((s) => s.file === 'b.gkbg');
    expect(left?.status).toBe('excluded');
    expect(left?.reason).toMatch(/不是普通文件/);
    expect(redone.changed).toEqual(['b.gkbg']);
  }, 60_000);
});
