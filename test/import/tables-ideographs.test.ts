/**
 * Text layers of PDFs made by WPS and Chromium give Kangxi radicals (U+2F00–U+2FDF) and CJK Radicals
 * Supplement characters (U+2E80–U+2EFF) for ordinary ideographs that share their glyph: 「⼈⺠政府」 for
 * 「人民政府」. They are read as the ideographs they stand for, before anything else.
 */
import { describe, expect, it } from 'vitest';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { basicNormalise, labelKey, tokenise } from '../../shared/import/text.js';
import { readActive } from '../../shared/import/tables.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

/** Ordinary ideographs → the radical code points such PDFs give for them. */
const AS_RADICALS: Record<string, string> = {
  人: '\u2f08', 民: '\u2ea0', 工: '\u2f2f', 文: '\u2f42', 行: '\u2f8f', 一: '\u2f00', 长: '\u2ed3', 门: '\u2ed4', 见: '\u2ec5',
  页: '\u2eda', 风: '\u2edb', 车: '\u2ecb', 马: '\u2ee2', 青: '\u2ed8', 龙: '\u2ef0', 鸟: '\u2ee6', 齐: '\u2eec', 母: '\u2e9f',
  小: '\u2e8c', 月: '\u2e9d', 西: '\u2ec4', 角: '\u2ec6', 贝: '\u2ec9', 飞: '\u2edc', 食: '\u2edd', 鱼: '\u2ee5', 黄: '\u2ee9',
  齿: '\u2eee', 龟: '\u2ef3', 麦: '\u2ee8', 鬼: '\u2ee4', 韦: '\u2ed9', 方: '\u2f45', 生: '\u2f63',
};
const asRadicals = (s: string): string => [...s].map((c) => AS_RADICALS[c] ?? c).join('');

describe('radicals standing for ideographs', () => {
  it('normalises Kangxi radicals and the Radicals Supplement to the ideographs, and nothing else', () => {
    expect(basicNormalise('\u2f08\u2ea0政府')).toBe('人民政府');
    expect(basicNormalise('\u2f2f作、\u2f42件、\u2f8f政')).toBe('工作、文件、行政');
    // Kangxi radicals whose NFKC form is traditional: the simplified text's own character (户籍, not 戶籍)
    expect(basicNormalise('\u2f3e籍、\u2fad年')).toBe('户籍、青年');
    const ordinary = Object.keys(AS_RADICALS).join('');
    expect(asRadicals(ordinary)).not.toBe(ordinary);
    expect(basicNormalise(asRadicals(ordinary))).toBe(ordinary);
    // full-width punctuation is Chinese typography: kept
    expect(basicNormalise('（一）主动公开：共 3 件；见附表。')).toBe('（一）主动公开：共 3 件；见附表。');
    // radical-only forms (亻 氵 讠) stand for no ideograph of running text: left alone
    expect(basicNormalise('\u2e85\u2ea1\u2ec8')).toBe('\u2e85\u2ea1\u2ec8');
  });

  it('matches labels and grid cells printed with radicals', () => {
    expect(labelKey('\u2f8f政规范性\u2f42件')).toBe(labelKey('行政规范性文件'));
    const lines = [
      { text: '规章\t0\t0\t0', cells: ['规章', '0', '0', '0'], table: 0 },
      { text: '', cells: ['\u2f8f政规范性\u2f42件', '3', '1', '6'], table: 0 },
    ];
    const read = readActive(tokenise(lines), FORMAT_2021.activeGroups);
    expect([read.cells['active.normative.issued'], read.cells['active.normative.repealed'], read.cells['active.normative.in_force']]).toEqual([3, 1, 6]);
  });

  it('a whole report extracted with radicals reads as the plain text does: cells, title, narrative', () => {
    const rich = richData(FORMAT_2021, 2024);
    const plain = makeText(rich, { layout: 'rows' });
    const radical = asRadicals(plain);
    expect(radical).toContain('\u2f8f政规范性\u2f42件');
    expect(radical).toContain('\u2f00、本年新收');
    const a = parsePublished(textDocument(plain));
    const b = parsePublished(textDocument(radical));
    expect(b.report.cells).toEqual(a.report.cells);
    expect(b.report.title).toBe(a.report.title);
    expect(b.report.sections).toEqual(a.report.sections);
    expect(Object.values(a.report.cells).filter((v) => v !== null).length).toBeGreaterThan(190);
    expect(b.uncertain.filter((u) => /^(apply|active|review)\./.test(u.target))).toEqual([]);
  });
});
