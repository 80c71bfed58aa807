/**
 * Fuzzing the boundaries a clerk's files and keystrokes cross: thousands of mutated draft files and cell
 * strings. Nothing may throw, every refusal is a Chinese sentence, and reading never writes a file.
 */
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_2021, FORMAT_2019, type CellKind } from '../../shared/report/format.js';
import { nestCells } from '../../shared/report/model.js';
import { parseCell } from '../../shared/report/numbers.js';
import { evaluate } from '../../shared/rules/index.js';
import { draftToReport, newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { loadReportText } from '../../shared/schema/reportData.js';
import { main } from '../../electron/cli/report.js';

/** Deterministic PRNG so a failure reproduces (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHINESE = /[\u4e00-\u9fff]/;

function validDraftText(): string {
  const d = newDraft({ year: 2024, organ: '某县人民政府', level: 'government' });
  const cells: Record<string, number> = {};
  FORMAT_2021.cells.forEach((c, i) => {
    if (!c.sumOf) cells[c.key] = i % 7;
  });
  d.cells = nestCells(cells);
  d.sections.overview = '（一）主动公开 2024年共受理申请 12 件。';
  d.previous = { year: 2023, cells: nestCells({ 'apply.carried_forward.natural': 1 }) };
  d.acceptedWarnings = [{ rule: 'XY-JUMP', target: 'apply.new.total', explanation: '今年申请量确实大增' }];
  return serializeDraft(d);
}

const INSERTS = ['__proto__', '"constructor"', '1e400', '-1', 'null', '"x"', '{}', '[]', '{"a":{"b":{"c":{}}}}', '"\\u0000"', '9007199254740993', 'true', '"１２"', '"1,234"'];

function mutate(text: string, r: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const pos = Math.floor(r() * text.length);
  switch (Math.floor(r() * 8)) {
    case 0:
      return text.slice(0, pos); // truncated
    case 1:
      return text.slice(0, pos) + String.fromCharCode(Math.floor(r() * 0xffff)) + text.slice(pos + 1); // flipped char
    case 2: {
      // replace a value after a colon
      const colon = text.indexOf(':', pos);
      if (colon < 0) return text;
      const end = text.slice(colon).search(/[,}\n]/);
      return text.slice(0, colon + 1) + pick(INSERTS) + text.slice(colon + (end < 0 ? 1 : end));
    }
    case 3:
      return text.replace(/"[a-z_]+":/, `"${pick(['__proto__', 'constructor', 'prototype', 'zzz', ''])}":`);
    case 4:
      return text.slice(0, pos) + text.slice(pos + Math.floor(r() * 50)); // deletion
    case 5:
      return text.slice(0, pos) + pick(['{', '}', '[', ']', ',', '"', '\\']) + text.slice(pos);
    case 6:
      return text.replace(/"schemaVersion": \d+/, `"schemaVersion": ${pick(['0', '1', '4', '"2"', '-1', '1.5', 'null'])}`);
    default:
      return text.replace(/"year": \d+/, `"year": ${pick(['1900', '2024.5', '"2024"', '1e400', '99999'])}`);
  }
}

describe('fuzz', () => {
  it('thousands of mutated draft files: no exception escapes, every refusal is Chinese, accepted ones evaluate', () => {
    const base = validDraftText();
    const r = rng(20261122);
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 4000; i++) {
      let text = base;
      const rounds = 1 + Math.floor(r() * 3);
      for (let k = 0; k < rounds; k++) text = mutate(text, r);
      const result = parseDraftText(text);
      if (result.ok) {
        accepted++;
        // an accepted draft must survive the whole pipeline
        const findings = evaluate(draftToReport(result.draft), { stage: 'final' });
        expect(Array.isArray(findings)).toBe(true);
        expect(parseDraftText(serializeDraft(result.draft)).ok).toBe(true);
      } else {
        refused++;
        expect(result.error).toMatch(CHINESE);
      }
      const loaded = loadReportText(text);
      if (!loaded.ok) expect(loaded.error).toMatch(CHINESE);
    }
    // both paths were exercised
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(1000);
  });

  it('thousands of random cell strings: parseCell never throws and always explains', () => {
    const r = rng(7);
    const alphabet = ['0', '1', '9', '１', '９', '，', ',', '.', '．', '-', '－', '+', ' ', '\u3000', 'e', 'O', '万', '元', '件', 'x', '\u0000', '٣'];
    const kinds: CellKind[] = ['count', 'amount', 'signed', 'text'];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const len = Math.floor(r() * 14);
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(r() * alphabet.length)];
      for (const kind of kinds) {
        const p = parseCell(s, kind);
        if (p.ok) {
          if (typeof p.value === 'number') {
            expect(Number.isFinite(p.value)).toBe(true);
            if (kind === 'count') expect(Number.isInteger(p.value) && p.value >= 0).toBe(true);
            if (kind === 'amount') expect(p.value).toBeGreaterThanOrEqual(0);
          }
        } else expect(p.message).toMatch(CHINESE);
      }
    }
  });

  it('the command line on mutated files exits 0/1/2 with a reason and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-cli-'));
    const base = validDraftText();
    const r = rng(99);
    const files: string[] = [];
    for (let i = 0; i < 150; i++) {
      const f = join(dir, `d${i}.gkbg`);
      writeFileSync(f, i === 0 ? base : mutate(mutate(base, r), r));
      files.push(f);
    }
    const snapshot = () => readdirSync(dir).sort().map((f) => `${f}:${statSync(join(dir, f)).size}:${statSync(join(dir, f)).mtimeMs}`);
    const before = snapshot();
    for (const f of files) {
      let err = '';
      const code = await main(['check', f, '--json'], { out: () => undefined, err: (t) => (err += t) });
      expect([0, 1, 2]).toContain(code);
      if (code === 2) expect(err).toMatch(CHINESE);
    }
    expect(snapshot()).toEqual(before);
  });

  it('2019-format drafts survive mutation too', () => {
    const d = newDraft({ year: 2020, format: '2019' });
    d.cells = nestCells(Object.fromEntries(FORMAT_2019.cells.filter((c) => !c.sumOf).map((c) => [c.key, c.kind === 'text' ? '3979.5 万元' : 1])));
    const base = serializeDraft(d);
    const r = rng(2019);
    for (let i = 0; i < 1000; i++) {
      const res = parseDraftText(mutate(base, r));
      if (res.ok) evaluate(draftToReport(res.draft));
      else expect(res.error).toMatch(CHINESE);
    }
  });
});
