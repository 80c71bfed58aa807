/**
 * A renderer that crashes or hangs while dirty: main keeps the last autosave (a clean close afterwards doesn't delete
 * it), reloads the page, and the reloaded page is offered the recovery. 「不保存」 / a clean close never deletes the
 * only copy of a draft that has no file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileServices } from '../../electron/main/services/hostServices.js';
import { HangWatch, onRendererGone, unresponsiveDialog } from '../../electron/main/services/rendererCrash.js';
import { RecoveryStore } from '../../electron/main/services/recovery.js';
import { sampleText } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a crashed or hung page', () => {
  it('a crash keeps the autosave through a later clean close and reloads; a clean exit does nothing', async () => {
    const store = new RecoveryStore(dir);
    await store.write({ id: 'page-1', path: '/docs/报告.gkbg', title: '报告.gkbg', text: sampleText() });
    expect(onRendererGone('clean-exit', store)).toEqual({ kind: 'none' });
    for (const reason of ['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'integrity-failure', 'memory-eviction'])
      expect(onRendererGone(reason, store), reason).toEqual({ kind: 'reload', kill: false });
    // the reloaded page writes its own (new) session; the clerk then closes cleanly
    await store.write({ id: 'page-2', path: '/docs/报告.gkbg', title: '报告.gkbg', text: sampleText(2023) });
    await store.discardOwned();
    expect((await store.list()).map((e) => e.id)).toEqual(['page-1']);
  });

  it('a hang asks once; 等待 changes nothing, 重新加载 keeps the autosave and reloads the killed page', async () => {
    const store = new RecoveryStore(dir);
    await store.write({ id: 'hung', path: '/docs/报告.gkbg', title: '报告.gkbg', text: sampleText() });
    const hang = new HangWatch();
    expect(hang.onUnresponsive()).toEqual({ kind: 'ask' });
    expect(hang.onUnresponsive()).toEqual({ kind: 'none' }); // the question is already open
    expect(hang.afterHangChoice(0, store)).toEqual({ kind: 'none' });
    hang.onResponsive();
    expect(hang.onUnresponsive()).toEqual({ kind: 'ask' });
    expect(hang.afterHangChoice(1, store)).toEqual({ kind: 'reload', kill: true });
    await store.discardOwned();
    expect((await store.list()).map((e) => e.id)).toEqual(['hung']);
    expect(unresponsiveDialog(true)).toMatchObject({ buttons: ['等待', '重新加载'], cancelId: 0 });
    expect(unresponsiveDialog(true).detail).toContain('自动保存');
  });
});

describe('「不保存」 never deletes the only copy', () => {
  it('a clean close keeps the autosave of a draft that has no file, marked 不保存; a saved draft\'s autosave goes', async () => {
    const store = new RecoveryStore(dir);
    await store.write({ id: 'never-saved', path: null, title: '未命名', text: sampleText() });
    await store.write({ id: 'has-file', path: '/docs/报告.gkbg', title: '报告.gkbg', text: sampleText(2023) });
    await store.discardOwned();
    const left = await store.list();
    expect(left.map((e) => [e.id, e.reason])).toEqual([['never-saved', 'not-saved']]);
    // it belongs to no run now: the next clean close keeps it too
    await new RecoveryStore(dir).discardOwned();
    expect((await store.read('never-saved'))?.text).toBe(sampleText());
  });

  it('the page\'s 「不保存」 writes the draft as its only copy, offered at the next start with why', async () => {
    const files = createFileServices({ dataDir: dir, dialogs: { chooseOpen: async () => null, chooseSave: async () => null } });
    expect(await files.autosave({ id: 's1', file: null, title: '未命名', text: sampleText(), reason: 'not-saved' })).toEqual({ status: 'ok' });
    await files.recovery.discardOwned(); // the window closes cleanly afterwards
    const next = createFileServices({ dataDir: dir, dialogs: { chooseOpen: async () => null, chooseSave: async () => null } });
    expect((await next.listRecovery({})).entries).toEqual([expect.objectContaining({ id: 's1', reason: 'not-saved', file: null })]);
  });
});
