import { describe, expect, it } from 'vitest';
import {
  cellFieldName,
  cellParseErrors,
  draftFormat,
  draftToFormValues,
  fieldKey,
  fillBlanksWithZero,
  blankCounts,
  tableHeading,
  formValuesToDraft,
} from '../../shared/editor/formValues.js';
import { FORMAT_2019, FORMAT_2021, FORMAT_2021_SINGLE_OTHER } from '../../shared/report/format.js';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { draftToReport, newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';

describe('form values ↔ draft', () => {
  it('field names avoid the dots react-hook-form reads as paths', () => {
    expect(fieldKey('apply.new.natural')).toBe('apply:new:natural');
    expect(cellFieldName('review.sued_after.total')).toBe('cells.review:sued_after:total');
  });

  it('a blank draft gives blank strings for every entered cell and none for totals', () => {
    const v = draftToFormValues(newDraft({ year: 2025 }));
    expect(Object.keys(v.cells)).toHaveLength(FORMAT_2021.cells.filter((c) => !c.sumOf).length);
    expect(v.cells['apply:new:natural']).toBe('');
    expect(v.cells['apply:new:total']).toBeUndefined();
    expect(v.meta.year).toBe('2025');
    expect(v.sections.overview).toBe('');
  });

  it('parses what was typed: blank stays null, full-width digits and separators become numbers, bad text is kept raw', () => {
    const base = newDraft({ year: 2025, organ: '某县人民政府' });
    const v = draftToFormValues(base);
    v.cells['apply:new:natural'] = '１２';
    v.cells['apply:new:commercial'] = '1,234';
    v.cells['apply:new:research'] = '0';
    v.cells['apply:new:nonprofit'] = ' 3x ';
    v.cells['active:fees:amount'] = '21613.91';
    v.meta.contactName = '张三';
    v.sections.overview = '（一）主动公开';
    const d = formValuesToDraft(v, base);
    const flat = flattenCells(d.cells);
    expect(flat['apply.new.natural']).toBe(12);
    expect(flat['apply.new.commercial']).toBe(1234);
    expect(flat['apply.new.research']).toBe(0);
    expect(flat['apply.new.legal']).toBeNull();
    expect(flat['apply.new.nonprofit']).toBe('3x');
    expect(flat['active.fees.amount']).toBe(21613.91);
    expect(flat['apply.new.total']).toBeUndefined();
    expect(d.meta.contactName).toBe('张三');
    expect(d.meta.contactPhone).toBeUndefined();
    // the draft is a valid file and the report keeps the raw text for V-NUM
    expect(parseDraftText(serializeDraft(d)).ok).toBe(true);
    expect(draftToReport(d).cells['apply.new.nonprofit']).toBe('3x');
    expect(cellParseErrors(v, FORMAT_2021).get('apply.new.nonprofit')).toMatch(/不是数字/);
    expect(cellParseErrors(v, FORMAT_2021).has('apply.new.natural')).toBe(false);
  });

  it('round-trips: draft → values → draft keeps every value, previous year and accepted warnings', () => {
    const base = newDraft({ year: 2024, organ: '某局', level: 'department' });
    base.cells = nestCells({ 'apply.new.natural': 5, 'active.fees.amount': 59237.2449, 'apply.granted.legal': 'abc' });
    base.previous = { year: 2023, cells: nestCells({ 'apply.carried_forward.natural': 1 }) };
    base.acceptedWarnings = [{ rule: 'XY-JUMP', target: 'apply.new.natural', explanation: '机构合并' }];
    base.meta.signatureDate = '2025-01-20';
    const v = draftToFormValues(base);
    expect(v.cells['active:fees:amount']).toBe('59237.2449');
    expect(v.cells['apply:granted:legal']).toBe('abc');
    const back = formValuesToDraft(v, base);
    const flat = flattenCells(back.cells);
    expect(flat['apply.new.natural']).toBe(5);
    expect(flat['active.fees.amount']).toBe(59237.2449);
    expect(flat['apply.granted.legal']).toBe('abc');
    expect(back.previous).toEqual(base.previous);
    expect(back.acceptedWarnings).toEqual(base.acceptedWarnings);
    expect(back.meta.level).toBe('department');
    expect(back.meta.signatureDate).toBe('2025-01-20');
  });

  it('a bad year or date typed in the form never makes an invalid draft', () => {
    const base = newDraft({ year: 2024 });
    const v = draftToFormValues(base);
    v.meta.year = '20x5';
    v.meta.signatureDate = '2025-2-3';
    const d = formValuesToDraft(v, base);
    expect(d.year).toBe(2024);
    expect(d.meta.signatureDate).toBe('');
    v.meta.year = '２０２５';
    expect(formValuesToDraft(v, base).year).toBe(2025);
  });

  it('keeps the format variant: 2019 drafts and 2021 drafts with the single （六） row', () => {
    const d2019 = newDraft({ year: 2020, format: '2019' });
    expect(draftFormat(d2019)).toBe(FORMAT_2019);
    const v = draftToFormValues(d2019);
    expect(v.cells['apply:other:natural']).toBe('');
    expect(v.cells['active2019:procurement:amount']).toBe('');
    v.cells['active2019:procurement:amount'] = '3979.5 万元';
    v.cells['active2019:licensing:change'] = '-14';
    const back = formValuesToDraft(v, d2019, { accepted: [], review: [] }, FORMAT_2019);
    expect(flattenCells(back.cells)['active2019.procurement.amount']).toBe('3979.5 万元');
    expect(flattenCells(back.cells)['active2019.licensing.change']).toBe(-14);

    const single = newDraft({ year: 2023 });
    single.cells = nestCells({ 'apply.other.natural': 2 });
    expect(draftFormat(single)).toBe(FORMAT_2021_SINGLE_OTHER);
    const sv = draftToFormValues(single);
    const sback = formValuesToDraft(sv, single);
    expect(draftFormat(sback)).toBe(FORMAT_2021_SINGLE_OTHER);
    expect(draftFormat(formValuesToDraft(draftToFormValues(newDraft({ year: 2023 })), newDraft({ year: 2023 })))).toBe(FORMAT_2021);
  });

  it('「全部空格填0」 fills only blank entered cells', () => {
    const v = draftToFormValues(newDraft({ year: 2025 }));
    v.cells['apply:new:natural'] = '7';
    v.cells['apply:new:commercial'] = 'x';
    const { cells, filled } = fillBlanksWithZero(v, FORMAT_2021, ['active', 'apply', 'review']);
    expect(cells['apply:new:natural']).toBe('7');
    expect(cells['apply:new:commercial']).toBe('x');
    expect(cells['apply:new:research']).toBe('0');
    expect(filled).toBe(FORMAT_2021.cells.filter((c) => !c.sumOf && c.kind !== 'text').length - 2);
    expect(v.cells['apply:new:research']).toBe('');
  });

  it('「本表空格填0」 fills one table and leaves the others blank, and the counts say how many each table has', () => {
    const v = draftToFormValues(newDraft({ year: 2025 }));
    const before = blankCounts(v, FORMAT_2021);
    const { cells, filled } = fillBlanksWithZero(v, FORMAT_2021, ['review']);
    expect(filled).toBe(before.review);
    expect(cells['review.reconsideration.upheld'.replaceAll('.', ':')]).toBe('0');
    expect(cells['apply:new:natural']).toBe('');
    const after = blankCounts({ ...v, cells }, FORMAT_2021);
    expect(after).toEqual({ ...before, review: 0 });
    expect(before.apply).toBeGreaterThan(50);
    expect(tableHeading('apply')).toBe('三、收到和处理政府信息公开申请情况');
  });
});

describe('the report checked on every keystroke', () => {
  it('is exactly the report of the draft the form would save', async () => {
    const { formValuesToReport, formValuesToCells } = await import('../../shared/editor/formValues.js');
    const base = newDraft({ year: 2024, organ: '某县人民政府' });
    base.cells = nestCells({ 'active2019.fees.change': 3, 'apply.new.natural': 1 });
    base.previous = { year: 2023, format: '2021', cells: nestCells({ 'apply.carried_forward.natural': 2 }), sections: { overview: '上年正文' } };
    base.meta.title = '自定标题';
    const v = draftToFormValues(base);
    v.cells['apply:new:commercial'] = 'x1';
    v.cells['active:fees:amount'] = '５.５';
    v.sections.other = '本年度没有产生信息公开处理费。';
    v.meta.contactPhone = '123';
    const viaDraft = draftToReport(formValuesToDraft(v, base));
    const direct = formValuesToReport(v, base);
    expect(direct).toEqual(viaDraft);
    expect(formValuesToCells(v, base).parseErrors.get('apply.new.commercial')).toMatch(/不是数字/);
    expect(direct.cells['active.fees.amount']).toBe(5.5);
  });

  it('the remembering cell reader gives the same cells and errors as a fresh parse, as values change', async () => {
    const { createCellReader, formValuesToCells } = await import('../../shared/editor/formValues.js');
    const base = newDraft({ year: 2024 });
    base.cells = nestCells({ 'active2019.fees.change': 3 });
    const read = createCellReader(base);
    const v = draftToFormValues(base);
    for (const [k, raw] of [['apply:new:natural', '1'], ['apply:new:natural', '1x'], ['apply:new:legal', '２'], ['apply:new:natural', ''], ['active:fees:amount', '-1']] as const) {
      v.cells[k] = raw;
      const a = read(v);
      const b = formValuesToCells(v, base);
      expect(a.cells).toEqual(b.cells);
      expect([...a.parseErrors]).toEqual([...b.parseErrors]);
    }
    expect(read(v).cells['active2019.fees.change']).toBe(3);
  });

  it('every cell the form can\'t parse is named by the rules\' V-NUM, with the cell and what it holds (the editor makes no V-NUM of its own)', async () => {
    const { createCellReader, formValuesToReport } = await import('../../shared/editor/formValues.js');
    const { evaluate } = await import('../../shared/rules/index.js');
    const base = newDraft({ year: 2025, organ: '某县人民政府' });
    const typed = ['3a', ' 3x ', '-1', '1.5', '三件', '1e3', 'NaN', 'Infinity', '0x10', '1 2', '+3', '—', '１２a', '1e400'];
    for (const raw of typed) {
      for (const key of ['apply:new:natural', 'active:fees:amount']) {
        const v = draftToFormValues(base);
        v.cells[key] = raw;
        const { cells, parseErrors } = createCellReader(base)(v);
        const cellKey = key.replaceAll(':', '.');
        const vNum = evaluate(formValuesToReport(v, base, FORMAT_2021, cells)).filter((f) => f.rule === 'V-NUM');
        expect(vNum.map((f) => f.target), `${key} = ${JSON.stringify(raw)}`).toEqual(parseErrors.has(cellKey) ? [cellKey] : []);
        if (parseErrors.has(cellKey)) expect(vNum[0]?.message).toContain(`填的是 「${raw.trim()}」`);
      }
    }
  });
});
