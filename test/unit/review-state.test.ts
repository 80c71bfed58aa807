/** Review states (shared/report/reviewState.ts): the transitions, the lock of 定稿, reopening, and the 审核单's record. */
import { describe, expect, it } from 'vitest';
import { reviewSheetInput } from '../../shared/editor/exportGate.js';
import { buildReviewModel, PRINTED_STATE_CHANGES } from '../../shared/render/review.js';
import { modelTexts } from '../../shared/render/model.js';
import { formatTimestamp, localTimestamp } from '../../shared/report/history.js';
import { applyReviewAction, availableActions, currentState, isLocked, type ReviewAction } from '../../shared/report/reviewState.js';
import { parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';

const at = (minute: number) => `2025-02-20T16:${String(minute).padStart(2, '0')}:00+08:00`;

function act(draft: DraftFile, action: ReviewAction, by = '张三', reason?: string, minute = 0): DraftFile {
  const r = applyReviewAction(draft, action, { at: at(minute), by, reason });
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

describe('review states', () => {
  it('starts as 草稿 and goes 送审 → 退回修改 → 送审 → 定稿, each change with its time, name and reason', () => {
    let d = sampleDraft();
    expect(currentState(d)).toBe('draft');
    d = act(d, 'submit', '张三', undefined, 1);
    d = act(d, 'return', '李科长', '表三结转数据有误', 2);
    expect(currentState(d)).toBe('returned');
    d = act(d, 'submit', '张三', undefined, 3);
    d = act(d, 'finalize', '李科长', undefined, 4);
    expect(d.stateChanges).toEqual([
      { state: 'submitted', at: at(1), by: '张三' },
      { state: 'returned', at: at(2), by: '李科长', reason: '表三结转数据有误' },
      { state: 'submitted', at: at(3), by: '张三' },
      { state: 'final', at: at(4), by: '李科长' },
    ]);
  });

  it('offers only the transitions the state allows, and refuses the others saying why', () => {
    expect(availableActions('draft')).toEqual(['submit']);
    expect(availableActions('submitted')).toEqual(['return', 'finalize']);
    expect(availableActions('returned')).toEqual(['submit']);
    expect(availableActions('final')).toEqual(['reopen']);
    expect(applyReviewAction(sampleDraft(), 'finalize', { at: at(1), by: '张三' })).toEqual({ ok: false, error: '报告当前为「草稿」，不能「定稿」' });
    expect(applyReviewAction(sampleDraft(), 'reopen', { at: at(1), by: '张三', reason: '改' })).toEqual({ ok: false, error: '报告当前为「草稿」，不能「重新打开」' });
  });

  it('asks for a name, and for a reason when returning or reopening', () => {
    expect(applyReviewAction(sampleDraft(), 'submit', { at: at(1), by: '  ' })).toEqual({ ok: false, error: '请填写姓名' });
    const submitted = act(sampleDraft(), 'submit');
    expect(applyReviewAction(submitted, 'return', { at: at(1), by: '李科长', reason: ' ' })).toEqual({ ok: false, error: '「退回修改」须注明原因' });
    const final = act(submitted, 'finalize');
    expect(applyReviewAction(final, 'reopen', { at: at(1), by: '张三' })).toEqual({ ok: false, error: '「重新打开」须注明原因' });
  });

  it('locks the draft at 定稿 until reopened with a reason (reopened, it is a 草稿 again)', () => {
    const submitted = act(sampleDraft(), 'submit');
    expect(isLocked(submitted)).toBe(false);
    const final = act(submitted, 'finalize');
    expect(isLocked(final)).toBe(true);
    const reopened = act(final, 'reopen', '张三', '上级要求补充表四说明');
    expect(isLocked(reopened)).toBe(false);
    expect(currentState(reopened)).toBe('draft');
    expect(reopened.stateChanges?.at(-1)).toMatchObject({ state: 'draft', reason: '上级要求补充表四说明' });
  });

  it('travels with the draft file; a draft without states is a 草稿', () => {
    const d = act(act(sampleDraft(), 'submit'), 'finalize');
    const back = parseDraftText(serializeDraft(d));
    expect(back.ok && back.draft.stateChanges).toEqual(d.stateChanges);
    expect(back.ok && isLocked(back.draft)).toBe(true);
    const plain = parseDraftText(serializeDraft(sampleDraft()));
    expect(plain.ok && 'stateChanges' in plain.draft).toBe(false);
  });

  it('stores times as the clerk saw them and shows them in Chinese', () => {
    const stamp = localTimestamp(new Date(2025, 1, 20, 9, 5, 7));
    expect(stamp).toMatch(/^2025-02-20T09:05:07[+-]\d{2}:\d{2}$/);
    expect(formatTimestamp(stamp)).toBe('2025年2月20日 09:05');
    expect(formatTimestamp('不是时间')).toBe('');
  });
});

describe('审核单: the record of states', () => {
  const tableRows = (d: DraftFile) => {
    const table = buildReviewModel(reviewSheetInput(d)).blocks.find((b) => b.kind === 'table' && b.table.id === 'states');
    return table?.kind === 'table' ? table.table.rows.map((r) => r.map((c) => c.text)) : null;
  };

  it('lists the state changes under 审核意见, each with its time, state, name and reason', () => {
    const d = act(act(sampleDraft(), 'submit', '张三', undefined, 1), 'return', '李科长', '表三结转数据有误', 2);
    expect(tableRows(d)).toEqual([
      ['审核状态记录', '2025年2月20日 16:01', '送审（张三）', ''],
      ['2025年2月20日 16:02', '退回修改（李科长）', '表三结转数据有误'],
    ]);
    const blocks = buildReviewModel(reviewSheetInput(d)).blocks;
    const heading = blocks.findIndex((b) => b.kind === 'heading' && b.text.endsWith('、审核意见'));
    // under 审核意见 (the returns and their reasons are the reviewers' opinions), before the sign-off boxes
    expect(blocks[heading + 1]).toMatchObject({ kind: 'table', table: { id: 'states' } });
    expect(blocks[heading + 2]).toMatchObject({ kind: 'table', table: { id: 'signoff' } });
  });

  it('prints only the latest changes, saying how many came before (the sheet stays one page)', () => {
    let d = sampleDraft();
    for (let i = 0; i < 5; i++) d = act(act(d, 'submit', '张三', undefined, 2 * i), 'return', '李科长', `第 ${i + 1} 次退回`, 2 * i + 1);
    const rows = tableRows(d);
    expect(rows).toHaveLength(PRINTED_STATE_CHANGES);
    expect(rows?.[0]?.[0]).toBe(`审核状态记录（此前另有 ${10 - PRINTED_STATE_CHANGES} 次）`);
    expect(rows?.at(-1)?.at(-1)).toBe('第 5 次退回');
  });

  it('has no record for a draft never sent for review', () => {
    expect(tableRows(sampleDraft())).toBeNull();
  });
});
