/**
 * The Node side of the office host methods (shared/rollup/host.ts): jobs of batch review or roll-up run in the
 * worker pool, polled by the page. Paths belong to main: folders and files come from main's own dialogs (injected:
 * Electron's native ones, or the test host's queued answers), and a re-run uses the paths main kept.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { parseRoster, rollUp, type RollupResult, type RollupScope, type ReviewRow } from '../../../../shared/rollup/index.js';
import type { officeHostMethods, RollupView } from '../../../../shared/rollup/host.js';
import { draftToReport, serializeDraft } from '../../../../shared/schema/draft.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { expandInputs, unitFilesIn } from './folder.js';
import { OfficePool, type PoolOptions } from './pool.js';
import { opinionFileName, writeOpinionDocx, writeReviewXlsx } from './reviewOutputs.js';
import { rollupChanged, unitInputOf } from './rollupFiles.js';
import { reviewRowOf, type UnitRead } from './unitFile.js';
import { writeTablesXlsx } from './xlsx.js';

type Methods = typeof officeHostMethods;
type Arg<M extends keyof Methods> = z.infer<Methods[M]['arg']>;
type Result<M extends keyof Methods> = z.infer<Methods[M]['result']>;

export interface OfficeDialogs {
  chooseFolder(title: string): Promise<string | null>;
  chooseFiles(title: string): Promise<string[] | null>;
  chooseSave(suggestedName: string): Promise<string | null>;
}

interface Job {
  id: string;
  task: 'review' | 'rollup';
  paths: string[];
  location: string;
  options: { scope: RollupScope; organ?: string; roster?: string[] };
  reads: (UnitRead | undefined)[];
  /** rows in finishing order (what polls page through) */
  finished: ReviewRow[];
  status: 'running' | 'done' | 'canceled';
  controller: AbortController;
  rollup?: RollupResult;
  changed: string[];
  checkedAt: number;
}

const MAX_JOBS = 8;
const CHANGE_CHECK_MS = 2000;

function rollupView(result: RollupResult): RollupView {
  return {
    year: result.year,
    format: result.format,
    draftText: serializeDraft(result.draft),
    cells: result.cells,
    sources: result.sources.map(({ cells: _cells, location: _location, ...s }) => s),
    roster: result.roster,
  };
}

export function createOfficeServices(deps: { dialogs: OfficeDialogs; pool?: PoolOptions; now?: () => Date }) {
  const jobs = new Map<string, Job>();
  let pool: OfficePool | null = null;
  const poolOf = () => (pool ??= new OfficePool(deps.pool));

  async function run(job: Job): Promise<void> {
    const { reads, canceled } = await poolOf().readUnits(job.paths, {
      signal: job.controller.signal,
      onProgress: (_done, _total, read, index) => {
        job.reads[index] = read;
        job.finished.push(reviewRowOf(read));
      },
    });
    job.reads = reads;
    if (canceled) {
      job.status = 'canceled';
      return;
    }
    if (job.task === 'rollup') {
      const inputs = reads.map((r, i) => unitInputOf(job.paths[i] ?? '', r ?? { ok: false, file: basename(job.paths[i] ?? ''), error: '未读取' }));
      job.rollup = rollUp(inputs, { ...job.options, now: (deps.now?.() ?? new Date()).toISOString() });
    }
    job.status = 'done';
  }

  function remember(job: Job): void {
    jobs.set(job.id, job);
    for (const old of jobs.values()) if (jobs.size > MAX_JOBS && old.status !== 'running') jobs.delete(old.id);
    void run(job).catch((e: unknown) => {
      job.status = 'canceled';
      job.finished.push({ file: '', unit: '', status: 'failed', reason: `处理中断：${e instanceof Error ? e.message : String(e)}`, errors: 0, warnings: 0, doubts: 0, byRule: {}, findings: [], uncertain: [] });
    });
  }

  async function pickPaths(arg: Arg<'officeStart'>): Promise<{ paths: string[]; location: string } | null> {
    const title = arg.task === 'rollup' ? '选择下级单位报告所在的文件夹' : '选择要核查的报告所在的文件夹';
    if (arg.pick === 'files') {
      const files = await deps.dialogs.chooseFiles(arg.task === 'rollup' ? '选择下级单位的报告' : '选择要核查的报告');
      return files && files.length ? { paths: await expandInputs(files), location: files.length === 1 ? (files[0] ?? '') : `${files.length} 个文件` } : null;
    }
    const folder = await deps.dialogs.chooseFolder(title);
    return folder ? { paths: await unitFilesIn(folder), location: folder } : null;
  }

  const officeStart = async (arg: Arg<'officeStart'>): Promise<Result<'officeStart'>> => {
    const earlier = arg.again ? jobs.get(arg.again) : undefined;
    if (arg.again && !earlier) return { status: 'error', message: '找不到上一次的汇总，请重新选择文件' };
    let picked: { paths: string[]; location: string } | null;
    try {
      picked = earlier ? { paths: earlier.paths, location: earlier.location } : await pickPaths(arg);
    } catch (e) {
      return { status: 'error', message: e instanceof Error ? e.message : String(e) };
    }
    if (!picked) return { status: 'canceled' };
    if (picked.paths.length === 0) return { status: 'error', message: '所选文件夹中没有文件' };
    const options: Job['options'] = { scope: arg.scope ?? 'county' };
    if (arg.organ?.trim()) options.organ = arg.organ.trim();
    const roster = arg.roster ? parseRoster(arg.roster) : [];
    if (roster.length) options.roster = roster;
    const id = `j-${randomBytes(16).toString('hex')}`;
    const job: Job = { id, task: arg.task, ...picked, options, reads: picked.paths.map(() => undefined), finished: [], status: 'running', controller: new AbortController(), changed: [], checkedAt: 0 };
    remember(job);
    return { status: 'started', job: id, total: picked.paths.length, location: picked.location };
  };

  async function changedFiles(job: Job): Promise<string[]> {
    if (!job.rollup?.draft.rollup || Date.now() - job.checkedAt < CHANGE_CHECK_MS) return job.changed;
    job.checkedAt = Date.now();
    job.changed = (await rollupChanged(job.rollup.draft.rollup)).map((c) => c.file);
    return job.changed;
  }

  const officePoll = async (arg: Arg<'officePoll'>): Promise<Result<'officePoll'>> => {
    const job = jobs.get(arg.job);
    if (!job) return { status: 'error', message: '找不到此任务（可能已被清理）' };
    const out: Result<'officePoll'> = { status: job.status, done: job.finished.length, total: job.paths.length, rows: job.finished.slice(arg.since), changed: await changedFiles(job) };
    if (job.status === 'done' && job.rollup) out.rollup = JSON.stringify(rollupView(job.rollup));
    return out;
  };

  const officeCancel = async (arg: Arg<'officeCancel'>): Promise<Result<'officeCancel'>> => {
    jobs.get(arg.job)?.controller.abort();
    return { status: 'ok' };
  };

  /** The rows of a finished job, in the files' order. */
  const orderedRows = (job: Job): ReviewRow[] => job.reads.flatMap((r) => (r ? [reviewRowOf(r)] : []));

  const officeExport = async (arg: Arg<'officeExport'>): Promise<Result<'officeExport'>> => {
    const job = jobs.get(arg.job);
    if (!job || job.status !== 'done') return { status: 'error', message: '任务尚未完成，无法导出' };
    try {
      if (arg.kind === 'opinions') {
        const folder = await deps.dialogs.chooseFolder('选择保存审核意见的文件夹');
        if (!folder) return { status: 'canceled' };
        const target = join(folder, '审核意见');
        await mkdir(target, { recursive: true });
        const rows = orderedRows(job);
        const date = (deps.now?.() ?? new Date()).toISOString().slice(0, 10);
        for (const [i, row] of rows.entries()) await writeFileAtomic(join(target, opinionFileName(row, i)), await writeOpinionDocx(row, { date }));
        return { status: 'saved', path: target };
      }
      if (arg.kind === 'rollup-xlsx' && !job.rollup) return { status: 'error', message: '这不是汇总任务' };
      const path = await deps.dialogs.chooseSave(arg.kind === 'review-xlsx' ? '核查结果.xlsx' : '汇总表格.xlsx');
      if (!path) return { status: 'canceled' };
      const bytes = arg.kind === 'review-xlsx' ? await writeReviewXlsx(orderedRows(job)) : await writeTablesXlsx(draftToReport((job.rollup as RollupResult).draft));
      await writeFileAtomic(path, bytes);
      return { status: 'saved', path };
    } catch (e) {
      return { status: 'error', message: `导出失败：${e instanceof Error ? e.message.slice(0, 300) : String(e)}` };
    }
  };

  return {
    officeStart,
    officePoll,
    officeCancel,
    officeExport,
    /** end the workers (app quit, test end) */
    async dispose(): Promise<void> {
      for (const j of jobs.values()) j.controller.abort();
      await pool?.close();
      pool = null;
    },
  };
}
