/** The corpus harness itself: truth.json validation, the case loader, and scoring an import against a truth. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/import/index.js';
import { newDraft } from '../../shared/schema/draft.js';
import { nestCells } from '../../shared/report/model.js';
import { readCorpus, truthCells, truthSchema, type Truth } from '../support/corpus.js';
import { addToTally, caseGaps, emptyTally, knownGapsSchema, scoreCase, type FoundFinding } from '../support/corpus-score.js';

const seven = (n: number | null) => [n, 0, 0, 0, 0, 0, n];

function truth(over: Partial<Truth> = {}): Truth {
  return truthSchema.parse({
    id: 'tiny-county-2024',
    split: 'tune',
    kind: 'text',
    whole: true,
    format: '2021',
    year: 2024,
    organ: '某县人民政府',
    title: '某县人民政府2024年政府信息公开工作年度报告',
    tables: {
      active: { normative: [3, 1, 6], licensing: 66410, fees: null },
      apply: { new: seven(5), carried_over: seven(0), granted: seven(3) },
      review: { reconsideration: [1, 0, 0, 0, 1] },
    },
    findings: [
      { rule: 'T3-BAL', cell: 'apply.carried_forward.natural', reason: '5 ≠ 3 + 1' },
      { rule: 'N-REVIEW', section: 'review', reason: '正文说0件，表四1件' },
      { rule: 'F-KPZ', reason: '未写考核评议追究' },
    ],
    notes: 'hand-made',
    ...over,
  });
}

function imported(cells: Record<string, number | null>, sourceCheck: FoundFinding[], meta: { title?: string; organ?: string } = { title: '某县人民政府2024年政府信息公开工作年度报告', organ: '某县人民政府' }): ImportResult {
  const draft = newDraft({ year: 2024 });
  return {
    source: { kind: 'text', name: 'source.txt' },
    report: { format: '2021', year: 2024, cells, ...meta },
    draft,
    sourceCheck,
    uncertain: [],
    stats: { cellsRead: 0, cellsTotal: 0 },
  };
}

const finding = (rule: string, cells: string[], extra: Partial<FoundFinding> = {}): FoundFinding => ({ rule, severity: 'error', cells, message: rule, ...extra });

describe('truth.json', () => {
  it('becomes flat canonical cell keys, only what it holds', () => {
    const cells = truthCells(truth());
    expect(cells.get('active.normative.repealed')).toBe(1);
    expect(cells.get('active.licensing.decisions')).toBe(66410);
    expect(cells.get('active.fees.amount')).toBeNull();
    expect(cells.has('active.regulations.issued')).toBe(false);
    expect(cells.get('apply.new.total')).toBe(5);
    expect(cells.get('apply.new.commercial')).toBe(0);
    expect(cells.get('review.reconsideration.total')).toBe(1);
    expect(cells.size).toBe(3 + 1 + 1 + 3 * 7 + 5);
  });

  it('is refused when malformed: unknown rows, wrong lengths, the other format’s table, unknown rules or cells', () => {
    const base = truth();
    const bad = (tables: unknown, findings: unknown = []) => truthSchema.safeParse({ ...base, tables, findings }).success;
    expect(bad({ apply: { newly: seven(1) } })).toBe(false);
    expect(bad({ apply: { new: [1, 2, 3] } })).toBe(false);
    expect(bad({ active: { normative: 3 } })).toBe(false);
    expect(bad({ active2019: { normative: [1, 1, 1] } })).toBe(false);
    expect(bad({ apply: { other: seven(0), other_1: seven(0) } })).toBe(false);
    expect(bad({}, [{ rule: 'T9-XX', reason: 'x' }])).toBe(false);
    expect(bad({}, [{ rule: 'T3-BAL', cell: 'apply.new.persons', reason: 'x' }])).toBe(false);
    expect(bad({}, [{ rule: 'T3-BAL', reason: '' }])).toBe(false);
    expect(truthSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
    const old = { ...base, format: '2019', tables: { active2019: { procurement: [2, '3979.5 万元'], fees: [1, -1] } } };
    expect(truthSchema.safeParse(old).success).toBe(true);
    expect(truthSchema.safeParse({ ...old, tables: { active2019: { procurement: [2, 3979.5] } } }).success).toBe(false);
  });
});

describe('scoring an import against its truth', () => {
  const held = Object.fromEntries([...truthCells(truth())].map(([k, v]) => [k, v as number | null]));

  it('counts cells right, wrong and missing', () => {
    const cells: Record<string, number | null> = { ...held, 'apply.new.natural': 6, 'active.fees.amount': 0 };
    delete cells['review.reconsideration.total'];
    cells['apply.granted.total'] = null;
    const s = scoreCase(truth(), imported(cells, []));
    const verdicts = Object.fromEntries(s.cells.filter((c) => c.verdict !== 'right').map((c) => [c.key, c.verdict]));
    expect(verdicts).toEqual({ 'apply.new.natural': 'wrong', 'active.fees.amount': 'wrong', 'review.reconsideration.total': 'missing', 'apply.granted.total': 'missing' });
    expect(caseGaps(s)).toContain('cell apply.new.natural: expected 5, got 6');
    expect(caseGaps(s)).toContain('cell review.reconsideration.total: expected 1, got nothing');
  });

  it('more than a row of missing cells of a table is one gap, not one per cell', () => {
    const cells = Object.fromEntries(Object.entries(held).filter(([k]) => !k.startsWith('apply.')));
    expect(caseGaps(scoreCase(truth({ findings: [] }), imported(cells, [])))).toEqual(['table apply: 21 of 21 cells not read']);
  });

  it('compares title and organ without spacing, and year and format', () => {
    const s = scoreCase(truth(), imported(held, [], { title: '某县人民政府 2024年政府信息公开工作年度报告', organ: '某县' }));
    expect(s.fields.map((f) => [f.field, f.right])).toEqual([
      ['title', true],
      ['organ', false],
      ['year', true],
      ['format', true],
    ]);
  });

  it('matches findings by rule and cell, by section (span or target cell), or by rule alone; the rest are false alarms', () => {
    const found = [
      finding('T3-BAL', ['apply.carried_forward.natural', 'apply.new.natural'], { target: 'apply.carried_forward.natural' }),
      finding('N-REVIEW', ['review.reconsideration.total'], { target: 'review.reconsideration.total' }),
      finding('F-KPZ', []),
      finding('T3-BAL', ['apply.carried_forward.commercial']),
      finding('N-APP', [], { span: { section: 'requests', start: 0, end: 4 } }),
      finding('N-REVIEW', ['review.reconsideration.total'], { target: 'review.reconsideration.total', span: { section: 'overview', start: 0, end: 9 } }),
    ];
    const s = scoreCase(truth(), imported(held, found));
    expect(s.matched.map((e) => e.rule)).toEqual(['T3-BAL', 'N-REVIEW', 'F-KPZ']);
    expect(s.missed).toEqual([]);
    expect(s.falseAlarms.map((f) => f.rule)).toEqual(['T3-BAL', 'N-APP']);
    expect(caseGaps(s)).toEqual(['false alarm N-APP requests', 'false alarm T3-BAL apply.carried_forward.commercial']);

    const t = emptyTally();
    addToTally(t, s);
    addToTally(t, scoreCase(truth(), imported(held, [])));
    expect(t).toMatchObject({ cases: 2, expected: 6, found: 3, missed: 3, falseAlarms: 2, findings: 6, arithmeticExpected: 2, arithmeticFound: 1 });
  });

  it('a finding about a whole section matches by its section', () => {
    const s = scoreCase(truth(), imported(held, [finding('N-REVIEW', [], { section: 'review' }), finding('N-REVIEW', [], { section: 'overview' })]));
    expect(s.matched.map((e) => e.rule)).toEqual(['N-REVIEW']);
    expect(s.falseAlarms.map((f) => f.section)).toEqual(['overview']);
  });

  it('a finding on the wrong cell or section does not match', () => {
    const s = scoreCase(truth(), imported(held, [finding('T3-BAL', ['apply.carried_forward.total']), finding('N-REVIEW', [], { span: { section: 'overview', start: 0, end: 1 } })]));
    expect(caseGaps(s)).toEqual([
      'false alarm N-REVIEW overview',
      'false alarm T3-BAL apply.carried_forward.total',
      'missed F-KPZ',
      'missed N-REVIEW review',
      'missed T3-BAL apply.carried_forward.natural',
    ]);
  });

  it('an excerpt judges only what it holds: whole-report rules, F-TITLE without a title, V-BLANK on cells it lacks', () => {
    const excerpt = truth({ whole: false, title: null });
    const found = [
      finding('F-KPZ', []),
      finding('F-SECTIONS', []),
      finding('F-TITLE', []),
      finding('V-BLANK', ['apply.denied_7.natural', 'apply.denied_8.natural'], { target: 'apply.denied_7.natural' }),
      finding('V-BLANK', ['active.fees.amount'], { target: 'active.fees.amount' }),
    ];
    const s = scoreCase(excerpt, imported(held, found, { organ: '某县人民政府' }));
    expect(s.expected.map((e) => e.rule)).toEqual(['T3-BAL', 'N-REVIEW']);
    expect(s.found.map((f) => f.rule)).toEqual(['V-BLANK']);
    expect(caseGaps(s)).toEqual(['false alarm V-BLANK active.fees.amount', 'missed N-REVIEW review', 'missed T3-BAL apply.carried_forward.natural']);
  });

  it('known-gaps.json wants a reason for every gap', () => {
    expect(knownGapsSchema.safeParse({ a: [{ gap: 'missed F-KPZ', why: '正文写在附件里' }] }).success).toBe(true);
    expect(knownGapsSchema.safeParse({ a: [{ gap: 'missed F-KPZ', why: 'TODO' }] }).success).toBe(false);
    expect(knownGapsSchema.safeParse({ a: [{ gap: 'missed F-KPZ' }] }).success).toBe(false);
  });
});

describe('the case loader', () => {
  function corpus(): string {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'README.md'), 'not a case');
    return dir;
  }
  function addCase(dir: string, folder: string, t: object, tsvRow: string | null, sources = ['source.txt']) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'truth.json'), JSON.stringify(t));
    for (const s of sources) writeFileSync(join(dir, folder, s), '一、总体情况');
    if (tsvRow !== null) writeFileSync(join(dir, `sources.${folder}.tsv`), `id\tsplit\tkind\twhole\tprovince\tlevel\tyear\twhere_found\tnotes\n${tsvRow}\n`);
  }
  const row = (id: string, split = 'tune', kind = 'text', whole = 'true') => `${id}\t${split}\t${kind}\t${whole}\t某省\tcounty\t2024\thttps://example.gov.cn/\t`;

  it('lists folders holding truth.json, checking id, sources*.tsv and the one source file', () => {
    const dir = corpus();
    const good = truth();
    addCase(dir, 'tiny-county-2024', good, row('tiny-county-2024'));
    addCase(dir, 'misnamed-2024', good, row('misnamed-2024'));
    addCase(dir, 'unlisted-2024', { ...good, id: 'unlisted-2024' }, null);
    addCase(dir, 'split-differs-2024', { ...good, id: 'split-differs-2024' }, row('split-differs-2024', 'holdout'));
    addCase(dir, 'two-sources-2024', { ...good, id: 'two-sources-2024' }, row('two-sources-2024'), ['source.txt', 'source.pdf']);
    addCase(dir, 'malformed-2024', { ...good, id: 'malformed-2024', tables: { apply: { new: [1] } } }, row('malformed-2024'));
    mkdirSync(join(dir, 'no-truth-yet'));
    const { cases, problems } = readCorpus(dir);
    expect(cases.map((c) => c.id)).toEqual(['tiny-county-2024']);
    expect(cases[0]?.source).toBe(join(dir, 'tiny-county-2024', 'source.txt'));
    expect(Object.fromEntries(problems.map((p) => [p.id, p.error.split('\n')[0]]))).toEqual({
      'malformed-2024': `malformed truth ${join(dir, 'malformed-2024', 'truth.json')}`,
      'misnamed-2024': 'truth.json: id "tiny-county-2024" differs from its folder name',
      'split-differs-2024': 'sources*.tsv says split "holdout", truth.json "tune"',
      'two-sources-2024': 'expected one source.<ext> file, found 2',
      'unlisted-2024': 'not listed in any sources*.tsv',
    });
  });
});
