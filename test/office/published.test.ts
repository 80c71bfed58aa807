/**
 * 汇总 of published reports (issue 12: "published reports of any kind the importer reads"): a unit's report handed in
 * as Word, another as PDF (printed by LibreOffice from Word) and a third as the app's draft are read in the workers
 * and rolled up; the sums are those of the reports' own figures (the fixtures' truth typed by hand).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfficePool } from '../../electron/main/services/office/pool.js';
import { rollUpFiles } from '../../electron/main/services/office/rollupFiles.js';
import { docxToPdf, loadData, makeDocx } from '../import/make.js';
import { unitDraftText, unitReport, writeUnitFiles } from './support/units.js';

const pool = new OfficePool({ workers: 2 });
afterAll(() => pool.close());

describe('roll-up of units handed in as Word, PDF and draft', () => {
  it('reads each in the workers and sums their figures; 规章/规范性文件 stay for entry with the units\u2019 values', async () => {
    const urumqi = loadData('urumqi-county-2024');
    const xinxiang = loadData('xinxiang-county-office-2024');
    const docx = await makeDocx(urumqi);
    const paths = writeUnitFiles(mkdtempSync(join(tmpdir(), 'office-published-')), {
      '乌鲁木齐县.docx': docx,
      '新乡县政府办.pdf': docxToPdf(await makeDocx(xinxiang)),
      '县教育局.gkbg': unitDraftText(unitReport('县教育局', { 'apply.new.natural': 1, 'apply.granted.natural': 1, 'active.fees.amount': 0.5 })),
    });
    const run = await rollUpFiles(pool, paths, { scope: 'county' });
    if (run.canceled) throw new Error('canceled');
    const { result } = run;
    expect(result.sources.map((s) => [s.file, s.status, s.reason])).toEqual([
      ['乌鲁木齐县.docx', 'included', undefined],
      ['新乡县政府办.pdf', 'included', undefined],
      ['县教育局.gkbg', 'included', undefined],
    ]);
    const cell = (key: string) => result.cells.find((c) => c.key === key);
    const figure = (data: typeof urumqi, key: string) => data.cells[key] as number;
    for (const key of ['apply.new.natural', 'apply.granted.natural', 'review.reconsideration.upheld', 'active.licensing.decisions']) {
      const extra = key.startsWith('apply.') ? 1 : 0;
      expect([key, cell(key)?.value]).toEqual([key, figure(urumqi, key) + figure(xinxiang, key) + extra]);
    }
    expect(cell('active.fees.amount')?.value).toBe(1054.5);
    const normative = cell('active.normative.in_force');
    expect(normative?.value).toBeNull();
    expect(normative?.contributions.map((c) => c.value)).toEqual([figure(urumqi, 'active.normative.in_force'), figure(xinxiang, 'active.normative.in_force'), 0]);
  }, 180_000);
});
