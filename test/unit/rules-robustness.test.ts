/**
 * The engine never throws and stays well-formed on whatever the editor or an import hands it; the importer's
 * reading of the published samples gets the same findings as the hand-entered fixtures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/index.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import type { Report } from '../../shared/report/model.js';
import { evaluate, RULES, RULE_IDS } from '../../shared/rules/index.js';
import { cleanReport, fixture, run, rulesOf, SAMPLES } from './rules-support.js';

const here = dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.RULES_FUZZ_ROUNDS ?? 200);

/** A small deterministic generator (no Math.random: a failure must reproduce). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['收到', '受理', '办结', '结转', '申请', '公开', '行政复议', '行政诉讼', '无', '未', '件', '条', '%', '率', '办结率', '2023', '2024 年', '2025年', '１２', '０', '，', '。', '；', '\n', '（', '）', '规范性文件', '工作要点', '一、总体情况', '四、', ' ', '两', '十', '12345', '99.7', '《', '》', '〔2019〕60号', '国办公开办函'];

describe('robustness', () => {
  it('an empty report gets the findings that say what is missing, and no exception', () => {
    const f = run({ format: '2021', year: 2024, cells: {} }, { stage: 'final' });
    const ids = rulesOf(f);
    expect(ids).toContain('V-BLANK');
    expect(ids.filter((x) => x === 'F-SECTIONS')).toHaveLength(6);
    expect(ids).toContain('F-FEE');
    expect(ids).toContain('F-DATE');
    expect(ids).toContain('F-TITLE');
    expect(ids).not.toContain('T3-BAL');
  });

  it('random text and cell values never throw and always give well-formed findings', () => {
    const next = rng(20250225);
    const keys = FORMAT_2021.cells.map((c) => c.key);
    for (let round = 0; round < ROUNDS; round++) {
      const text = () => Array.from({ length: Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '').join('');
      const r: Report = { ...cleanReport(), sections: { preface: text(), overview: text(), requests: text(), review: text(), other: text() } };
      r.cells = { ...r.cells };
      for (let i = 0; i < 5; i++) {
        const key = keys[Math.floor(next() * keys.length)] ?? '';
        const choices = [null, -1, 0.5, 1e15, '１２', 'abc', '', 7, Number.NaN];
        r.cells[key] = choices[Math.floor(next() * choices.length)] ?? null;
      }
      if (round % 3 === 0) r.previous = { year: 2023, cells: { ...fixture('xinxiang-county-office-2024').cells }, sections: { overview: text() } };
      expect(() => run(r)).not.toThrow();
    }
  });

  it('the RULES table describes every rule id once', () => {
    expect(RULE_IDS).toHaveLength(23);
    for (const id of RULE_IDS) {
      expect(RULES[id].name.length).toBeGreaterThan(1);
      expect(RULES[id].description.length).toBeGreaterThan(5);
    }
    expect(RULES['V-BLANK'].draftSeverity).toBe('warning');
    expect(RULES['F-KPZ'].severity).toBe('error');
  });

  it('a printed total that disagrees is found on that cell', () => {
    const r = cleanReport();
    r.cells['apply.new.total'] = 5;
    const row = evaluate(r).find((x) => x.rule === 'T3-ROW');
    expect(row?.target).toBe('apply.new.total');
  });

  it('is deterministic and does not modify the report', () => {
    const r = fixture('xinyuan-county-2024');
    const before = JSON.stringify(r);
    expect(evaluate(r)).toEqual(evaluate(r));
    expect(JSON.stringify(r)).toBe(before);
  });
});

describe('the importer’s reading of the published samples', () => {
  it('gets the same findings as the hand-entered fixtures', () => {
    for (const name of SAMPLES) {
      const text = readFileSync(join(here, '..', 'fixtures', 'published', `${name}.txt`), 'utf8');
      const imported = importText(text, { kind: 'text', name, evaluate });
      expect(imported.sourceCheck.map((f) => f.rule).sort(), name).toEqual(rulesOf(evaluate(fixture(name))).sort());
    }
  });
});
