import { describe, expect, it } from 'vitest';
import { FORMAT_2019, FORMAT_2021, tableLayout } from '../../shared/report/format.js';
import { buildGridMap, moveInGrid, placeBlock } from '../../shared/editor/grid.js';

const apply = buildGridMap(tableLayout(FORMAT_2021, 'apply'), FORMAT_2021);
const active = buildGridMap(tableLayout(FORMAT_2021, 'active'), FORMAT_2021);
const review = buildGridMap(tableLayout(FORMAT_2021, 'review'), FORMAT_2021);

describe('navigation map over merged grids', () => {
  it('places data cells in their true grid columns whatever label cells the row starts with', () => {
    // row 「一、」 starts with one colspan-3 label, 「（一）予以公开」 with none of its own (rowspan above),
    // 「1.属于国家秘密」 with two: all their 自然人 cells are in grid column 3
    expect(apply.byKey.get('apply.new.natural')?.col).toBe(3);
    expect(apply.byKey.get('apply.granted.natural')?.col).toBe(3);
    expect(apply.byKey.get('apply.denied_1.natural')?.col).toBe(3);
    expect(apply.byKey.get('apply.denied_2.natural')?.col).toBe(3);
    expect(apply.byKey.get('apply.carried_forward.total')?.col).toBe(9);
    expect(apply.byKey.get('apply.new.total')?.editable).toBe(false);
  });

  it('moves down and up across rows whose merged labels differ, skipping computed rows', () => {
    expect(moveInGrid(apply, 'apply.carried_over.research', 'down')).toBe('apply.granted.research');
    expect(moveInGrid(apply, 'apply.partial.research', 'down')).toBe('apply.denied_1.research');
    expect(moveInGrid(apply, 'apply.denied_8.legal', 'down')).toBe('apply.unable_1.legal');
    expect(moveInGrid(apply, 'apply.other_3.natural', 'down')).toBe('apply.carried_forward.natural');
    expect(moveInGrid(apply, 'apply.carried_forward.natural', 'up')).toBe('apply.other_3.natural');
    expect(moveInGrid(apply, 'apply.new.natural', 'up')).toBeNull();
    expect(moveInGrid(apply, 'apply.carried_forward.other_org', 'down')).toBeNull();
  });

  it('moves right and left within a row, never onto the computed 总计 column', () => {
    expect(moveInGrid(apply, 'apply.new.natural', 'right')).toBe('apply.new.commercial');
    expect(moveInGrid(apply, 'apply.new.other_org', 'right')).toBeNull();
    expect(moveInGrid(apply, 'apply.new.commercial', 'left')).toBe('apply.new.natural');
    expect(moveInGrid(apply, 'apply.new.natural', 'left')).toBeNull();
  });

  it('Tab order runs through editable cells row by row and Home/End stay in the row', () => {
    expect(moveInGrid(apply, 'apply.new.other_org', 'next')).toBe('apply.carried_over.natural');
    expect(moveInGrid(apply, 'apply.carried_over.natural', 'prev')).toBe('apply.new.other_org');
    expect(moveInGrid(apply, 'apply.other_3.other_org', 'next')).toBe('apply.carried_forward.natural');
    expect(moveInGrid(apply, 'apply.carried_forward.other_org', 'next')).toBeNull();
    expect(moveInGrid(apply, 'apply.denied_4.legal', 'rowStart')).toBe('apply.denied_4.natural');
    expect(moveInGrid(apply, 'apply.denied_4.natural', 'rowEnd')).toBe('apply.denied_4.other_org');
    expect(moveInGrid(apply, 'apply.denied_4.legal', 'tableEnd')).toBe('apply.carried_forward.other_org');
    expect(moveInGrid(apply, 'apply.denied_4.legal', 'tableStart')).toBe('apply.new.natural');
    expect(apply.order).toHaveLength(24 * 6);
  });

  it('steps over group heading rows and through column-spanning cells in table 二', () => {
    expect(moveInGrid(active, 'active.normative.issued', 'down')).toBe('active.licensing.decisions');
    expect(moveInGrid(active, 'active.regulations.in_force', 'down')).toBe('active.normative.in_force');
    expect(moveInGrid(active, 'active.normative.in_force', 'down')).toBe('active.licensing.decisions');
    expect(moveInGrid(active, 'active.licensing.decisions', 'up')).toBe('active.normative.issued');
    expect(moveInGrid(active, 'active.coercion.decisions', 'down')).toBe('active.fees.amount');
    expect(moveInGrid(active, 'active.licensing.decisions', 'right')).toBeNull();
  });

  it('table 四 is one row of 12 editable cells and 3 computed totals', () => {
    expect(review.order.map((p) => p.key)).toHaveLength(12);
    expect(moveInGrid(review, 'review.reconsideration.pending', 'right')).toBe('review.sued_direct.upheld');
    expect(moveInGrid(review, 'review.reconsideration.pending', 'down')).toBeNull();
  });

  it('format 2019 has the single （六）其他处理 row', () => {
    const m = buildGridMap(tableLayout(FORMAT_2019, 'apply'), FORMAT_2019);
    expect(moveInGrid(m, 'apply.refused_5.natural', 'down')).toBe('apply.other.natural');
    expect(moveInGrid(m, 'apply.other.natural', 'down')).toBe('apply.carried_forward.natural');
  });
});

describe('placing a pasted block', () => {
  it('a 7×25 block from 一、·自然人 fills every entered cell of 三 and leaves the totals to the app', () => {
    const block = Array.from({ length: 25 }, (_, r) => Array.from({ length: 7 }, (_, c) => String(r * 10 + c)));
    const p = placeBlock(apply, 'apply.new.natural', block);
    expect(p.updates).toHaveLength(24 * 6);
    expect(p.onComputed).toHaveLength(25 + 6);
    expect(p.clipped).toBe(0);
    expect(p.updates[0]).toEqual({ key: 'apply.new.natural', raw: '0' });
    expect(p.updates.find((u) => u.key === 'apply.carried_forward.other_org')).toEqual({ key: 'apply.carried_forward.other_org', raw: '245' });
  });

  it('clips at the table edge and keeps bad values as typed', () => {
    const block = [
      ['1', '2', '3'],
      ['x', '５', '6'],
      ['7', '8', '9'],
    ];
    const p = placeBlock(apply, 'apply.processed_total.legal', block);
    // processed_total is computed; carried_forward is the last row, then the table ends
    expect(p.onComputed.map((u) => u.key)).toEqual([
      'apply.processed_total.legal',
      'apply.processed_total.other_org',
      'apply.processed_total.total',
      'apply.carried_forward.total',
    ]);
    expect(p.updates).toEqual([
      { key: 'apply.carried_forward.legal', raw: 'x' },
      { key: 'apply.carried_forward.other_org', raw: '５' },
    ]);
    expect(p.clipped).toBe(3); // the third row falls below the table
    const right = placeBlock(apply, 'apply.new.other_org', [['1', '2', '3', '4']]);
    expect(right.updates).toEqual([{ key: 'apply.new.other_org', raw: '1' }]);
    expect(right.onComputed).toEqual([{ key: 'apply.new.total', raw: '2' }]);
    expect(right.clipped).toBe(2); // past the 总计 column
  });

  it('blank continuation columns of a merged cell are what Excel sends and are ignored', () => {
    const p = placeBlock(active, 'active.licensing.decisions', [['5', '', ''], ['7', '', '']]);
    expect(p.updates).toEqual([
      { key: 'active.licensing.decisions', raw: '5' },
      { key: 'active.punishment.decisions', raw: '7' },
    ]);
    expect(p.clipped).toBe(0);
  });
});

describe('format 2019 table 二', () => {
  const m = buildGridMap(tableLayout(FORMAT_2019, 'active'), FORMAT_2019);
  it('moves through the three-column groups and the two-column 采购 row', () => {
    expect(moveInGrid(m, 'active2019.licensing.decisions', 'down')).toBe('active2019.other_services.decisions');
    expect(moveInGrid(m, 'active2019.coercion.change', 'down')).toBe('active2019.fees.change');
    expect(moveInGrid(m, 'active2019.fees.change', 'down')).toBe('active2019.procurement.amount');
    expect(moveInGrid(m, 'active2019.fees.change', 'right')).toBeNull();
    expect(moveInGrid(m, 'active2019.procurement.items', 'next')).toBe('active2019.procurement.amount');
  });
  it('pastes a block over the 本年增/减 column, keeping signs and text as typed', () => {
    const p = placeBlock(m, 'active2019.licensing.change', [['-14', '3'], ['+2', 'x']]);
    expect(p.updates).toEqual([
      { key: 'active2019.licensing.change', raw: '-14' },
      { key: 'active2019.licensing.decisions', raw: '3' },
      { key: 'active2019.other_services.change', raw: '+2' },
      { key: 'active2019.other_services.decisions', raw: 'x' },
    ]);
  });
});
