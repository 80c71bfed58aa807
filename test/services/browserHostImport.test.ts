/**
 * The browser host (renderer/host/browser.ts) imports pasted text in the page itself, not through main's importer:
 * its text must lose terminal escapes and bidi/format controls before it becomes a draft too (issue 9).
 */
import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '../../renderer/host/browser.js';
import { loadPublished } from '../import/make.js';
import { CONTROLS } from '../support/controls.js';

describe('the browser host\'s import', () => {
  it('RLO, BEL and terminal escapes in pasted text never reach the draft', async () => {
    const pasted = loadPublished('xinyuan-county-2024').replace(/新源县/g, '新源\u202e县\x07\x1b[31m');
    const answer = await createBrowserHost().importPublished({ pasted });
    expect(answer.status).toBe('imported');
    const result = answer.status === 'imported' ? answer.result : '';
    const parsed = JSON.parse(result) as { draft: { meta: { organ: string } } };
    expect(parsed.draft.meta.organ).toContain('新源县');
    const withControls: string[] = [];
    JSON.parse(result, (_k, v: unknown) => (typeof v === 'string' && CONTROLS.test(v) ? withControls.push(v) : v));
    expect(withControls).toEqual([]);
  });
});
