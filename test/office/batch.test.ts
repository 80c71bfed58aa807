/**
 * 批量核查 in worker threads (issue 12): a folder of units' reports of every kind becomes one row per file; a broken
 * or hostile file is one row with its reason, never a stop — also when a worker runs past its time or memory limit;
 * the job can be cancelled; the review table is written as .xlsx and the 审核意见 as DOCX that Word's readers open.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from '../../electron/main/services/office/folder.js';
import { OfficePool } from '../../electron/main/services/office/pool.js';
import { opinionFileName, writeOpinionDocx, writeReviewXlsx } from '../../electron/main/services/office/reviewOutputs.js';
import { readUnitFile, reviewRowOf } from '../../electron/main/services/office/unitFile.js';
import { writeTablesXlsx } from '../../electron/main/services/office/xlsx.js';
import type { ReviewRow } from '../../shared/rollup/index.js';
import { FAILS_AS_IT_STARTS } from './support/misbehavingWorker.js';
import { unitDraftText, unitPublishedText, unitReport, writeUnitFiles } from './support/units.js';

const dir = mkdtempSync(join(tmpdir(), 'office-batch-'));
const folder = join(dir, 'units');
let pool: OfficePool;
let rows: ReviewRow[];
const row = (file: string) => rows.find((r) => r.file === file);

beforeAll(async () => {
  const unbalanced = unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 3 });
  writeUnitFiles(folder, {
    '01-教育局.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 2, 'apply.granted.natural': 2 })),
    '02-民政局.json': JSON.stringify(unbalanced),
    '03-卫健委.txt': unitPublishedText('县卫生健康委员会', 2024, 6),
    '04-财政局.xlsx': await writeTablesXlsx(unitReport('县财政局', { 'active.fees.amount': 12.3456 })),
    '05-损坏.docx': 'PK\u0003\u0004 not really a zip',
    '06-旧版.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    '07-扫描件.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    '08-空.txt': '',
    '09-通知.txt': '关于召开会议的通知\n请各单位准时参加。',
    '10-原型污染.json': '{"format":"2021","year":2024,"cells":{},"__proto__":{"polluted":true}}',
    '.DS_Store': 'ignored',
    '~$教育局.docx': 'lock file, ignored',
  });
  writeFileSync(join(folder, '11-超大.pdf'), '%PDF-1.4\n');
  truncateSync(join(folder, '11-超大.pdf'), 60 * 1024 * 1024);
  execFileSync('mkfifo', [join(folder, '12-管道')]);
  pool = new OfficePool({ workers: 2 });
  const paths = await expandInputs([folder]);
  const { reads, canceled } = await pool.readUnits(paths);
  expect(canceled).toBe(false);
  rows = reads.map((r, i) => reviewRowOf(r ?? { ok: false, file: paths[i] ?? '', error: '未读取' }));
});

afterAll(async () => {
  await pool?.close();
});

describe('a folder of units reviewed in workers', () => {
  it('gives one row per file, in name order, hidden and lock files left out', () => {
    expect(rows.map((r) => r.file)).toEqual([
      '01-教育局.gkbg',
      '02-民政局.json',
      '03-卫健委.txt',
      '04-财政局.xlsx',
      '05-损坏.docx',
      '06-旧版.doc',
      '07-扫描件.png',
      '08-空.txt',
      '09-通知.txt',
      '10-原型污染.json',
      '11-超大.pdf',
      '12-管道',
    ]);
  });

  it('checks drafts, report data, published text and Excel tables, with findings by rule', () => {
    expect(row('01-教育局.gkbg')).toMatchObject({ status: 'checked', unit: '县教育局', kind: 'draft', errors: 0 });
    expect(row('02-民政局.json')).toMatchObject({ status: 'checked', unit: '县民政局', kind: 'data' });
    expect(row('02-民政局.json')?.byRule['T3-BAL']).toBeGreaterThan(0);
    expect(row('03-卫健委.txt')).toMatchObject({ status: 'checked', unit: '县卫生健康委员会', kind: 'text', year: 2024 });
    expect(row('04-财政局.xlsx')).toMatchObject({ status: 'checked', unit: '县财政局', kind: 'xlsx', errors: 0 });
  });

  it('makes each broken or hostile file one row with its reason', () => {
    const reasons = Object.fromEntries(rows.filter((r) => r.status === 'failed').map((r) => [r.file, r.reason]));
    expect(Object.keys(reasons)).toEqual(['05-损坏.docx', '06-旧版.doc', '07-扫描件.png', '08-空.txt', '09-通知.txt', '10-原型污染.json', '11-超大.pdf', '12-管道']);
    expect(reasons['06-旧版.doc']).toContain('.docx');
    expect(reasons['07-扫描件.png']).toContain('图片');
    expect(reasons['08-空.txt']).toContain('空');
    expect(reasons['09-通知.txt']).toContain('不像是一份年度报告');
    expect(reasons['10-原型污染.json']).toContain('__proto__');
    expect(reasons['11-超大.pdf']).toContain('过大');
    expect(reasons['12-管道']).toContain('不是普通文件');
  });
});

describe('too many files', () => {
  it('refuses more files than a roll-up records, with the count, before any is read', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => join(dir, `单位${i}.txt`));
    await expect(expandInputs(many)).rejects.toThrow('选择的文件过多（1001 个，上限 1000 个）');
    expect(await expandInputs(many.slice(0, 1000))).toHaveLength(1000);
  });
});

describe('a file gone since the folder was listed (a re-run after a unit took its file back)', () => {
  it('is a row whose reason is Chinese, without the library\u2019s English or the path', async () => {
    const read = await readUnitFile(join(dir, '已删除.txt'));
    expect(read.ok).toBe(false);
    const reason = read.ok ? '' : read.error;
    expect(reason).toContain('「已删除.txt」');
    expect(reason).toContain('文件不存在');
    expect(reason).not.toMatch(/[A-Za-z]{4,}|\//);
  });
});

describe('limits and cancelling', () => {
  const misbehaving = join(import.meta.dirname, 'support', 'misbehavingWorker.ts');

  it('ends a worker that runs past its time limit; the file is a row, the next files are checked', async () => {
    const [hang, good] = writeUnitFiles(join(dir, 'hang'), { 'a.hang': 'x', 'b.gkbg': unitDraftText(unitReport('县审计局')) });
    // the limit leaves time for a fresh worker to start (it loads the parsers) on a busy machine
    const p = new OfficePool({ workers: 1, timeoutMs: 10_000, workerFile: misbehaving });
    try {
      const { reads } = await p.readUnits([hang ?? '', good ?? '']);
      expect(reads[0]).toMatchObject({ ok: false });
      expect(reads[0]?.ok === false && reads[0].error).toContain('秒仍未完成');
      expect(reads[1]).toMatchObject({ ok: true });
    } finally {
      await p.close();
    }
  });

  it('ends a worker over its memory cap; the file is a row with the reason', async () => {
    const [hog, good] = writeUnitFiles(join(dir, 'hog'), { 'a.hog': 'x', 'b.gkbg': unitDraftText(unitReport('县审计局')) });
    const p = new OfficePool({ workers: 1, memoryMb: 64, timeoutMs: 60_000, workerFile: misbehaving });
    try {
      const { reads } = await p.readUnits([hog ?? '', good ?? '']);
      expect(reads[0]?.ok === false && reads[0].error).toContain('内存超出上限');
      expect(reads[1]).toMatchObject({ ok: true });
    } finally {
      await p.close();
    }
  });

  it('a worker that fails with no task (as it starts) is told of, the process lives on, the next file gets a new worker', async () => {
    const [hog, good] = writeUnitFiles(join(dir, 'lost'), { 'a.hog': 'x', 'b.gkbg': unitDraftText(unitReport('县审计局')) });
    let told: (error: unknown) => void = () => undefined;
    const lost = new Promise<unknown>((resolve) => (told = resolve));
    const p = new OfficePool({ workers: 1, memoryMb: 64, timeoutMs: 60_000, workerFile: misbehaving, onWorkerLost: (e) => told(e) });
    try {
      expect((await p.readUnits([good ?? ''])).reads[0]).toMatchObject({ ok: true });
      // the worker that replaces the one ended over its cap fails as it loads
      process.env[FAILS_AS_IT_STARTS] = '1';
      expect((await p.readUnits([hog ?? ''])).reads[0]).toMatchObject({ ok: false });
      expect(await lost).toBeInstanceOf(Error);
      expect(p.workersLost).toBe(1);
      delete process.env[FAILS_AS_IT_STARTS];
      expect((await p.readUnits([good ?? ''])).reads[0]).toMatchObject({ ok: true });
    } finally {
      delete process.env[FAILS_AS_IT_STARTS];
      await p.close();
    }
  });

  it('stops when cancelled: files not reached have no row, progress was reported for those done', async () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`u${String(i).padStart(2, '0')}.txt`, unitPublishedText(`县单位${i}`, 2024, i)]));
    const paths = writeUnitFiles(join(dir, 'cancel'), files);
    const controller = new AbortController();
    const progress: number[] = [];
    const p = new OfficePool({ workers: 1 });
    try {
      const { reads, canceled } = await p.readUnits(paths, {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          if (done === 2) controller.abort();
        },
      });
      expect(canceled).toBe(true);
      expect(progress.slice(0, 2)).toEqual([1, 2]);
      expect(reads.filter((r) => r === undefined).length).toBeGreaterThanOrEqual(9);
    } finally {
      await p.close();
    }
  });
});

describe('what the review hands over', () => {
  it('writes the review table as .xlsx: one row per file, counts by rule, every finding on a second sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeReviewXlsx(rows)) as unknown as ArrayBuffer);
    const summary = wb.getWorksheet('核查结果');
    const header = (summary?.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['序号', '单位', '文件', '类型', '年度', '结论', '错误', '警告', '解析存疑']);
    expect(header).toContain('T3-BAL');
    expect(summary?.rowCount).toBe(rows.length + 1);
    const minzheng = summary?.getRow(3).values as unknown[];
    expect(minzheng[2]).toBe('县民政局');
    expect(minzheng[6]).toBe('有错误');
    expect((summary?.getRow(6).values as unknown[])[6]).toBe('无法核查');
    const details = wb.getWorksheet('问题明细');
    expect(details?.rowCount).toBeGreaterThan(rows.length);
  });

  it('writes a printable 审核意见 per unit that python-docx reads', async () => {
    const r = row('02-民政局.json') as ReviewRow;
    const path = join(dir, opinionFileName(r, 1));
    writeFileSync(path, await writeOpinionDocx(r, { date: '2025-01-20' }));
    const text = spawnSync('/usr/bin/python3', ['-c', 'import docx,sys\nd=docx.Document(sys.argv[1])\nprint("\\n".join(p.text for p in d.paragraphs))\nfor t in d.tables:\n  for row in t.rows:\n    print("|".join(c.text for c in row.cells))', path], { encoding: 'utf8' });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('县民政局');
    expect(text.stdout).toContain('审核意见');
    expect(text.stdout).toContain('T3-BAL');
    expect(text.stdout).toContain('2025年1月20日');
    expect(path).toMatch(/审核意见-002-县民政局\.docx$/);
  });
});
