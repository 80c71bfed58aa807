import { describe, expect, it } from 'vitest';
import { UndoHistory } from '../../shared/editor/history.js';

describe('undo history', () => {
  it('coalesces typing in one field into one step and separates fields', () => {
    const h = new UndoHistory('');
    h.record('1', { coalesce: 'a' });
    h.record('12', { coalesce: 'a' });
    h.record('12|x', { coalesce: 'b' });
    expect(h.undo()).toBe('12');
    expect(h.undo()).toBe('');
    expect(h.undo()).toBeNull();
    expect(h.redo()).toBe('12');
    expect(h.redo()).toBe('12|x');
    expect(h.redo()).toBeNull();
  });
  it('commands are one step each and a new change drops the redo branch', () => {
    const h = new UndoHistory(0);
    h.record(1);
    h.record(2);
    expect(h.undo()).toBe(1);
    h.record(5);
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe(1);
  });
  it('sealing or a long pause starts a new step in the same field', () => {
    const h = new UndoHistory('');
    h.record('a', { coalesce: 'f', now: 0, coalesceMs: 1000 });
    h.record('ab', { coalesce: 'f', now: 500, coalesceMs: 1000 });
    h.record('abc', { coalesce: 'f', now: 3000, coalesceMs: 1000 });
    h.seal();
    h.record('abcd', { coalesce: 'f', now: 3100, coalesceMs: 1000 });
    expect(h.undo()).toBe('abc');
    expect(h.undo()).toBe('ab');
    expect(h.undo()).toBe('');
  });
  it('is bounded', () => {
    const h = new UndoHistory(0, 3);
    for (let i = 1; i <= 10; i++) h.record(i);
    let n = 0;
    while (h.undo() !== null) n++;
    expect(n).toBe(3);
    expect(h.current).toBe(7);
  });
});
