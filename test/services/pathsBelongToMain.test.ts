/**
 * Paths belong to main: a compromised page can't make main read or write a path of its choosing. Every host method
 * that touches a file takes main's opaque id; a path, or an id main never handed out, is refused — at the guard (the
 * argument schema) and in the services (an unknown id resolves to nothing).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileServices, UNKNOWN_FILE } from '../../electron/main/services/hostServices.js';
import { guardHandler, IpcRefused, type Service } from '../../electron/main/services/ipcGuard.js';
import { hostMethods, PENDING_OPENS_MAX, type HostMethod } from '../../shared/ipc/contract.js';
import { sampleText } from './sampleDraft.js';

let dir: string;
let home: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-paths-'));
  home = join(dir, 'home');
  await mkdir(home);
  await writeFile(join(home, '.bashrc'), 'export PATH=/usr/bin\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const top = { senderFrame: { url: 'app://report/index.html', parent: null } };

function services() {
  const files = createFileServices({ dataDir: join(dir, 'data'), dialogs: { chooseOpen: async () => null, chooseSave: async () => null } });
  const guarded = <M extends HostMethod>(m: M) => guardHandler(m, files[m as keyof typeof files] as unknown as Service<M>);
  return { files, guarded };
}

describe('the page names files by main\'s ids only', () => {
  it('a page-chosen path is refused by every file method, and nothing is written or read', async () => {
    const { guarded } = services();
    const bashrc = join(home, '.bashrc');
    const text = sampleText();
    const attempts: [HostMethod, unknown][] = [
      ['saveDraft', { path: bashrc, text, saveAs: false, suggestedName: 'x' }],
      ['saveDraft', { file: bashrc, text, saveAs: false, suggestedName: 'x' }],
      ['openDraftAt', { path: '/etc/passwd' }],
      ['openDraftAt', { file: '/etc/passwd' }],
      ['autosave', { id: 's1', path: bashrc, title: 't', text }],
      ['autosave', { id: 's1', file: `../${bashrc}`, title: 't', text }],
    ];
    for (const [method, arg] of attempts) await expect(guarded(method)(top, arg), `${method} ${JSON.stringify(arg).slice(0, 60)}`).rejects.toBeInstanceOf(IpcRefused);
    expect(await readFile(bashrc, 'utf8')).toBe('export PATH=/usr/bin\n');
    expect(hostMethods.saveDraft.arg.safeParse({ path: bashrc, text, saveAs: false, suggestedName: 'x' }).success).toBe(false);
  });

  it('an id main never handed out resolves to nothing: no read, no write, no recovery record', async () => {
    const { files } = services();
    const madeUp = `f-${'ab'.repeat(16)}`;
    expect(await files.saveDraft({ file: madeUp, text: sampleText(), saveAs: false, suggestedName: 'x' })).toEqual({ status: 'error', message: UNKNOWN_FILE });
    expect(await files.openDraftAt({ file: madeUp })).toEqual({ status: 'error', message: UNKNOWN_FILE });
    expect(await files.autosave({ id: 's1', file: madeUp, title: 't', text: sampleText() })).toEqual({ status: 'error', message: UNKNOWN_FILE });
    expect(await files.listRecovery({})).toEqual({ entries: [], more: 0 });
    expect((await readdir(home)).sort()).toEqual(['.bashrc']);
  });

  it('ids come from main: a file the OS opened, the recent list and recovery records all work by id', async () => {
    const { files } = services();
    const draft = join(dir, '报告.gkbg');
    await writeFile(draft, sampleText(2023));
    files.queueOpen(draft);
    const [given] = await files.pendingOpens({});
    expect(given).toEqual({ id: expect.stringMatching(/^f-[0-9a-f]{32}$/), name: '报告.gkbg', location: dir });
    const opened = await files.openDraftAt({ file: given!.id });
    expect(opened.status === 'opened' && opened.text).toBe(sampleText(2023));
    expect(await files.recentFiles({})).toEqual([given]);
    expect(await files.autosave({ id: 's1', file: given!.id, title: '报告.gkbg', text: sampleText(2024) })).toEqual({ status: 'ok' });
    expect((await files.listRecovery({})).entries[0]?.file).toEqual(given);
    expect(await files.saveDraft({ file: given!.id, text: sampleText(2024), saveAs: false, suggestedName: 'x' })).toEqual({ status: 'saved', file: given });
    expect(await readFile(draft, 'utf8')).toBe(sampleText(2024));
  });

  it('25 files on the command line pass the boundary (the first opens), not refused whole as off-contract', async () => {
    const { files, guarded } = services();
    const drafts = Array.from({ length: 25 }, (_, i) => join(dir, `报告${i + 1}.gkbg`));
    for (const d of drafts) files.queueOpen(d);
    const given = await guarded('pendingOpens')(top, {});
    expect(given).toHaveLength(PENDING_OPENS_MAX);
    expect(given.map((f) => f.name)).toEqual(drafts.slice(0, PENDING_OPENS_MAX).map((d) => d.slice(dir.length + 1)));
    // the rest are not left queued to open unasked later
    expect(await guarded('pendingOpens')(top, {})).toEqual([]);
  });
});
