/**
 * Many units' files read and checked in parallel worker threads (engineering §8): a piscina pool whose workers have
 * a memory cap (`resourceLimits`) and each task a wall-clock limit; a worker that runs out of time or memory is
 * ended and its file becomes one row with the reason; the whole job can be cancelled; progress after every file.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Piscina from 'piscina';
import type { ImportOutcome, ImportTask, PublishedReportOutcome, PublishedReportTask } from '../import/importTask.js';
import type { UnitTask } from './worker.js';
import type { CheckOptions, UnitRead } from './unitFile.js';

export interface PoolOptions {
  /** worker threads (default: the machine's cores, at most 4) */
  workers?: number;
  /** wall-clock limit of one file, ms */
  timeoutMs?: number;
  /** heap cap of a worker, MB */
  memoryMb?: number;
  /** the worker's file (the bundled app passes its own; sources use worker.ts through tsx) */
  workerFile?: string;
  /** told of a worker that failed while it held no task (e.g. over its memory cap as it started) */
  onWorkerLost?: (error: unknown) => void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MEMORY_MB = 512;

export interface RunOptions {
  signal?: AbortSignal;
  check?: CheckOptions;
  onProgress?: (done: number, total: number, read: UnitRead, index: number) => void;
}

/** What a run gives: one read per path, in the paths' order; `undefined` for files not reached before a cancel. */
export interface RunResult {
  reads: (UnitRead | undefined)[];
  canceled: boolean;
}

/** This module's URL when it runs as the sources (ESM); undefined in the bundled main process (CommonJS, no import.meta). */
const MODULE_URL: string | undefined = typeof import.meta.url === 'string' ? import.meta.url : undefined;

function defaultWorkerFile(): string {
  // In the bundled main process (CommonJS) the worker is its own bundle beside main.cjs.
  if (MODULE_URL === undefined) return join(__dirname, 'office-worker.cjs');
  return join(dirname(fileURLToPath(MODULE_URL)), 'worker.ts');
}

/**
 * The tsx loader a worker written in TypeScript starts with, as the project's own installed file: a bare `--import tsx`
 * is resolved from the current folder, so from any folder but the project's every worker failed to start.
 */
function tsxLoader(): string {
  // only the sources run a .ts worker; the bundled app (CommonJS, no import.meta) passes its own .cjs one
  if (MODULE_URL === undefined) return 'tsx';
  return pathToFileURL(createRequire(MODULE_URL).resolve('tsx')).href;
}

/** `outcome`: what became of the file (a batch skips it, an import stops). */
function describeFailure(e: unknown, timedOut: boolean, seconds: number, outcome = '已跳过'): string {
  if (timedOut) return `处理超过 ${seconds} 秒仍未完成，文件可能异常，${outcome}`;
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return `处理此文件所需内存超出上限，文件可能异常，${outcome}`;
  // the worker's own error is English (and may name a temp path): not for the clerk
  return `处理此文件时出错，文件可能异常，${outcome}`;
}

export class OfficePool {
  private readonly pool: Piscina<UnitTask | ImportTask, UnitRead | ImportOutcome | PublishedReportOutcome>;
  readonly timeoutMs: number;
  readonly workers: number;
  /** workers that failed while they held no task, since the pool was made */
  workersLost = 0;

  constructor(options: PoolOptions = {}) {
    const workers = Math.max(1, options.workers ?? Math.min(4, availableParallelism()));
    const workerFile = options.workerFile ?? defaultWorkerFile();
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.workers = workers;
    const memory = options.memoryMb ?? DEFAULT_MEMORY_MB;
    this.pool = new Piscina<UnitTask | ImportTask, UnitRead | ImportOutcome | PublishedReportOutcome>({
      filename: workerFile,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 30_000,
      execArgv: workerFile.endsWith('.ts') ? ['--import', tsxLoader()] : [],
      resourceLimits: { maxOldGenerationSizeMb: memory, maxYoungGenerationSizeMb: Math.min(64, memory), stackSizeMb: 4 },
    });
    // Piscina reports a worker lost between tasks as an 'error' event; unheard, Node throws it and the whole process
    // (the app's main process, the command line) dies. No file's work is lost with it: the next task starts a worker.
    this.pool.on('error', (error: unknown) => {
      this.workersLost++;
      options.onWorkerLost?.(error);
    });
  }

  /**
   * One import of a published report (a file or pasted text) in a worker (worker.ts `importPublished`), under the same
   * time and memory limits: the outcome, or why the worker gave up; `canceled` when `job` aborts (the worker is ended).
   */
  async importPublished(task: ImportTask, job?: AbortSignal): Promise<ImportOutcome | { status: 'canceled' }> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = job ? AbortSignal.any([job, timeout]) : timeout;
    try {
      return (await this.pool.run(task, { signal, name: 'importPublished' })) as ImportOutcome;
    } catch (e) {
      if (job?.aborted) return { status: 'canceled' };
      return { status: 'error', message: describeFailure(e, timeout.aborted, Math.max(1, Math.round(this.timeoutMs / 1000)), '已停止导入') };
    }
  }

  /** A published report read as published (the command line's `check`, `data`) in a worker, under the same limits. */
  async readPublishedReport(task: PublishedReportTask): Promise<PublishedReportOutcome> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      return (await this.pool.run(task, { signal: timeout, name: 'readPublishedReport' })) as PublishedReportOutcome;
    } catch (e) {
      return { ok: false, error: describeFailure(e, timeout.aborted, Math.max(1, Math.round(this.timeoutMs / 1000)), '已停止读取') };
    }
  }

  /** One file: its read, or the reason the worker gave up. Rejects only when the job is cancelled. */
  private async readOne(path: string, job: AbortSignal | undefined, check: CheckOptions | undefined): Promise<UnitRead> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = job ? AbortSignal.any([job, timeout]) : timeout;
    try {
      return (await this.pool.run(check ? { path, check } : { path }, { signal })) as UnitRead;
    } catch (e) {
      if (job?.aborted) throw e;
      return { ok: false, file: basename(path), error: describeFailure(e, timeout.aborted, Math.round(this.timeoutMs / 1000)) };
    }
  }

  /**
   * Read and check files in parallel: as many at a time as there are workers (so a file's time limit runs from when
   * a worker takes it, not while it waits in a queue), each result reported as it comes.
   */
  async readUnits(paths: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    const reads: (UnitRead | undefined)[] = paths.map(() => undefined);
    let next = 0;
    let done = 0;
    let canceled = false;
    const runner = async (): Promise<void> => {
      while (!canceled && next < paths.length) {
        const index = next++;
        try {
          const read = await this.readOne(paths[index] ?? '', options.signal, options.check);
          reads[index] = read;
          done++;
          options.onProgress?.(done, paths.length, read, index);
        } catch {
          canceled = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.workers, paths.length) }, runner));
    return { reads, canceled: canceled || options.signal?.aborted === true };
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
