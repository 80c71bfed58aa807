import { describe, expect, it } from 'vitest';
import { migrate2019, MIGRATION_2019_MAP } from '../../shared/report/migrate2019.js';
import { FORMAT_2019 } from '../../shared/report/format.js';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { newDraft, parseDraftText, serializeDraft } from '../../shared/schema/draft.js';

function draft2019() {
  const d = newDraft({ year: 2020, format: '2019', organ: '某县' });
  d.cells = nestCells({
    'active2019.regulations.made': 0,
    'active2019.regulations.published': 0,
    'active2019.regulations.total': 0,
    'active2019.normative.made': 5,
    'active2019.normative.published': 5,
    'active2019.normative.total': 132,
    'active2019.licensing.prev_items': 210,
    'active2019.licensing.change': -14,
    'active2019.licensing.decisions': 3567,
    'active2019.other_services.prev_items': 12,
    'active2019.other_services.decisions': 40,
    'active2019.punishment.decisions': 88,
    'active2019.coercion.decisions': 2,
    'active2019.fees.prev_items': 6,
    'active2019.fees.change': 0,
    'active2019.procurement.items': 9,
    'active2019.procurement.amount': '3979.5 万元',
    'apply.new.natural': 20,
    'apply.other.natural': 2,
    'apply.other.legal': 1,
    'review.reconsideration.upheld': 1,
  });
  return d;
}

describe('migrate2019', () => {
  const { draft, mapped, legacy } = migrate2019(draft2019());
  const cells = flattenCells(draft.cells);
  const old = flattenCells(draft.legacy?.cells);

  it('maps made → issued and decisions → decisions', () => {
    expect(draft.format).toBe('2021');
    expect(draft.year).toBe(2020);
    expect(cells['active.regulations.issued']).toBe(0);
    expect(cells['active.normative.issued']).toBe(5);
    expect(cells['active.licensing.decisions']).toBe(3567);
    expect(cells['active.punishment.decisions']).toBe(88);
    expect(cells['active.coercion.decisions']).toBe(2);
    expect(mapped.length).toBe(5);
  });

  it('never maps 对外公开总数量 to 现行有效件数, nor fee item counts to fee amounts', () => {
    expect(cells['active.normative.in_force']).toBeUndefined();
    expect(cells['active.regulations.in_force']).toBeUndefined();
    expect(cells['active.fees.amount']).toBeUndefined();
    expect(Object.values(MIGRATION_2019_MAP)).not.toContain('active.normative.in_force');
    expect(Object.values(MIGRATION_2019_MAP)).not.toContain('active.fees.amount');
  });

  it('keeps everything without a 2021 home as 旧格式数据, nothing dropped', () => {
    expect(draft.legacy?.format).toBe('2019');
    expect(old).toEqual({
      'active2019.regulations.published': 0,
      'active2019.regulations.total': 0,
      'active2019.normative.published': 5,
      'active2019.normative.total': 132,
      'active2019.licensing.prev_items': 210,
      'active2019.licensing.change': -14,
      'active2019.other_services.prev_items': 12,
      'active2019.other_services.decisions': 40,
      'active2019.fees.prev_items': 6,
      'active2019.fees.change': 0,
      'active2019.procurement.items': 9,
      'active2019.procurement.amount': '3979.5 万元',
    });
    expect(legacy.length).toBe(12);
    // every figure of the 2019 draft is somewhere in the migrated one
    const before = flattenCells(draft2019().cells);
    const count = Object.keys(cells).length + Object.keys(old).length;
    expect(count).toBe(Object.keys(before).length);
    for (const def of FORMAT_2019.cells) if (def.key.startsWith('active2019.') && def.key in before) expect(def.key in old || def.key in MIGRATION_2019_MAP).toBe(true);
  });

  it('table 三 rows map 1:1; the single （六）其他处理 row is kept, never split', () => {
    expect(cells['apply.new.natural']).toBe(20);
    expect(cells['apply.other.natural']).toBe(2);
    expect(cells['apply.other.legal']).toBe(1);
    expect(Object.keys(cells).some((k) => k.startsWith('apply.other_'))).toBe(false);
    expect(cells['review.reconsideration.upheld']).toBe(1);
  });

  it('the migrated draft is a valid file; a 2021 draft is returned unchanged', () => {
    const text = serializeDraft(draft);
    expect(parseDraftText(text).ok).toBe(true);
    const d21 = newDraft({ year: 2022 });
    expect(migrate2019(d21).draft).toBe(d21);
  });

  it('migrating a draft that already has legacy figures keeps them', () => {
    const d = draft2019();
    d.legacy = { format: '2019', cells: nestCells({ 'active2019.fees.prev_items': 99, 'active2019.procurement.items': 1 }) };
    d.cells = nestCells({ 'active2019.normative.made': 1 });
    const r = migrate2019(d);
    expect(flattenCells(r.draft.legacy?.cells)).toEqual({ 'active2019.fees.prev_items': 99, 'active2019.procurement.items': 1 });
  });
});
