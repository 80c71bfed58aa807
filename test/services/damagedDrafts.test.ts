/**
 * Opening a damaged draft offers its `.bak` and the latest recovery copy, with their times; saving from the backup
 * never overwrites the good `.bak` with the damaged file. A damaged recovery entry is reported, and 101 entries are
 * handled (the newest 100 and a count of the rest), not dropped whole.
 */
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileServices } from '../../electron/main/services/hostServices.js';
import { guardHandler, type Service } from '../../electron/main/services/ipcGuard.js';
import { RecoveryStore } from '../../electron/main/services/recovery.js';
import { sampleText } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-damaged-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function services(dataDir = join(dir, 'data')) {
  const open: string[] = [];
  const files = createFileServices({ dataDir, dialogs: { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => null } });
  return { files, open };
}

describe('a damaged draft', () => {
  it('offers its .bak and the latest autosave of it, with their times; the backup opens and saves over the damaged file', async () => {
    const f = join(dir, '报告.gkbg');
    const { files, open } = services();
    await writeFile(f, sampleText(2022));
    open.push(f);
    const opened = await files.openDraft({});
    if (opened.status !== 'opened') throw new Error('not opened');
    expect((await files.saveDraft({ file: opened.file.id, text: sampleText(2023), saveAs: false, suggestedName: 'x' })).status).toBe('saved');
    const bakTime = new Date('2025-02-20T08:30:00Z');
    await utimes(`${f}.bak`, bakTime, bakTime);
    await files.autosave({ id: 'older', file: opened.file.id, title: '报告.gkbg', text: sampleText(2024) });
    await new Promise((r) => setTimeout(r, 5));
    await files.autosave({ id: 'newer', file: opened.file.id, title: '报告.gkbg', text: sampleText(2025) });
    await files.autosave({ id: 'other-file', file: null, title: '未命名', text: sampleText(2021) });
    // the draft is damaged (a half-written copy from a USB stick pulled out)
    const damagedText = sampleText(2023).slice(0, 300);
    await writeFile(f, damagedText);
    const r = await files.openDraftAt({ file: opened.file.id });
    const newest = (await files.listRecovery({})).entries.find((e) => e.id === 'newer');
    expect(r).toEqual({
      status: 'damaged',
      message: '无法打开「报告.gkbg」：文件内容不是有效的草稿格式（可能已损坏或被截断）',
      file: opened.file,
      backup: { savedAt: bakTime.toISOString() },
      recovery: { id: 'newer', savedAt: newest?.savedAt },
    });
    // the backup opens in place of the draft
    const bak = await files.openDraftAt({ file: opened.file.id, copy: 'backup' });
    expect(bak).toEqual({ status: 'opened', file: opened.file, text: sampleText(2022) });
    // saving it replaces the damaged file without asking, and the good .bak is kept (not replaced by the damaged file)
    expect((await files.saveDraft({ file: opened.file.id, text: sampleText(2022), saveAs: false, suggestedName: 'x' })).status).toBe('saved');
    expect(await readFile(f, 'utf8')).toBe(sampleText(2022));
    expect(await readFile(`${f}.bak`, 'utf8')).toBe(sampleText(2022));
    // the autosave is offered too
    const rec = await files.readRecovery({ id: 'newer' });
    expect(rec.status === 'opened' && rec.text).toBe(sampleText(2025));
  });

  it('a damaged draft with no copies says so with nothing to offer', async () => {
    const f = join(dir, '孤本.gkbg');
    await writeFile(f, '{"app":"gov-disclosure-report",');
    const { files } = services();
    expect(await files.openDraftAt({ file: files.handles.grant(f).id })).toMatchObject({ status: 'damaged', backup: null, recovery: null });
    // a missing file is not "damaged": there is nothing on disk to replace
    expect(await files.openDraftAt({ file: files.handles.grant(join(dir, '没有.gkbg')).id })).toMatchObject({ status: 'error', message: expect.stringContaining('文件不存在') });
  });
});

describe('recovery entries', () => {
  it('a damaged entry is reported with its time, not silently skipped', async () => {
    const data = join(dir, 'data');
    await mkdir(join(data, 'recovery'), { recursive: true });
    await writeFile(join(data, 'recovery', 'broken.json'), '{"id":"broken","savedAt":');
    const { files } = services(data);
    const list = await files.listRecovery({});
    expect(list).toEqual({ entries: [{ id: 'broken', savedAt: expect.stringMatching(/^\d{4}-/), title: '', file: null, problem: '自动恢复的文件已损坏，无法恢复' }], more: 0 });
  });

  it('101 entries: the newest 100 pass the boundary with a count of the rest; after dealing with them the last is offered', async () => {
    const data = join(dir, 'data');
    const clock = { t: Date.parse('2025-01-01T00:00:00Z') };
    const store = new RecoveryStore(data, () => new Date((clock.t += 60_000)));
    for (let i = 0; i < 101; i++) await store.write({ id: `s${i}`, path: null, title: `第${i}份`, text: sampleText() });
    const { files } = services(data);
    // through main's guard: the old contract refused a list of more than 100 and the page got nothing at all
    const handler = guardHandler('listRecovery', files.listRecovery as Service<'listRecovery'>);
    const list = await handler({ senderFrame: { url: 'app://report/index.html', parent: null } }, {});
    expect(list.entries.length).toBe(100);
    expect(list.more).toBe(1);
    expect(list.entries[0]?.id).toBe('s100');
    for (const e of list.entries) await files.discardRecovery({ id: e.id });
    expect(await files.listRecovery({})).toEqual({ entries: [expect.objectContaining({ id: 's0', title: '第0份' })], more: 0 });
  });
});
