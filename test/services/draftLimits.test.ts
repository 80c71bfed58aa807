/** A draft that saves always reopens: the save and the open check the same size limit, in bytes. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDraftFile, saveDraftFile } from '../../electron/main/services/draftFiles.js';
import { SECTION_KEYS } from '../../shared/report/format.js';
import { MAX_SECTION_CHARS, serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-limits-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('save and open limits agree', () => {
  it('an 8 MB draft (every section at its limit, in Chinese, this year and last) saves and reopens', async () => {
    const d = sampleDraft();
    for (const k of SECTION_KEYS) d.sections[k] = '政'.repeat(MAX_SECTION_CHARS);
    d.previous = { year: d.year - 1, cells: {}, sections: { ...d.sections } };
    const text = serializeDraft(d);
    const f = join(dir, '很长的报告.gkbg');
    expect(await saveDraftFile(f, text)).toEqual({ ok: true, path: f });
    expect((await stat(f)).size).toBeGreaterThan(8 * 1024 * 1024);
    const back = await readDraftFile(f);
    expect(back.ok && back.text === text).toBe(true);
  });
});
