/**
 * What the editor shows beside the cells of a roll-up draft (issue 12): each summed cell's contributions by unit and,
 * on the cells left for entry (规章, 行政规范性文件), the units' values — read from the draft's own record after it is
 * saved and opened again, never stored a second time.
 */
import { describe, expect, it } from 'vitest';
import { rollupContributions } from '../../shared/rollup/contributions.js';
import { rollUp, type UnitInput } from '../../shared/rollup/index.js';
import { newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { unitReport } from './support/units.js';

const input = (file: string, report: ReturnType<typeof unitReport>): UnitInput => ({ file, loaded: { ok: true, report } });

const units = [
  input('jy.gkbg', unitReport('县教育局', { 'apply.new.natural': 3, 'apply.granted.natural': 3, 'active.fees.amount': 0.1, 'active.normative.issued': 2 })),
  input('mz.gkbg', unitReport('县民政局', { 'apply.new.natural': 4, 'apply.granted.natural': 4, 'active.fees.amount': 0.2, 'active.normative.issued': null })),
  input('jt.gkbg', unitReport('县交通运输局', { 'apply.new.natural': 9 }, { year: 2023 })),
  input('bad.docx', unitReport('县财政局')),
];
units[3] = { file: 'bad.docx', loaded: { ok: false, error: '不是 Word 文档' } };

describe('contributions by unit in a roll-up draft', () => {
  const rolled = rollUp(units, { scope: 'county', organ: '某某县人民政府', year: 2024 });
  const reopened = parseDraftText(serializeDraft(rolled.draft));
  if (!reopened.ok) throw new Error(reopened.error);
  const shown = rollupContributions(reopened.draft);

  it('a summed cell lists the counted units and their figures, in the roll-up order', () => {
    const c = shown?.get('apply.new.natural');
    expect(c?.rule).toBe('sum');
    expect(c?.figures).toEqual([
      { unit: '县教育局', value: 3 },
      { unit: '县民政局', value: 4 },
    ]);
    expect(c?.short).toBe('各单位 3+4');
    expect(c?.full).toBe('汇总自 2 个单位：县教育局 3，县民政局 4');
    expect(shown?.get('active.fees.amount')?.full).toBe('汇总自 2 个单位：县教育局 0.1，县民政局 0.2');
  });

  it('a cell left for entry shows the units’ values for reference; a unit that left it blank is not listed', () => {
    const c = shown?.get('active.normative.issued');
    expect(c?.rule).toBe('entry');
    expect(c?.short).toBe('各单位：县教育局 2');
    expect(c?.full).toContain('不汇总');
    expect(shown?.get('active.regulations.issued')?.short).toBe('各单位：县教育局 0，县民政局 0');
  });

  it('units left out of the roll-up (another year, unreadable) are never listed', () => {
    for (const c of shown?.values() ?? []) expect(c.figures.map((f) => f.unit)).not.toContain('县交通运输局');
  });

  it('computed totals and text cells get nothing; a draft without a roll-up record gets nothing', () => {
    expect(shown?.has('apply.new.total')).toBe(false);
    expect(rollupContributions(newDraft({ year: 2024 }))).toBeNull();
  });

  it('many units: a summed cell gives their number under the cell, a cell for entry names the first three', () => {
    const many = Array.from({ length: 6 }, (_, i) => input(`u${i}.gkbg`, unitReport(`县单位${i}`, { 'apply.new.natural': i, 'apply.granted.natural': i, 'active.regulations.issued': i })));
    const map = rollupContributions(rollUp(many, { scope: 'county', year: 2024 }).draft);
    expect(map?.get('apply.new.natural')?.short).toBe('6 个单位合计');
    expect(map?.get('apply.new.natural')?.full).toContain('县单位5 5');
    expect(map?.get('active.regulations.issued')?.short).toBe('各单位：县单位0 0，县单位1 1，县单位2 2 等 6 个单位');
  });
});
