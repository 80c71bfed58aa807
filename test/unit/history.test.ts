/** Versions kept at each save (shared/report/history.ts) and how the draft file carries them (shared/schema/draft.ts). */
import { describe, expect, it } from 'vitest';
import {
  carryRecords,
  dropVersion,
  HISTORY_BYTE_BUDGET,
  MAX_VERSIONS,
  recordVersion,
  restoreVersion,
  versionAsDraft,
} from '../../shared/report/history.js';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { applyReviewAction } from '../../shared/report/reviewState.js';
import { MAX_SECTION_CHARS, parseDraftText, serializeDraft, trySerializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';

const at = (minute: number) => `2025-02-20T08:${String(minute).padStart(2, '0')}:00.000Z`;

function withNatural(draft: DraftFile, value: number): DraftFile {
  return { ...draft, cells: nestCells({ ...flattenCells(draft.cells), 'apply.new.natural': value }) };
}

/** Three saves: 11, then 12 (with a reason), then 13. */
function threeSaves(): DraftFile {
  let d = recordVersion(sampleDraft(), { at: at(1) }).draft;
  d = recordVersion(withNatural(d, 12), { at: at(2), reason: '退回修改：表三结转数据有误' }).draft;
  return recordVersion(withNatural(d, 13), { at: at(3) }).draft;
}

describe('history: recording versions', () => {
  it('keeps one version a save, numbered, with time, reason and state, holding the figures and text but not the history', () => {
    const d = threeSaves();
    expect(d.history?.map((v) => [v.n, v.savedAt, v.reason, v.state])).toEqual([
      [1, at(1), undefined, 'draft'],
      [2, at(2), '退回修改：表三结转数据有误', 'draft'],
      [3, at(3), undefined, 'draft'],
    ]);
    expect(flattenCells(d.history?.[1]?.cells)['apply.new.natural']).toBe(12);
    expect(d.history?.[0]?.sections.other).toBe('本年度没有产生信息公开处理费。');
    expect(d.history?.[0]?.acceptedWarnings).toEqual(sampleDraft().acceptedWarnings);
    expect(Object.keys(d.history?.[2] ?? {})).not.toContain('history');
  });

  it('records nothing for a save that changed nothing, but does when a reason is given', () => {
    const d = threeSaves();
    expect(recordVersion(d, { at: at(4) }).draft).toBe(d);
    expect(recordVersion(d, { at: at(4), reason: '送审前核对' }).draft.history).toHaveLength(4);
  });

  it('never alters a version afterwards: later edits, saves, drops and restores leave it as it was', () => {
    const d = threeSaves();
    const before = JSON.stringify(d.history?.[0]);
    // the current draft's objects are not the version's: editing them in place changes no version
    d.sections.overview = '改写后的总体情况';
    (d.meta as { organ: string }).organ = '另一个机关';
    const later = recordVersion(withNatural(d, 99), { at: at(5) }).draft;
    const dropped = dropVersion(later, 2);
    if (!dropped.ok) throw new Error(dropped.error);
    const restored = restoreVersion(dropped.draft, 3, at(6));
    if (!restored.ok) throw new Error(restored.error);
    expect(JSON.stringify(restored.draft.history?.[0])).toBe(before);
    expect(restored.draft.history?.[0]).not.toBe(restored.draft.cells);
  });

  it('keeps at most MAX_VERSIONS, dropping the oldest and saying how many', () => {
    let d = sampleDraft();
    let dropped = 0;
    for (let i = 1; i <= MAX_VERSIONS + 5; i++) {
      const r = recordVersion(withNatural(d, i), { at: at(i % 60) });
      d = r.draft;
      dropped += r.dropped;
    }
    expect(d.history).toHaveLength(MAX_VERSIONS);
    expect(dropped).toBe(5);
    expect(d.history?.[0]?.n).toBe(6);
    expect(d.history?.at(-1)?.n).toBe(MAX_VERSIONS + 5);
  });

  it('keeps the versions within a byte budget so the file stays under its limit and still saves', () => {
    // about 1.2 MB of text a version (two sections at their limit in Chinese): the budget (4 MB) holds three
    let d = sampleDraft();
    let dropped = 0;
    for (let i = 1; i <= 6; i++) {
      const text = `${i}${'字'.repeat(MAX_SECTION_CHARS - 1)}`;
      d = { ...d, sections: { ...d.sections, overview: text, active: text } };
      const r = recordVersion(d, { at: at(i) });
      d = r.draft;
      dropped += r.dropped;
    }
    expect(d.history?.map((v) => v.n)).toEqual([4, 5, 6]);
    expect(dropped).toBe(3);
    expect(JSON.stringify(d.history).length).toBeLessThan(HISTORY_BYTE_BUDGET);
    expect(trySerializeDraft(d).ok).toBe(true);
  });

  it('keeps no version bigger than the budget (saying so): a draft at every typing limit still saves', () => {
    let d = sampleDraft();
    const big = '字'.repeat(MAX_SECTION_CHARS);
    const all = { preface: big, overview: big, active: big, requests: big, review: big, problems: big, other: big };
    d = { ...d, sections: all, previous: { year: 2023, cells: {}, sections: all } };
    const r = recordVersion(d, { at: at(1) });
    expect(r.draft.history ?? []).toHaveLength(0);
    expect(r.dropped).toBe(1);
    expect(trySerializeDraft(r.draft).ok).toBe(true);
  });
});

describe('history: drop and restore', () => {
  it('drops the version the clerk names, keeping the others and their numbers', () => {
    const r = dropVersion(threeSaves(), 2);
    if (!r.ok) throw new Error(r.error);
    expect(r.draft.history?.map((v) => v.n)).toEqual([1, 3]);
    expect(dropVersion(r.draft, 2)).toEqual({ ok: false, error: '没有第 2 版' });
    // the next version is numbered after the newest, never reusing a number
    expect(recordVersion(withNatural(r.draft, 50), { at: at(9) }).draft.history?.at(-1)?.n).toBe(4);
  });

  it('restores a version as the current draft, recorded as a new version that says which', () => {
    const d = { ...threeSaves(), review: [{ origin: 'import' as const, text: '表三', reason: '存疑' }] };
    const r = restoreVersion(d, 1, at(10));
    if (!r.ok) throw new Error(r.error);
    expect(flattenCells(r.draft.cells)['apply.new.natural']).toBe(11);
    expect(r.draft.history?.map((v) => v.n)).toEqual([1, 2, 3, 4]);
    expect(r.draft.history?.at(-1)).toMatchObject({ n: 4, savedAt: at(10), reason: '恢复为第 1 版' });
    expect(flattenCells(r.draft.history?.at(-1)?.cells)['apply.new.natural']).toBe(11);
    // what is not a version's content stays the current draft's
    expect(r.draft.review).toEqual(d.review);
    expect(r.draft.previous).toEqual(d.previous);
  });

  it('records content typed since the last save before restoring, so restoring never loses it', () => {
    const typed = withNatural(threeSaves(), 21);
    const r = restoreVersion(typed, 2, at(11));
    if (!r.ok) throw new Error(r.error);
    expect(r.draft.history?.slice(-2).map((v) => [v.n, v.reason, flattenCells(v.cells)['apply.new.natural']])).toEqual([
      [4, '恢复第 2 版前的内容', 21],
      [5, '恢复为第 2 版', 12],
    ]);
    expect(flattenCells(r.draft.cells)['apply.new.natural']).toBe(12);
  });

  it('refuses to restore while the draft is locked (定稿) and names no version it has not', () => {
    let d = threeSaves();
    for (const action of ['submit', 'finalize'] as const) {
      const s = applyReviewAction(d, action, { at: at(20), by: '张三' });
      if (!s.ok) throw new Error(s.error);
      d = s.draft;
    }
    expect(restoreVersion(d, 1, at(21))).toEqual({ ok: false, error: expect.stringContaining('已定稿') });
    expect(restoreVersion(threeSaves(), 7, at(21))).toEqual({ ok: false, error: '没有第 7 版' });
  });

  it('shows a version as a draft of its own (for the read-only view and the comparison)', () => {
    const d = threeSaves();
    const v1 = versionAsDraft(d, d.history?.[0] as NonNullable<DraftFile['history']>[number]);
    expect(flattenCells(v1.cells)['apply.new.natural']).toBe(11);
    expect(v1.history).toBeUndefined();
    expect(v1.previous).toEqual(d.previous);
  });

  it('carries the document\'s versions and states onto a draft the editor reports (its own copy is stale)', () => {
    const stale = sampleDraft();
    const document = threeSaves();
    const carried = carryRecords(withNatural(stale, 40), document);
    expect(carried.history).toBe(document.history);
    expect(flattenCells(carried.cells)['apply.new.natural']).toBe(40);
    expect('history' in carryRecords({ ...document }, sampleDraft())).toBe(false);
  });
});

describe('history in the draft file', () => {
  it('round-trips, and a draft without history is valid as before', () => {
    const d = threeSaves();
    const back = parseDraftText(serializeDraft(d));
    if (!back.ok) throw new Error(back.error);
    expect(back.draft.history).toEqual(d.history);
    expect(back.historyProblem).toBeUndefined();
    const plain = parseDraftText(serializeDraft(sampleDraft()));
    expect(plain.ok && plain.draft.history).toBeUndefined();
  });

  it('opens the current draft when a version is damaged, leaving that version out and saying so', () => {
    const json = JSON.parse(serializeDraft(threeSaves())) as { history: Record<string, unknown>[] };
    // one version with an unknown cell, one with a hostile key, one cut short
    (json.history[0] as { cells: unknown }).cells = { nonsense: { key: 1 } };
    json.history[1] = JSON.parse('{"__proto__": {"polluted": true}, "n": 2}') as Record<string, unknown>;
    const r = parseDraftText(JSON.stringify(json));
    if (!r.ok) throw new Error(r.error);
    expect(flattenCells(r.draft.cells)['apply.new.natural']).toBe(13);
    expect(r.draft.history?.map((v) => v.n)).toEqual([3]);
    expect(r.historyProblem).toBe('版本记录中有 2 个版本已损坏，未载入；当前草稿不受影响。');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('opens the current draft when the whole history is not a list, or its versions are out of order', () => {
    const json = JSON.parse(serializeDraft(threeSaves())) as Record<string, unknown>;
    const notAList = parseDraftText(JSON.stringify({ ...json, history: '坏了' }));
    expect(notAList.ok && notAList.historyProblem).toBe('版本记录中有 1 个版本已损坏，未载入；当前草稿不受影响。');
    expect(notAList.ok && notAList.draft.history).toBeUndefined();
    const history = json.history as unknown[];
    const outOfOrder = parseDraftText(JSON.stringify({ ...json, history: [history[2], history[0]] }));
    expect(outOfOrder.ok && outOfOrder.draft.history?.map((v) => v.n)).toEqual([3]);
  });

  it('still refuses a damaged current draft (only the history is forgiven)', () => {
    const json = JSON.parse(serializeDraft(threeSaves())) as Record<string, unknown>;
    const r = parseDraftText(JSON.stringify({ ...json, cells: { nonsense: 1 } }));
    expect(r.ok).toBe(false);
  });
});
