/**
 * 落款版式 (GB/T 9704-2012 7.3.5, issue 11): the draft keeps the clerk's choice — sealed by default, unsealed when
 * chosen — through the form, saving and reopening; an older draft opens sealed; and the document model of a draft,
 * built with `draftModelOptions` as every output does, lays the 落款 out as the draft says.
 */
import { describe, expect, it } from 'vitest';
import { draftToFormValues, formValuesToDraft } from '../../shared/editor/formValues.js';
import { buildDocModel, type Block } from '../../shared/render/model.js';
import { DRAFT_SCHEMA_VERSION, draftModelOptions, draftToReport, migrateDraft, parseDraftText, serializeDraft, type DraftFile } from '../../shared/schema/draft.js';
import { sampleDraft } from '../services/sampleDraft.js';

function reopen(draft: DraftFile): DraftFile {
  const r = parseDraftText(serializeDraft(draft));
  if (!r.ok) throw new Error(r.error);
  return r.draft;
}

function signatureOf(draft: DraftFile): Extract<Block, { kind: 'signature' }> {
  const last = buildDocModel(draftToReport(draft), draftModelOptions(draft)).blocks.at(-1);
  if (last?.kind !== 'signature') throw new Error('no 落款');
  return last;
}

describe('落款版式 in the draft', () => {
  it('is sealed by default: a new draft, and a version-3 draft written before the choice existed', () => {
    const fresh = sampleDraft();
    expect(fresh.meta.signatureStyle).toBeUndefined();
    expect(draftModelOptions(fresh)).toEqual({ signature: 'sealed' });
    const v3 = { ...JSON.parse(serializeDraft(fresh)), schemaVersion: 3 };
    const r = parseDraftText(JSON.stringify(v3));
    if (!r.ok) throw new Error(r.error);
    expect(r.draft.schemaVersion).toBe(DRAFT_SCHEMA_VERSION);
    expect(draftModelOptions(r.draft)).toEqual({ signature: 'sealed' });
    expect(signatureOf(r.draft)).toMatchObject({ style: 'sealed', dateRightChars: 4 });
  });

  it('round-trips the unsealed choice through the form, saving and reopening', () => {
    const base = sampleDraft();
    const values = draftToFormValues(base);
    expect(values.meta.signatureStyle).toBe('sealed');
    const chosen = formValuesToDraft({ ...values, meta: { ...values.meta, signatureStyle: 'unsealed' } }, base);
    expect(chosen.meta.signatureStyle).toBe('unsealed');
    const back = reopen(chosen);
    expect(back.meta.signatureStyle).toBe('unsealed');
    expect(draftToFormValues(back).meta.signatureStyle).toBe('unsealed');
    // choosing the default again leaves the draft as a draft that never chose
    const again = formValuesToDraft({ ...draftToFormValues(back), meta: { ...draftToFormValues(back).meta, signatureStyle: 'sealed' } }, back);
    expect(again.meta.signatureStyle).toBeUndefined();
    expect(draftModelOptions(reopen(again))).toEqual({ signature: 'sealed' });
  });

  it('refuses a layout it does not know, naming the field in Chinese', () => {
    const text = serializeDraft(sampleDraft()).replace('"signatureDate"', '"signatureStyle": "stamped",\n    "signatureDate"');
    const r = parseDraftText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('meta.signatureStyle');
  });

  it('makes a draft with the choice a new version, so an older program asks to be upgraded rather than naming a field', () => {
    const d = { ...sampleDraft(), meta: { ...sampleDraft().meta, signatureStyle: 'unsealed' as const } };
    const json = JSON.parse(serializeDraft(d)) as { schemaVersion: number };
    expect(json.schemaVersion).toBe(4);
    expect(() => migrateDraft({ ...json, schemaVersion: DRAFT_SCHEMA_VERSION + 1 })).toThrow(/请升级本程序/);
  });

  it('lays the 落款 of an unsealed draft out unsealed (7.3.5.2), and the command line\'s --unsealed overrides a sealed draft', () => {
    const sealed = sampleDraft();
    const unsealed = reopen({ ...sealed, meta: { ...sealed.meta, signatureStyle: 'unsealed' } });
    // 某某县人民政府办公室 (10 characters), 2025年2月25日 (6.5 characters)
    expect(signatureOf(sealed)).toMatchObject({ style: 'sealed', organRightChars: 2.25, dateRightChars: 4, blankLinesBefore: 2 });
    expect(signatureOf(unsealed)).toMatchObject({ style: 'unsealed', organRightChars: 2, dateRightChars: 3.5, blankLinesBefore: 1 });
    expect(draftModelOptions(sealed, 'unsealed')).toEqual({ signature: 'unsealed' });
    expect(draftModelOptions({ meta: {} })).toEqual({ signature: 'sealed' });
  });
});
