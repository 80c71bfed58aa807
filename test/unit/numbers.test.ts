import { describe, expect, it } from 'vitest';
import { formatCellValue, normaliseNumberText, parseCell } from '../../shared/report/numbers.js';

describe('parseCell', () => {
  it('keeps blank distinct from zero', () => {
    expect(parseCell('', 'count')).toEqual({ ok: true, value: null });
    expect(parseCell('   ', 'count')).toEqual({ ok: true, value: null });
    expect(parseCell(null, 'count')).toEqual({ ok: true, value: null });
    expect(parseCell('0', 'count')).toEqual({ ok: true, value: 0 });
  });

  it('accepts full-width digits, commas, ideographic spaces and units', () => {
    expect(parseCell('１２３', 'count')).toEqual({ ok: true, value: 123 });
    expect(parseCell('1,234', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCell('１，２３４', 'count')).toEqual({ ok: true, value: 1234 });
    expect(parseCell('\u3000 66410 ', 'count')).toEqual({ ok: true, value: 66410 });
    expect(parseCell('12件', 'count')).toEqual({ ok: true, value: 12 });
    expect(parseCell('588万元', 'amount')).toEqual({ ok: true, value: 588 });
  });

  it('keeps 万元 decimals exact', () => {
    expect(parseCell('59237.2449', 'amount')).toEqual({ ok: true, value: 59237.2449 });
    expect(parseCell('２１６１３．９１', 'amount')).toEqual({ ok: true, value: 21613.91 });
    expect(formatCellValue(59237.2449)).toBe('59237.2449');
    expect(formatCellValue(0.1 + 0.2)).toBe('0.3');
    const r = parseCell('1.1234567', 'amount');
    expect(r.ok).toBe(false);
  });

  it('signed values only where the 2019 format allows them', () => {
    expect(parseCell('-14', 'signed')).toEqual({ ok: true, value: -14 });
    expect(parseCell('－１４', 'signed')).toEqual({ ok: true, value: -14 });
    expect(parseCell('+3', 'signed')).toEqual({ ok: true, value: 3 });
    const neg = parseCell('-14', 'count');
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.message).toContain('负数');
  });

  it('gives a Chinese message for letters, decimals in counts and absurd numbers', () => {
    const letter = parseCell('1O', 'count');
    expect(letter.ok).toBe(false);
    if (!letter.ok) expect(letter.message).toMatch(/不是数字/);
    const dec = parseCell('3.5', 'count');
    expect(dec.ok).toBe(false);
    if (!dec.ok) expect(dec.message).toMatch(/整数/);
    expect(parseCell('1e400', 'count').ok).toBe(false);
    expect(parseCell(Number.POSITIVE_INFINITY, 'count').ok).toBe(false);
    expect(parseCell('99999999999999999999', 'count').ok).toBe(false);
    expect(parseCell('1,23', 'count').ok).toBe(false);
  });

  it('keeps 2019 procurement amounts as text', () => {
    expect(parseCell(' 3979.5 万元 ', 'text')).toEqual({ ok: true, value: '3979.5 万元' });
  });

  it('normalises without touching what it does not understand', () => {
    expect(normaliseNumberText('１ ２３４')).toBe('1234');
    expect(normaliseNumberText('abc')).toBe('abc');
  });
});
