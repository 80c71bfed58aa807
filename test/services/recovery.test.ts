import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileServices, type Dialogs } from '../../electron/main/services/hostServices.js';
import { RECENT_MAX, RecentFiles, samePathKey } from '../../electron/main/services/recentFiles.js';
import { isRecoveryId, RecoveryStore } from '../../electron/main/services/recovery.js';
import { parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft, sampleText } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-recovery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Dialog answers queued by the test, like a clerk clicking in the native dialogs. */
function queuedDialogs(): Dialogs & { open: (string | null)[]; save: (string | null)[]; asked: string[] } {
  const d = {
    open: [] as (string | null)[],
    save: [] as (string | null)[],
    asked: [] as string[],
    chooseOpen: async () => d.open.shift() ?? null,
    chooseSave: async (name: string) => {
      d.asked.push(name);
      return d.save.shift() ?? null;
    },
  };
  return d;
}

describe('recovery store', () => {
  it('a recovery file from a crashed run is offered with its time and restores exactly', async () => {
    const text = sampleText();
    // run 1: autosaves, then "crashes" (the process never discards)
    const run1 = new RecoveryStore(join(dir, 'data'), () => new Date('2025-02-20T08:30:00.000Z'));
    await run1.write({ id: 'session-1', path: '/docs/某县.gkbg', title: '某县.gkbg', text });
    // run 2 starts
    const run2 = new RecoveryStore(join(dir, 'data'));
    const list = await run2.list();
    expect(list).toEqual([{ id: 'session-1', savedAt: '2025-02-20T08:30:00.000Z', path: '/docs/某县.gkbg', title: '某县.gkbg', base: null }]);
    const record = await run2.read('session-1');
    expect(record?.text).toBe(text);
    const parsed = parseDraftText(record?.text ?? '');
    expect(parsed.ok && serializeDraft(parsed.draft)).toBe(text);
  });

  it('an autosave still being written when the save discards its entry does not land after the discard', async () => {
    // the page's autosave and the save's discard are two calls in flight at once (seen as a saved draft offered again)
    const store = new RecoveryStore(join(dir, 'data'));
    const writing = store.write({ id: 'session-1', path: '/docs/某县.gkbg', title: '某县.gkbg', text: sampleText() });
    const discarding = store.discard('session-1');
    await Promise.all([writing, discarding]);
    expect(await store.list()).toEqual([]);
    // and a write called after the discard is kept
    const writes = [store.discard('session-2'), store.write({ id: 'session-2', path: null, title: '未命名', text: sampleText() })];
    await Promise.all(writes);
    expect((await store.list()).map((e) => e.id)).toEqual(['session-2']);
  });

  it('a clean close discards what this run wrote, and only that', async () => {
    const data = join(dir, 'data');
    const crashed = new RecoveryStore(data);
    await crashed.write({ id: 'old', path: '/docs/a.gkbg', title: 'a.gkbg', text: sampleText() });
    const run = new RecoveryStore(data);
    await run.write({ id: 'mine', path: '/docs/b.gkbg', title: 'b.gkbg', text: sampleText(2023) });
    await run.discardOwned();
    expect((await run.list()).map((e) => e.id)).toEqual(['old']);
    run.adopt('old');
    await run.discardOwned();
    expect(await run.list()).toEqual([]);
  });

  it('damaged entries are listed with their problem; foreign, temp and hostile ones never', async () => {
    const data = join(dir, 'data');
    const store = new RecoveryStore(data);
    await store.write({ id: 'good', path: null, title: 't', text: sampleText() });
    const rdir = join(data, 'recovery');
    await writeFile(join(rdir, 'trunc.json'), (await readFile(join(rdir, 'good.json'), 'utf8')).slice(0, 300));
    await writeFile(join(rdir, 'bad-draft.json'), JSON.stringify({ id: 'bad-draft', savedAt: '2025-01-01T00:00:00Z', path: null, title: '', text: '{"app":"x"}' }));
    await writeFile(join(rdir, 'mismatch.json'), JSON.stringify({ id: 'other', savedAt: '2025-01-01T00:00:00Z', path: null, title: '', text: sampleText() }));
    await writeFile(join(rdir, '.good.json.123.abcdef12.tmp'), 'partial');
    await writeFile(join(rdir, 'notes.txt'), 'x');
    await mkdir(join(rdir, 'folder.json'));
    const listed = await store.list();
    expect(listed.filter((e) => !e.problem).map((e) => e.id)).toEqual(['good']);
    expect(listed.filter((e) => e.problem).map((e) => [e.id, e.problem]).sort()).toEqual([
      ['bad-draft', '自动恢复的文件已损坏，无法恢复'],
      ['mismatch', '自动恢复的文件已损坏，无法恢复'],
      ['trunc', '自动恢复的文件已损坏，无法恢复'],
    ]);
    for (const id of ['../x', '..', 'a/b', 'a\\b', 'C:', '', 'x'.repeat(101), 'a.json', '%2e%2e']) {
      expect(isRecoveryId(id), id).toBe(false);
      expect(await store.read(id)).toBeNull();
    }
    await expect(store.write({ id: '../escape', path: null, title: '', text: sampleText() })).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['data']);
  });
});

describe('a special file in the recovery folder', () => {
  it('a FIFO named like an entry is passed over at once, never waited on; the good entry is still offered', async () => {
    const data = join(dir, 'data');
    const store = new RecoveryStore(data);
    await store.write({ id: 'good', path: null, title: 't', text: sampleText() });
    execFileSync('mkfifo', [join(data, 'recovery', 'pipe.json')]);
    expect(await store.read('pipe')).toBeNull();
    expect((await store.list()).map((e) => e.id)).toEqual(['good']);
  }, 10_000);
});

describe('recent files', () => {
  it('most recent first, no duplicates, capped, persisted', async () => {
    const r = new RecentFiles(join(dir, 'data'));
    expect(await r.list()).toEqual([]);
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'data')));
    for (let i = 0; i < 15; i++) await r.add(`/docs/报告${i}.gkbg`);
    await r.add('/docs/报告3.gkbg');
    const again = new RecentFiles(join(dir, 'data'));
    const list = await again.list();
    expect(list.length).toBe(RECENT_MAX);
    expect(list[0]).toBe('/docs/报告3.gkbg');
    expect(list[1]).toBe('/docs/报告14.gkbg');
    expect(list.filter((p) => p === '/docs/报告3.gkbg').length).toBe(1);
    await again.remove('/docs/报告3.gkbg');
    expect((await again.list())[0]).toBe('/docs/报告14.gkbg');
    expect(samePathKey('C:\\A.gkbg', 'win32')).toBe(samePathKey('c:\\a.gkbg', 'win32'));
  });

  it('a damaged list is empty, not an error', async () => {
    const data = join(dir, 'data');
    await import('node:fs/promises').then((fs) => fs.mkdir(data));
    await writeFile(join(data, 'recent.json'), '{"files": [1, 2');
    expect(await new RecentFiles(data).list()).toEqual([]);
    await writeFile(join(data, 'recent.json'), '{"files": [42]}');
    expect(await new RecentFiles(data).list()).toEqual([]);
  });
});

describe('file services (the host contract in Node)', () => {
  it('save asks where when there is no path, adds the extension, remembers the file', async () => {
    const dialogs = queuedDialogs();
    const recentSeen: string[] = [];
    const s = createFileServices({ dataDir: join(dir, 'data'), dialogs, onRecent: (p) => recentSeen.push(p) });
    await mkdir(join(dir, 'data'));
    dialogs.save.push(join(dir, '某县报告'));
    const saved = await s.saveDraft({ file: null, text: sampleText(), saveAs: false, suggestedName: '某县2024年报告.gkbg' });
    const ref = s.handles.grant(join(dir, '某县报告.gkbg'));
    expect(ref).toEqual({ id: expect.stringMatching(/^f-[0-9a-f]{32}$/), name: '某县报告.gkbg', location: dir });
    expect(saved).toEqual({ status: 'saved', file: ref });
    expect(dialogs.asked).toEqual(['某县2024年报告.gkbg']);
    expect(await s.recentFiles({})).toEqual([ref]);
    expect(recentSeen).toEqual([join(dir, '某县报告.gkbg')]);
    // save with a known file writes without asking
    const saved2 = await s.saveDraft({ file: ref.id, text: sampleText(2023), saveAs: false, suggestedName: 'x' });
    expect(saved2.status).toBe('saved');
    expect(dialogs.asked.length).toBe(1);
    // save as, canceled
    expect(await s.saveDraft({ file: ref.id, text: sampleText(), saveAs: true, suggestedName: 'x' })).toEqual({ status: 'canceled' });
    dialogs.open.push(join(dir, '某县报告.gkbg'));
    const opened = await s.openDraft({});
    expect(opened.status === 'opened' && opened.text).toBe(sampleText(2023));
    expect(await s.openDraft({})).toEqual({ status: 'canceled' });
  });

  it('a failing write leaves the recovery copy intact and says why', async () => {
    const dialogs = queuedDialogs();
    const s = createFileServices({ dataDir: join(dir, 'data'), dialogs });
    const draft = sampleDraft();
    const text = serializeDraft(draft);
    const gone = s.handles.grant(join(dir, 'gone', 'a.gkbg'));
    expect(await s.autosave({ id: 'sess', file: gone.id, title: 'a.gkbg', text })).toEqual({ status: 'ok' });
    const r = await s.saveDraft({ file: gone.id, text, saveAs: false, suggestedName: 'a.gkbg' });
    expect(r.status).toBe('error');
    expect(r.status === 'error' && r.message).toContain('所在文件夹不存在');
    const rec = await s.readRecovery({ id: 'sess' });
    expect(rec).toEqual({ status: 'opened', file: gone, text });
    expect((await s.listRecovery({})).entries.map((e) => e.id)).toEqual(['sess']);
    await s.discardRecovery({ id: 'sess' });
    expect(await s.listRecovery({})).toEqual({ entries: [], more: 0 });
    expect(await s.readRecovery({ id: 'sess' })).toEqual({ status: 'error', message: '恢复文件已损坏或已不存在' });
  });

  it('opening a corrupt file reports it and leaves the file untouched', async () => {
    const s = createFileServices({ dataDir: join(dir, 'data'), dialogs: queuedDialogs() });
    const f = join(dir, '坏的.gkbg');
    const bad = sampleText().slice(0, 500);
    await writeFile(f, bad);
    const r = await s.openDraftAt({ file: s.handles.grant(f).id });
    expect(r).toMatchObject({ status: 'damaged', message: expect.stringMatching(/^无法打开「坏的\.gkbg」：/), backup: null, recovery: null });
    expect(await readFile(f, 'utf8')).toBe(bad);
    expect(await s.recentFiles({})).toEqual([]);
  });
});
