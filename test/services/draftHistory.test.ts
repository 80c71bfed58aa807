/**
 * A draft with versions through the real file services: saved and reopened with its history; one damaged version
 * (edited by hand, a bad cell key) opens the draft — not the 「damaged draft」 offer of its .bak — and the page is
 * told which versions were left out when it parses the text.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDraftFile } from '../../electron/main/services/draftFiles.js';
import { createFileServices } from '../../electron/main/services/hostServices.js';
import { flattenCells, nestCells } from '../../shared/report/model.js';
import { recordVersion } from '../../shared/report/history.js';
import { parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function withHistory() {
  let d = recordVersion(sampleDraft(), { at: '2025-02-20T09:00:00+08:00', reason: '初稿' }).draft;
  d = { ...d, cells: nestCells({ ...flattenCells(d.cells), 'apply.new.natural': 15 }) };
  return recordVersion(d, { at: '2025-02-20T10:00:00+08:00', reason: '退回修改：表三结转数据有误' }).draft;
}

describe('draft files with versions', () => {
  it('save and reopen with the history as it was', async () => {
    const f = join(dir, '报告.gkbg');
    const open: string[] = [f];
    const files = createFileServices({ dataDir: join(dir, 'data'), dialogs: { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => f } });
    const text = serializeDraft(withHistory());
    expect((await files.saveDraft({ file: null, text, saveAs: true, suggestedName: '报告' })).status).toBe('saved');
    const opened = await files.openDraft({});
    if (opened.status !== 'opened') throw new Error(`not opened: ${opened.status}`);
    expect(opened.text).toBe(text);
    const back = parseDraftText(opened.text);
    expect(back.ok && back.draft.history?.map((v) => v.reason)).toEqual(['初稿', '退回修改：表三结转数据有误']);
  });

  it('open a draft whose history has a damaged version as the draft it is, the version left out', async () => {
    const f = join(dir, '报告.gkbg');
    const json = JSON.parse(serializeDraft(withHistory())) as { history: { cells: unknown }[] };
    (json.history[0] as { cells: unknown }).cells = { 'no-such': { cell: 3 } };
    await writeFile(f, JSON.stringify(json));
    const read = await readDraftFile(f);
    if (!read.ok) throw new Error(read.error);
    expect(flattenCells(read.draft.cells)['apply.new.natural']).toBe(15);
    expect(read.draft.history?.map((v) => v.n)).toEqual([2]);
    const files = createFileServices({ dataDir: join(dir, 'data'), dialogs: { chooseOpen: async () => f, chooseSave: async () => null } });
    const opened = await files.openDraft({});
    expect(opened.status).toBe('opened');
    if (opened.status === 'opened') expect(parseDraftText(opened.text)).toMatchObject({ ok: true, historyProblem: '版本记录中有 1 个版本已损坏，未载入；当前草稿不受影响。' });
    // the file itself is left as it was until the clerk saves
    expect(JSON.parse(await readFile(f, 'utf8')).history).toHaveLength(2);
  });
});
