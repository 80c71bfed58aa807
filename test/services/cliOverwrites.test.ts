/**
 * The command line never writes over a file it reads (issue 9), also when the file it reads is one of a folder's
 * (`rollup <folder>`, `check <folder> --xlsx`) or when the output is a folder whose file names come from the report
 * (`export --bundle <folder>`): refused before anything is written, the input kept.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { buildDocModel, exportFileStem } from '../../shared/render/model.js';
import { draftToReport, newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { toReportData } from '../../shared/schema/reportData.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-overwrites-'));

function unitDraft(path: string, organ: string): string {
  writeFileSync(path, serializeDraft(newDraft({ year: 2024, organ })));
  return path;
}

describe('a folder\'s files are inputs too', () => {
  it('rollup <folder> --out <a unit\'s draft in it>: refused, the unit\'s draft kept', async () => {
    const units = join(dir, 'units');
    mkdirSync(units);
    const first = unitDraft(join(units, '教育局.gkbg'), '某某县教育局');
    unitDraft(join(units, '卫健委.gkbg'), '某某县卫生健康委员会');
    const before = readFileSync(first);
    const r = await runCli('rollup', units, '--out', first, '--organ', '某某县人民政府');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`输出文件不能与输入文件相同：--out「${first}」就是输入的文件`);
    expect(readFileSync(first)).toEqual(before);
  }, 60_000);

  it('check <folder> --xlsx <a unit\'s Excel file in it>: refused, the unit\'s file kept', async () => {
    const units = join(dir, 'review');
    mkdirSync(units);
    unitDraft(join(units, '教育局.gkbg'), '某某县教育局');
    const tables = join(units, '卫健委.xlsx');
    writeFileSync(tables, 'a unit\'s tables: never to be replaced');
    const r = await runCli('check', units, '--xlsx', tables);
    expect(r.code).toBe(2);
    expect(r.err).toContain('输出文件不能与输入文件相同');
    expect(readFileSync(tables, 'utf8')).toBe('a unit\'s tables: never to be replaced');
  }, 60_000);

  it('an output beside the units, not one of them, is still written (a new roll-up draft in the folder)', async () => {
    const units = join(dir, 'beside');
    mkdirSync(units);
    unitDraft(join(units, '教育局.gkbg'), '某某县教育局');
    const r = await runCli('rollup', units, '--out', join(units, '汇总.gkbg'), '--organ', '某某县人民政府');
    expect(r.err).not.toContain('输出文件不能与输入文件相同');
    expect(readFileSync(join(units, '汇总.gkbg'), 'utf8')).toContain('某某县人民政府');
  }, 60_000);
});

describe('export --bundle <folder>', () => {
  it('a folder holding the input under a bundle file\'s name (last export\'s report data JSON): refused, the input kept', async () => {
    const report = draftToReport(newDraft({ year: 2024, organ: '某某县人民政府办公室' }));
    const stem = exportFileStem(buildDocModel(report));
    const folder = join(dir, 'bundle');
    mkdirSync(folder);
    const input = join(folder, `${stem}.json`);
    writeFileSync(input, JSON.stringify(toReportData(report))); // on one line: the bundle would write it indented
    const before = readFileSync(input);
    const r = await runCli('export', input, '--bundle', folder);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`输出文件不能与输入文件相同：--bundle 中的「${stem}.json」就是输入的文件`);
    expect(readFileSync(input)).toEqual(before);
  }, 120_000);
});
