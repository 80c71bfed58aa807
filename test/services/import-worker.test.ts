/**
 * Imports run off the main process (issue 9): in a worker of an office pool of one thread, with a wall-clock limit
 * and a memory cap, cancellable; special files are refused before they are opened; a draft chosen for import is
 * opened as a draft; what the file says reaches the draft without terminal escapes or bidi controls.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPastedText, importPublishedFile, readPublishedFile } from '../../electron/main/services/import/index.js';
import { createImportServices } from '../../electron/main/services/import/importService.js';
import { OfficePool } from '../../electron/main/services/office/pool.js';
import { loadReportFile } from '../../electron/main/services/reportFiles.js';
import { hostMethods } from '../../shared/ipc/contract.js';
import { parseImportResult } from '../../shared/import/result.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { loadPublished } from '../import/make.js';
import { CONTROLS } from '../support/controls.js';

const dir = mkdtempSync(join(tmpdir(), 'import-worker-'));
/** Text whose parse takes several seconds (300,000 rows of figures): something to stop. */
const SLOW_TEXT = `一、总体情况\n${'1 2 3\n'.repeat(300_000)}`;

/** Every string in `value` (keys too) holding a control character other than tab and newline. */
function stringsWithControls(value: unknown): string[] {
  const found: string[] = [];
  JSON.parse(JSON.stringify(value), (key, v: unknown) => {
    for (const s of [key, v]) if (typeof s === 'string' && CONTROLS.test(s)) found.push(s);
    return v;
  });
  return found;
}

function resultOf(outcome: Awaited<ReturnType<typeof importPastedText>>) {
  if (outcome.status !== 'imported') throw new Error(outcome.message);
  const parsed = parseImportResult(outcome.result);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.result;
}

describe('imports in a worker', () => {
  const services = createImportServices({ chooseFile: async () => null });
  // a limit far shorter than a whole report's import, for a worker already started (from sources a worker's first
  // start loads TypeScript: ~1.5 s)
  const quick = createImportServices({ chooseFile: async () => null, pool: { timeoutMs: 100 } });
  const small = createImportServices({ chooseFile: async () => null, pool: { memoryMb: 24 } });
  afterAll(async () => {
    await services.dispose();
    await quick.dispose();
    await small.dispose();
  });

  it('a real report imports in the worker, and the main thread keeps running meanwhile', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const outcome = await services.importPublished({ pasted: loadPublished('xinyuan-county-2024') });
    clearInterval(timer);
    expect(hostMethods.importPublished.result.safeParse(outcome).success).toBe(true);
    expect(resultOf(outcome as Awaited<ReturnType<typeof importPastedText>>).stats.cellsRead).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(0);
  }, 30_000);

  it('an import past the wall-clock limit is stopped (its worker ended) with a Chinese reason', async () => {
    const started = Date.now();
    while ((await quick.importPublished({ pasted: '一、总体情况' })).status !== 'imported' && Date.now() - started < 20_000);
    const outcome = await quick.importPublished({ pasted: SLOW_TEXT });
    expect(outcome).toEqual({ status: 'error', message: '处理超过 1 秒仍未完成，文件可能异常，已停止导入' });
  }, 30_000);

  it('an import past the memory cap is stopped with a Chinese reason', async () => {
    const outcome = await small.importPublished({ pasted: SLOW_TEXT });
    expect(outcome).toEqual({ status: 'error', message: '处理此文件所需内存超出上限，文件可能异常，已停止导入' });
  }, 30_000);

  it('importCancel stops the import under way: it answers canceled', async () => {
    const running = services.importPublished({ pasted: SLOW_TEXT });
    setTimeout(() => void services.importCancel({}), 300);
    expect(await running).toEqual({ status: 'canceled' });
    // and the pool works again afterwards
    expect((await services.importPublished({ pasted: loadPublished('urumqi-county-2024') })).status).toBe('imported');
  }, 30_000);
});

describe('special files, drafts, control characters', () => {
  it('a FIFO named .docx, .pdf or .txt is refused before it is opened (opening one blocks forever)', async () => {
    for (const name of ['pipe.docx', 'pipe.pdf', 'pipe.txt', 'pipe']) {
      const fifo = join(dir, name);
      execFileSync('mkfifo', [fifo]);
      const read = await readPublishedFile(fifo);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.error).toBe(`无法打开「${name}」：这不是普通文件（可能是管道、设备或文件夹）`);
    }
  });

  it('a draft (.gkbg) chosen for import says what it is and comes back as the draft itself', async () => {
    const draft = newDraft({ year: 2024, organ: '某某县人民政府办公室' });
    const path = join(dir, '报告.gkbg');
    writeFileSync(path, serializeDraft(draft));
    const outcome = await importPublishedFile(path);
    const result = resultOf(outcome);
    expect(result.source.kind).toBe('draft');
    expect(result.draft).toEqual(draft);
    expect(result.uncertain[0]?.reason).toBe('「报告.gkbg」是本程序的报告草稿（.gkbg），不是已发布的报告，无需导入：已按草稿原样读取');
  });

  it('RLO, BEL and terminal escapes in the published text never reach the draft', async () => {
    const text = loadPublished('xinyuan-county-2024').replace(/新源县/g, '新源\u202e县\x07\x1b[31m');
    const result = resultOf(await importPastedText(text));
    // each string itself: JSON.stringify would turn BEL and ESC into \u0007 and \u001b, which no pattern of controls matches
    expect(stringsWithControls(result)).toEqual([]);
    expect(result.draft.meta.organ).toContain('新源县');
  });

  it('a file name with RLO and BEL is shown and kept without them (the name goes into the notes kept in the draft)', async () => {
    const path = join(dir, '\u202ecod.\x07txt');
    writeFileSync(path, loadPublished('xinyuan-county-2024'));
    const outcome = await importPublishedFile(path);
    expect(outcome.status === 'imported' && outcome.name).toBe('cod.txt');
    expect(stringsWithControls(resultOf(outcome))).toEqual([]);
    const gkbg = join(dir, '\u202ebad\x1b[2J.gkbg');
    writeFileSync(gkbg, serializeDraft(newDraft({ year: 2024, organ: '某某县人民政府办公室' })));
    const asDraft = resultOf(await importPublishedFile(gkbg));
    expect(asDraft.uncertain[0]?.reason).toContain('「bad.gkbg」是本程序的报告草稿');
    expect(stringsWithControls(asDraft)).toEqual([]);
  });
});

describe('a published report read for check/data', () => {
  it('is read in a worker (loadReportFile), under the memory cap', async () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, SLOW_TEXT);
    const pool = new OfficePool({ workers: 1, memoryMb: 24 });
    expect(await pool.readPublishedReport({ path })).toEqual({ ok: false, error: '处理此文件所需内存超出上限，文件可能异常，已停止读取' });
    await pool.close();
    const loaded = await loadReportFile(new URL('../fixtures/published/urumqi-county-2024.txt', import.meta.url).pathname);
    expect(loaded.ok && loaded.report.year).toBe(2024);
  }, 60_000);
});

describe('imports in the built app', () => {
  it('the office worker bundle (office-worker.cjs) runs an import too', () => {
    const root = join(import.meta.dirname, '..', '..');
    const out = mkdtempSync(join(tmpdir(), 'import-bundle-'));
    execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), '--outdir', out], { cwd: root, stdio: 'pipe' });
    const entry = join(out, 'import-entry.ts');
    writeFileSync(
      entry,
      `import { join } from 'node:path';
import { OfficePool } from ${JSON.stringify(join(root, 'electron/main/services/office/pool.ts'))};
const pool = new OfficePool({ workers: 1, workerFile: join(__dirname, 'office-worker.cjs') });
pool.importPublished({ pasted: ${JSON.stringify(loadPublished('urumqi-county-2024'))} }).then(async (r) => { console.log(JSON.stringify(r.status)); await pool.close(); });`,
    );
    execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', '--format=cjs', `--outfile=${join(out, 'import-entry.cjs')}`, '--log-level=error'], { cwd: root });
    expect(JSON.parse(execFileSync(process.execPath, [join(out, 'import-entry.cjs')], { cwd: out, encoding: 'utf8' }))).toBe('imported');
  }, 120_000);
});
