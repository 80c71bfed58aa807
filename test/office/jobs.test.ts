/**
 * The office host methods in Node (what main serves the page): a review or roll-up job started on a folder main's
 * dialog chose, polled for progress and rows, its outputs saved, a changed unit file noticed and the roll-up re-run.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOfficeServices } from '../../electron/main/services/office/officeJobs.js';
import { readTablesXlsx } from '../../electron/main/services/office/xlsx.js';
import { parseRollupView } from '../../shared/rollup/host.js';
import { unitDraftText, unitReport, writeUnitFiles } from './support/units.js';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'office-jobs-'));
const folder = join(dir, 'units');
writeUnitFiles(folder, {
  'a.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 2, 'apply.granted.natural': 2 })),
  'b.gkbg': unitDraftText(unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 3 })),
  'c.docx': 'broken',
});
const answers = { folder: [] as (string | null)[], save: [] as (string | null)[] };
const office = createOfficeServices({
  dialogs: { chooseFolder: async () => answers.folder.shift() ?? null, chooseFiles: async () => null, chooseSave: async () => answers.save.shift() ?? null },
  pool: { workers: 2 },
  now: () => new Date('2025-01-20T08:00:00Z'),
});
afterAll(() => office.dispose());

async function finish(job: string) {
  for (;;) {
    const p = await office.officePoll({ job, since: 0 });
    if (p.status === 'error') throw new Error(p.message);
    if (p.status !== 'running') return p;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('office jobs', () => {
  it('is canceled when the clerk cancels the folder dialog', async () => {
    expect(await office.officeStart({ task: 'review' })).toEqual({ status: 'canceled' });
  });

  it('reviews a folder: every file a row, the table and the 审核意见 saved where main asks', async () => {
    answers.folder.push(folder);
    const start = await office.officeStart({ task: 'review' });
    expect(start).toMatchObject({ status: 'started', total: 3, location: folder });
    if (start.status !== 'started') return;
    const done = await finish(start.job);
    expect(done.status).toBe('done');
    expect(done.rows.map((r) => r.file).sort()).toEqual(['a.gkbg', 'b.gkbg', 'c.docx']);
    answers.save.push(join(dir, 'review.xlsx'));
    expect(await office.officeExport({ job: start.job, kind: 'review-xlsx' })).toEqual({ status: 'saved', path: join(dir, 'review.xlsx') });
    expect(existsSync(join(dir, 'review.xlsx'))).toBe(true);
    answers.folder.push(dir);
    expect(await office.officeExport({ job: start.job, kind: 'opinions' })).toEqual({ status: 'saved', path: join(dir, '审核意见') });
    expect(readdirSync(join(dir, '审核意见')).sort()).toEqual(['审核意见-001-县教育局.docx', '审核意见-002-县民政局.docx', '审核意见-003-c.docx']);
  });

  it('rolls up a folder, notices a unit file that changed, and re-runs on the same files', async () => {
    answers.folder.push(folder);
    const start = await office.officeStart({ task: 'rollup', scope: 'county', organ: '某某县人民政府', roster: '县教育局\n县民政局\n县财政局' });
    if (start.status !== 'started') throw new Error('not started');
    const done = await finish(start.job);
    const view = done.rollup ? parseRollupView(done.rollup) : null;
    expect(view?.ok).toBe(true);
    if (!view?.ok) return;
    expect(view.view.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(6);
    expect(view.view.roster?.missing).toEqual(['县财政局']);
    expect(view.view.sources.find((s) => s.file === 'c.docx')?.status).toBe('excluded');
    answers.save.push(join(dir, 'rollup.xlsx'));
    await office.officeExport({ job: start.job, kind: 'rollup-xlsx' });
    const tables = await readTablesXlsx(readFileSync(join(dir, 'rollup.xlsx')));
    expect(tables.ok && tables.report.cells['apply.new.natural']).toBe(6);

    writeFileSync(join(folder, 'a.gkbg'), unitDraftText(unitReport('县教育局', { 'apply.new.natural': 10, 'apply.granted.natural': 10 })));
    // the job looks at its files again at most every 2 s: poll until it has
    await expect
      .poll(async () => {
        const after = await office.officePoll({ job: start.job, since: 0 });
        return after.status !== 'error' && after.changed;
      }, { timeout: 10_000, interval: 250 })
      .toEqual(['a.gkbg']);
    const again = await office.officeStart({ task: 'rollup', again: start.job, scope: 'county', roster: '县教育局\n县民政局\n县财政局' });
    if (again.status !== 'started') throw new Error('not started');
    const redone = await finish(again.job);
    const view2 = redone.rollup ? parseRollupView(redone.rollup) : null;
    expect(view2?.ok && view2.view.cells.find((c) => c.key === 'apply.new.natural')?.value).toBe(14);
    expect(redone.changed).toEqual([]);
  });
});
