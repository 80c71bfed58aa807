/**
 * Amounts printed or typed with a unit: table 二's 行政事业性收费 is in 万元, so an amount in 元 is converted exactly
 * (decimal digits, no floating point) — never taken as 万元, a 10,000× error — or refused when it can't be exact.
 */
import { describe, expect, it } from 'vitest';
import { importText, parsePublished, textDocument } from '../../shared/import/index.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { parseCell, yuanToWan } from '../../shared/report/numbers.js';
import { evaluate } from '../../shared/rules/index.js';
import { readDocx } from '../../electron/main/services/import/docx.js';
import { makeDocx, makeText, richData } from './make.js';

describe('parseCell: an amount cell', () => {
  it.each([
    ['75394432.52元', 7539.443252],
    ['75,394,432.52 元', 7539.443252],
    ['5000 元', 0.5],
    ['５０００元', 0.5],
    ['0.5万元', 0.5],
    ['588万元', 588],
    ['588', 588],
  ])('%s → %s 万元', (typed, wan) => {
    expect(parseCell(typed, 'amount')).toEqual({ ok: true, value: wan });
  });

  it('in 元 that needs more than six decimals in 万元 is refused with a message naming both, never taken as 万元', () => {
    const r = parseCell('0.1234567元', 'amount');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('0.00001234567 万元');
  });

  it('a V-NUM finding of the rules carries that message', () => {
    const data = richData(FORMAT_2021, 2024);
    const findings = evaluate({ format: '2021', year: 2024, cells: { ...data.cells, 'active.fees.amount': '0.1234567元' } });
    expect(findings.find((f) => f.rule === 'V-NUM' && f.cells.includes('active.fees.amount'))?.message).toContain('无法精确保存');
  });
});

describe('yuanToWan: the decimal point moves four places in the digits', () => {
  it.each([
    ['75394432.52', '7539.443252'],
    ['10000', '1'],
    ['1', '0.0001'],
    ['0.5', '0.00005'],
    ['100.10', '0.01001'],
    ['123456789012.5', '12345678.90125'],
    ['0', '0'],
  ])('%s 元 = %s 万元', (yuan, wan) => {
    expect(yuanToWan(yuan)).toBe(wan);
  });
});

describe('table 二 printed with a unit in the 行政事业性收费 cell', () => {
  const data = richData(FORMAT_2021, 2024);
  const withFee = (printed: string) => makeText(data, { layout: 'rows' }).replace(new RegExp(`^(行政事业性收费) ${String(data.cells['active.fees.amount'])}$`, 'm'), `$1 ${printed}`);

  it('the sample really prints the fee on its own row (the replacement below takes effect)', () => {
    expect(withFee('X')).toMatch(/^行政事业性收费 X$/m);
  });

  it('「75394432.52元」 is 7539.443252 万元, and the source check says so, naming both', () => {
    const result = importText(withFee('75394432.52元'), { kind: 'text', name: 'x', evaluate: (r) => evaluate(r) });
    expect(result.report.cells['active.fees.amount']).toBe(7539.443252);
    const note = result.uncertain.find((u) => u.target === 'active.fees.amount')?.reason ?? '';
    expect(note).toContain('75394432.52元');
    expect(note).toContain('7539.443252 万元');
  });

  it.each([
    ['5000 元', 0.5],
    ['0.5万元', 0.5],
    ['588万元', 588],
  ])('「%s」 → %s 万元', (printed, wan) => {
    const { report } = parsePublished(textDocument(withFee(printed)));
    expect(report.cells['active.fees.amount']).toBe(wan);
  });

  it('an amount in 元 that can’t be exact in 万元 is left blank and said, never read as 万元', () => {
    const { report, uncertain } = parsePublished(textDocument(withFee('0.1234567元')));
    expect(report.cells['active.fees.amount']).toBeNull();
    expect(uncertain.find((u) => u.target === 'active.fees.amount')?.reason).toContain('无法精确');
  });

  it('in a DOCX grid cell too', async () => {
    const printed = { ...data, cells: { ...data.cells, 'active.fees.amount': '588 元' } } as unknown as typeof data;
    const { report, uncertain } = parsePublished(await readDocx(await makeDocx(printed)));
    expect(report.cells['active.fees.amount']).toBe(0.0588);
    expect(uncertain.find((u) => u.target === 'active.fees.amount')?.reason).toContain('0.0588 万元');
  });

  it('printed below its label (one cell per line) too; running text naming an amount in 元 is left as written', () => {
    const perLine = makeText(data, { layout: 'cell-per-line' }).replace(new RegExp(`^(行政事业性收费\\n+)${String(data.cells['active.fees.amount'])}$`, 'm'), '$15000元');
    expect(perLine).toMatch(/^5000元$/m);
    expect(parsePublished(textDocument(perLine)).report.cells['active.fees.amount']).toBe(0.5);
    const prose = withFee('588万元').replace('二、主动公开政府信息情况', '二、主动公开政府信息情况\n行政事业性收费共计5000元，全部按规定公示');
    const { report } = parsePublished(textDocument(prose));
    expect(report.sections?.active).toContain('行政事业性收费共计5000元');
    expect(report.cells['active.fees.amount']).toBe(588);
  });
});
