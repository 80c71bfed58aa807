/** XY-CARRY, XY-VALID, XY-JUMP, XY-SAME: last year's figures against this year's (XY-COPY: rules-xycopy.test.ts). */
import { describe, expect, it } from 'vitest';
import type { PreviousYear, Report } from '../../shared/report/model.js';
import { asDraft, cleanReport, clone, fixture, only, run, rulesOf } from './rules-support.js';

/** Last year (2023) as an imported report: the clean report's cells with a few changes, different narrative. */
function previous(change: Record<string, number> = {}, sections?: PreviousYear['sections']): PreviousYear {
  const last = fixture('xinxiang-county-office-2024');
  const cells = { ...clone(cleanReport().cells), ...change };
  return { year: 2023, format: '2021', cells, sections: sections ?? last.sections ?? {} };
}

function withPrevious(prev: PreviousYear, tweak?: (r: Report) => void): Report {
  const r = asDraft(cleanReport());
  r.previous = prev;
  tweak?.(r);
  return r;
}

describe('XY-CARRY', () => {
  it('flags last year’s 结转下年度 that is not this year’s 上年结转, per column', () => {
    const f = only(run(withPrevious(previous({ 'apply.carried_forward.natural': 2, 'apply.carried_forward.total': 2 }))), 'XY-CARRY');
    expect(f).toHaveLength(1);
    expect(f[0]?.target).toBe('apply.carried_over.natural');
    expect(f[0]?.message).toBe('「自然人」列：2023年报告“结转下年度继续办理” 2，本年“上年结转” 0，相差 2');
    expect(f[0]?.severity).toBe('warning');
  });

  it('is quiet when they match, and when the previous report is not last year’s', () => {
    const carried = { 'apply.carried_forward.natural': 1, 'apply.carried_forward.total': 1 };
    const tweak = (r: Report) => {
      r.cells['apply.carried_over.natural'] = 1;
      r.cells['apply.carried_forward.natural'] = 1;
    };
    expect(rulesOf(run(withPrevious(previous(carried), tweak)))).not.toContain('XY-CARRY');
    expect(rulesOf(run(withPrevious({ ...previous({ 'apply.carried_forward.natural': 2 }), year: 2022 })))).not.toContain('XY-CARRY');
  });

  it('leaves alone a column whose figure was placed by guess in an imported row (its column unknown)', () => {
    const carried = previous({ 'apply.carried_forward.natural': 2, 'apply.carried_forward.total': 2 });
    const guessed = (r: Report) => {
      r.printed = { unplaced: ['apply.carried_over.natural'] };
    };
    expect(rulesOf(run(withPrevious(carried, guessed)))).not.toContain('XY-CARRY');
    // the same figures, placed for sure, are judged
    expect(rulesOf(run(withPrevious(carried)))).toContain('XY-CARRY');
  });

  it('computes last year’s totals when its draft stores none', () => {
    const prev = previous({ 'apply.carried_forward.commercial': 3 });
    for (const k of Object.keys(prev.cells)) if (k.endsWith('.total')) delete prev.cells[k];
    const f = only(run(withPrevious(prev)), 'XY-CARRY');
    expect(f.map((x) => x.target)).toEqual(['apply.carried_over.commercial']);
  });
});

describe('XY-VALID', () => {
  it('flags 现行有效 ≠ last year’s + 制发 − 废止', () => {
    const f = only(run(withPrevious(previous({ 'active.normative.in_force': 5 }))), 'XY-VALID');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('行政规范性文件：2023年现行有效 5 + 本年制发 2 − 本年废止 0 = 7，表中现行有效 2，相差 5');
    expect(f[0]?.cells).toEqual(['active.normative.in_force', 'active.normative.issued', 'active.normative.repealed']);
  });

  it('is quiet when the stock carries over', () => {
    expect(rulesOf(run(withPrevious(previous({ 'active.normative.in_force': 0 }))))).not.toContain('XY-VALID');
  });
});

describe('XY-JUMP', () => {
  it('hints at a ×10 change or 0 → many on large figures', () => {
    const f = only(run(withPrevious(previous({ 'active.licensing.decisions': 150, 'active.fees.amount': 0 }))), 'XY-JUMP');
    expect(f.map((x) => x.target)).toEqual(['active.licensing.decisions', 'active.fees.amount']);
    expect(f[0]?.message).toContain('2023年 150，本年 1539（约为上年的 10 倍）');
    expect(f[1]?.message).toContain('上年为 0');
    expect(f.every((x) => x.severity === 'warning')).toBe(true);
  });

  it('says nothing of small numbers or ordinary change', () => {
    const found = rulesOf(
      run(withPrevious(previous({ 'active.coercion.decisions': 1, 'active.punishment.decisions': 40, 'active.licensing.decisions': 800, 'apply.new.total': 0, 'apply.new.natural': 0 }))),
    );
    expect(found).not.toContain('XY-JUMP');
  });
});

describe('XY-SAME', () => {
  it('flags tables identical to last year’s (the narrative is XY-COPY’s: rules-xycopy.test.ts)', () => {
    const r = withPrevious({ ...previous(), sections: clone(cleanReport().sections) });
    const f = only(run(r), 'XY-SAME');
    // table 二 has five non-zero flows; 三 and 四 hold too few non-zero figures to say
    expect(f.map((x) => x.target)).toEqual(['active.regulations.issued']);
    expect(f.every((x) => x.cells.length > 0 && !x.span)).toBe(true);
  });

  it('does not count all-zero tables', () => {
    expect(rulesOf(run(withPrevious(previous({}), (x) => {
      x.cells['active.licensing.decisions'] = 1600;
    })))).not.toContain('XY-SAME');
  });
});

describe('cross-year rules need last year', () => {
  it('say nothing without report.previous', () => {
    const found = rulesOf(run(asDraft(cleanReport())));
    for (const id of ['XY-CARRY', 'XY-VALID', 'XY-JUMP', 'XY-SAME', 'XY-COPY'] as const) expect(found).not.toContain(id);
  });
});
