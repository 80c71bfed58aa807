/**
 * A draft changed on disk since it was opened (another clerk, another copy of the app) is never silently overwritten:
 * the save says so and writes nothing; then the clerk keeps both (a new file beside it) or overwrites deliberately.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileServices } from '../../electron/main/services/hostServices.js';
import { sampleText } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-changed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function twoCopiesOfTheApp() {
  const open: string[] = [];
  const make = (name: string) => createFileServices({ dataDir: join(dir, name), dialogs: { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => null } });
  return { open, a: make('a'), b: make('b') };
}

describe('a draft changed on disk since it was opened', () => {
  it('the save says so and writes nothing; keep both saves beside it; overwrite replaces it', async () => {
    const f = join(dir, '报告.gkbg');
    await writeFile(f, sampleText(2022));
    const { open, a, b } = twoCopiesOfTheApp();
    open.push(f, f);
    const openedA = await a.openDraft({});
    const openedB = await b.openDraft({});
    if (openedA.status !== 'opened' || openedB.status !== 'opened') throw new Error('not opened');
    // the other clerk saves first
    expect((await b.saveDraft({ file: openedB.file.id, text: sampleText(2023), saveAs: false, suggestedName: 'x' })).status).toBe('saved');
    // this clerk's save is not written
    const mine = { file: openedA.file.id, text: sampleText(2024), saveAs: false, suggestedName: 'x' };
    expect(await a.saveDraft(mine)).toEqual({ status: 'changed-on-disk', message: '「报告.gkbg」在打开后已被其他人或其他程序修改过，直接保存会覆盖那些修改。' });
    expect(await readFile(f, 'utf8')).toBe(sampleText(2023));
    // keep both: a new file beside it, and the document now lives there
    const kept = await a.saveDraft({ ...mine, ifChanged: 'keep-both' });
    expect(kept).toEqual({ status: 'saved', file: expect.objectContaining({ name: '报告（副本）.gkbg', location: dir }) });
    expect(await readFile(f, 'utf8')).toBe(sampleText(2023));
    expect(await readFile(join(dir, '报告（副本）.gkbg'), 'utf8')).toBe(sampleText(2024));
    // saving again goes to the copy without asking (nobody changed it)
    if (kept.status !== 'saved') throw new Error('not saved');
    expect((await a.saveDraft({ ...mine, file: kept.file.id, text: sampleText(2021) })).status).toBe('saved');
    // B changes the original again; A opens it and another copy of A's work is kept as 「副本 2」 when asked
    const again = await a.openDraftAt({ file: openedA.file.id });
    expect(again.status).toBe('opened');
    await writeFile(f, sampleText(2020));
    expect((await a.saveDraft({ ...mine, ifChanged: 'keep-both' })).status).toBe('saved');
    expect((await readdir(dir)).filter((n) => n.endsWith('.gkbg')).sort()).toEqual(['报告.gkbg', '报告（副本 2）.gkbg', '报告（副本）.gkbg'].sort());
    // overwrite deliberately
    await writeFile(f, sampleText(2019));
    expect(await a.saveDraft(mine)).toMatchObject({ status: 'changed-on-disk' });
    expect((await a.saveDraft({ ...mine, ifChanged: 'overwrite' })).status).toBe('saved');
    expect(await readFile(f, 'utf8')).toBe(sampleText(2024));
  });

  it('an unchanged file saves without asking, again and again; a file deleted meanwhile is simply written', async () => {
    const f = join(dir, '报告.gkbg');
    await writeFile(f, sampleText(2022));
    const { open, a } = twoCopiesOfTheApp();
    open.push(f);
    const opened = await a.openDraft({});
    if (opened.status !== 'opened') throw new Error('not opened');
    for (const year of [2023, 2024, 2025]) expect((await a.saveDraft({ file: opened.file.id, text: sampleText(year), saveAs: false, suggestedName: 'x' })).status).toBe('saved');
    await rm(f);
    await rm(`${f}.bak`);
    expect((await a.saveDraft({ file: opened.file.id, text: sampleText(2022), saveAs: false, suggestedName: 'x' })).status).toBe('saved');
  });

  it('a draft restored after a crash notices a change made on disk after its autosave', async () => {
    const f = join(dir, '报告.gkbg');
    await writeFile(f, sampleText(2022));
    const data = join(dir, 'shared-data');
    const open = [f];
    const run1 = createFileServices({ dataDir: data, dialogs: { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => null } });
    const opened = await run1.openDraft({});
    if (opened.status !== 'opened') throw new Error('not opened');
    await run1.autosave({ id: 'crashed', file: opened.file.id, title: '报告.gkbg', text: sampleText(2024) });
    // crash; meanwhile another clerk saves the file
    await writeFile(f, sampleText(2023));
    const run2 = createFileServices({ dataDir: data, dialogs: { chooseOpen: async () => null, chooseSave: async () => null } });
    const restored = await run2.readRecovery({ id: 'crashed' });
    if (restored.status !== 'opened' || !restored.file) throw new Error('not restored');
    expect(await run2.saveDraft({ file: restored.file.id, text: restored.text, saveAs: false, suggestedName: 'x' })).toMatchObject({ status: 'changed-on-disk' });
    expect(await readFile(f, 'utf8')).toBe(sampleText(2023));
  });
});
