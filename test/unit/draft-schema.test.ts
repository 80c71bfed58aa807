import { describe, expect, it } from 'vitest';
import {
  DRAFT_APP_ID,
  MAX_DRAFT_BYTES,
  MAX_RAW_CELL,
  MAX_SECTION_CHARS,
  draftToReport,
  migrateDraft,
  newDraft,
  parseDraftText,
  reportToDraft,
  serializeDraft,
  trySerializeDraft,
  utf8Length,
  type DraftFile,
} from '../../shared/schema/draft.js';
import { loadReportText, toReportData } from '../../shared/schema/reportData.js';
import { FORMAT_2021, SECTION_KEYS, enteredCells } from '../../shared/report/format.js';
import { nestCells } from '../../shared/report/model.js';
import { draftToFormValues, formValuesToDraft } from '../../shared/editor/formValues.js';
import { evaluate } from '../../shared/rules/index.js';

function sampleDraft(): DraftFile {
  const d = newDraft({ year: 2024, organ: '新乡县人民政府办公室', level: 'department' });
  d.cells = nestCells({ 'apply.new.natural': 16, 'apply.carried_over.natural': 0, 'active.fees.amount': 59237.2449, 'apply.granted.natural': null, 'apply.partial.natural': '1O' });
  d.sections.overview = '（一）主动公开：……';
  d.meta.signatureDate = '2025-01-20';
  return d;
}

function expectError(text: string, pattern: RegExp): void {
  const r = parseDraftText(text);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toMatch(pattern);
}

describe('draft file', () => {
  it('round-trips through serialise and parse exactly, nesting cell keys', () => {
    const d = sampleDraft();
    const text = serializeDraft(d);
    expect(JSON.parse(text).cells.apply.new.natural).toBe(16);
    const back = parseDraftText(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(JSON.parse(serializeDraft(back.draft))).toEqual(JSON.parse(text));
  });

  it('keeps its review list (passages and doubts to confirm) across save and reopen; a draft without one stays without', () => {
    const d = sampleDraft();
    expect(JSON.parse(serializeDraft(d))).not.toHaveProperty('review');
    d.review = [
      { origin: 'next-year', section: 'overview', text: '2024年', reason: '上年报告的年度' },
      { origin: 'import', target: 'apply.new.natural', text: '三、（一）…·自然人', reason: '数字不清' },
    ];
    const back = parseDraftText(serializeDraft(d));
    expect(back.ok && back.draft.review).toEqual(d.review);
    const bad = JSON.parse(serializeDraft(d)) as { review: { origin: string }[] };
    bad.review[0]!.origin = 'guess';
    expect(parseDraftText(JSON.stringify(bad)).ok).toBe(false);
  });

  it('keeps blank, zero, exact amounts and raw text awaiting a fix apart', () => {
    const r = parseDraftText(serializeDraft(sampleDraft()));
    if (!r.ok) throw new Error(r.error);
    const report = draftToReport(r.draft);
    expect(report.cells['apply.granted.natural']).toBeNull();
    expect(report.cells['apply.carried_over.natural']).toBe(0);
    expect(report.cells['active.fees.amount']).toBe(59237.2449);
    expect(report.cells['apply.partial.natural']).toBe('1O');
    expect(report.level).toBe('department');
  });

  it('migrates a version-1 draft (flat cell keys) to the current version', () => {
    const v1 = {
      app: DRAFT_APP_ID,
      schemaVersion: 1,
      format: '2021',
      year: 2023,
      meta: { organ: '某县人民政府', level: 'government', signatureOrgan: '某县人民政府', signatureDate: '' },
      sections: { overview: '文字' },
      cells: { 'apply.new.natural': 3, 'review.reconsideration.upheld': 1 },
      previous: { year: 2022, cells: { 'apply.carried_forward.natural': 2 } },
      acceptedWarnings: [],
    };
    const migrated = migrateDraft(v1) as { schemaVersion: number; cells: { apply: { new: { natural: number } } } };
    expect(migrated.schemaVersion).toBe(4);
    expect(migrated.cells.apply.new.natural).toBe(3);
    const r = parseDraftText(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (r.ok) {
      const report = draftToReport(r.draft);
      expect(report.cells['review.reconsideration.upheld']).toBe(1);
      expect(report.previous?.cells['apply.carried_forward.natural']).toBe(2);
    }
  });

  it('opens a version-2 draft (before history and review states) as it was', () => {
    const v2 = { ...JSON.parse(serializeDraft(sampleDraft())), schemaVersion: 2 };
    const r = parseDraftText(JSON.stringify(v2));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.draft.history).toBeUndefined();
  });

  it('refuses a file from a newer version with a clear message', () => {
    const d = { ...JSON.parse(serializeDraft(sampleDraft())), schemaVersion: 99 };
    expectError(JSON.stringify(d), /更新版本/);
  });

  it('gives clear Chinese errors for corrupt, truncated, wrong-type and hostile files', () => {
    const good = serializeDraft(sampleDraft());
    expectError('', /空的/);
    expectError(good.slice(0, good.length / 2), /损坏或被截断/);
    expectError('{"hello": 1}', /不是本程序保存/);
    expectError('[1,2,3]', /不是本程序保存/);
    expectError(good.replace('"year": 2024', '"year": "2024"'), /year.*类型不正确/);
    expectError(good.replace('"year": 2024', '"year": 1e400'), /year/);
    expectError(good.replace('"natural": 16', '"natural": 1e400'), /natural/);
    expectError(good.replace('"natural": 16', '"natural": -5'), /无效/);
    expectError(good.replace('"cells": {', '"cells": {"__proto__": {"polluted": 1},'), /不允许的字段「__proto__」/);
    expectError(good.replace('"cells": {', '"cells": {"constructor": {"prototype": 1},'), /不允许的字段/);
    expectError(good.replace('"cells": {', '"cells": {"evil": {"key": 1},'), /未知的单元格「evil.key」/);
    expectError(good.replace('"format": "2021"', '"format": "2030"'), /format/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses oversized files and overlong text before doing any work', () => {
    expectError(' '.repeat(MAX_DRAFT_BYTES + 1), /过大/);
    const d = sampleDraft();
    d.sections.problems = '问'.repeat(300_000);
    expect(() => serializeDraft(d)).toThrow();
    const text = JSON.stringify({ ...JSON.parse(serializeDraft(sampleDraft())), sections: { problems: '问'.repeat(300_000) } });
    expectError(text, /过长/);
  });

  it('refuses deeply nested junk', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const d = { ...JSON.parse(serializeDraft(sampleDraft())), cells: deep };
    expectError(JSON.stringify(d), /嵌套层级过深/);
  });
});

describe('report data JSON', () => {
  it('reads report data and prints every cell of the format with computed totals', () => {
    const r = loadReportText(JSON.stringify({ format: '2021', year: 2024, cells: { 'apply.new.natural': 4, 'apply.new.legal': 1 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const data = toReportData(r.report);
    expect(Object.keys(data.cells).length).toBe(FORMAT_2021.cells.length);
    expect(data.cells['apply.new.total']).toBe(5);
    expect(data.cells['apply.granted.total']).toBeNull();
  });

  it('keeps printed totals when asked (published reports)', () => {
    const r = loadReportText(JSON.stringify({ format: '2021', year: 2024, cells: { 'apply.new.natural': 4, 'apply.new.total': 7 } }));
    if (!r.ok) throw new Error(r.error);
    expect(toReportData(r.report, { keepPrintedTotals: true }).cells['apply.new.total']).toBe(7);
    expect(toReportData(r.report).cells['apply.new.total']).toBe(4);
  });

  it('keeps the printed text of a text cell (2019 采购总金额) and nothing typed in a number cell', () => {
    const r = loadReportText(JSON.stringify({ format: '2019', year: 2019, cells: { 'active2019.procurement.amount': '3979.5 万元', 'active2019.procurement.items': 2 } }));
    if (!r.ok) throw new Error(r.error);
    const data = toReportData(r.report);
    expect(data.cells['active2019.procurement.amount']).toBe('3979.5 万元');
    expect(loadReportText(JSON.stringify(data))).toMatchObject({ ok: true });
  });

  it('rejects unknown keys and hostile keys; values invalid for their cell are read (V-NUM names them)', () => {
    const bad = (cells: string) => loadReportText(`{"format":"2021","year":2024,"cells":${cells}}`);
    expect(bad('{"apply.nope.natural": 1}')).toMatchObject({ ok: false });
    expect(bad('{"__proto__": 1}')).toMatchObject({ ok: false });
    expect(bad('{"apply.new.natural": {"n": 3}}')).toMatchObject({ ok: false });
    expect(bad('{"apply.new.natural": "3"}')).toMatchObject({ ok: true });
    expect(bad('{"apply.new.natural": 2.5}')).toMatchObject({ ok: true });
  });

  it('a report becomes a draft without its totals', () => {
    const r = loadReportText(JSON.stringify({ format: '2021', year: 2024, organ: '某县', cells: { 'apply.new.natural': 4, 'apply.new.total': 4 } }));
    if (!r.ok) throw new Error(r.error);
    const draft = reportToDraft(r.report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
    const report = draftToReport(draft);
    expect(report.cells['apply.new.natural']).toBe(4);
    expect('apply.new.total' in report.cells).toBe(false);
    expect(parseDraftText(serializeDraft(draft)).ok).toBe(true);
  });
});

describe('a report whose 机关层级 is not known', () => {
  it('becomes a draft that keeps it unknown through the form, saving and reopening: no rule for 人民政府 (F-KPZ) is applied to it', () => {
    const r = loadReportText(JSON.stringify({ format: '2021', year: 2024, organ: '', cells: { 'apply.new.natural': 4 }, sections: { overview: '本年度主动公开政府信息12条。' } }));
    if (!r.ok) throw new Error(r.error);
    const draft = reportToDraft(r.report, new Set(enteredCells(FORMAT_2021).map((c) => c.key)));
    expect(draft.meta.level).toBeUndefined();
    const values = draftToFormValues(draft);
    expect(values.meta.level).toBe('');
    const back = parseDraftText(serializeDraft(formValuesToDraft(values, draft)));
    if (!back.ok) throw new Error(back.error);
    expect(back.draft.meta.level).toBeUndefined();
    const rules = evaluate(draftToReport(back.draft)).map((f) => f.rule);
    expect(rules).not.toContain('F-KPZ');
    // a fresh draft is a 人民政府's until the clerk says otherwise, and a level chosen is kept
    expect(newDraft({ year: 2024 }).meta.level).toBe('government');
    expect(evaluate(draftToReport({ ...back.draft, meta: { ...back.draft.meta, level: 'government' } })).map((f) => f.rule)).toContain('F-KPZ');
  });
});

describe('one size limit for saving and opening (a draft that saves always reopens)', () => {
  const cjk = (n: number) => '报'.repeat(n);

  it('every section and last year\'s at their typing limit, in Chinese, serialises and parses', () => {
    const d = sampleDraft();
    for (const k of SECTION_KEYS) d.sections[k] = cjk(MAX_SECTION_CHARS);
    d.previous = { year: d.year - 1, cells: {}, sections: { ...d.sections } };
    const r = trySerializeDraft(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(utf8Length(r.text)).toBeLessThanOrEqual(MAX_DRAFT_BYTES);
    expect(utf8Length(r.text)).toBeGreaterThan(5 * 1024 * 1024); // the case the old 5 MB read limit refused
    expect(parseDraftText(r.text).ok).toBe(true);
  });

  it('the limit is in bytes on both sides: what serialising refuses, parsing refuses too', () => {
    const d = sampleDraft();
    for (const k of SECTION_KEYS) d.sections[k] = cjk(MAX_SECTION_CHARS);
    d.previous = { year: d.year - 1, cells: {}, sections: { ...d.sections } };
    d.acceptedWarnings = Array.from({ length: 2000 }, (_, i) => ({ rule: 'XY-JUMP', target: `t${i}`, explanation: cjk(2000) }));
    const r = trySerializeDraft(d);
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^报告内容过多（\d+\.\d MB，上限 16 MB），请删减正文$/) });
    const text = JSON.stringify(d);
    expect(text.length).toBeLessThan(MAX_DRAFT_BYTES); // fewer characters than the limit…
    expect(parseDraftText(text)).toEqual({ ok: false, error: expect.stringContaining('文件过大') }); // …but too many bytes
    expect(utf8Length('a¢报😀')).toBe(new TextEncoder().encode('a¢报😀').length);
  });

  it('a field over its limit is named in the clerk\'s words', () => {
    const d = sampleDraft();
    d.cells = { apply: { new: { natural: '1'.repeat(MAX_RAW_CELL + 50) } } };
    const cell = trySerializeDraft(d);
    expect(cell.ok).toBe(false);
    expect(!cell.ok && cell.error).toMatch(/^单元格「[^」]+」超过 100 个字符的上限$/);
    const s = sampleDraft();
    s.sections.problems = cjk(MAX_SECTION_CHARS + 1);
    expect(trySerializeDraft(s)).toEqual({ ok: false, error: '「五、问题及改进」正文超过 200000 个字符的上限' });
  });
});
