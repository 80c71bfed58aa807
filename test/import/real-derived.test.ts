/**
 * The corpus's tune web pages in the forms a reviewer gets them, made by real third-party programs: each printed to
 * PDF by Chromium (as published and restyled), saved as Word by LibreOffice and that exported to PDF by Writer
 * (test/support/corpusDerived.ts), and judged against the page's hand-typed truth but for exactly the gaps
 * test/fixtures/real/known-gaps.json lists under `<case>~<kind>`: the DOCX and PDF readers on real layouts.
 * (real.test.ts judges the cases as published and checks that known-gaps.json names only tune cases.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { importCase, readCorpus } from '../support/corpus.js';
import { caseGaps, readKnownGaps, scoreCase } from '../support/corpus-score.js';
import { DERIVED_KINDS, derivableCases, derivedCase, derivedId, makeDerived } from '../support/corpusDerived.js';

const { cases } = readCorpus();
const known = readKnownGaps();
const pages = derivableCases(cases.filter((c) => c.truth.split === 'tune'));
const tuneDerived = pages.flatMap((c) => DERIVED_KINDS.map((kind) => ({ id: derivedId(c, kind), page: c, kind })));

describe('corpus of real reports', () => {
  describe('tune, made from the page', () => {
    // made all at once: LibreOffice converts every page in one run
    beforeAll(() => makeDerived(pages), 1_800_000);

    describe.each(tuneDerived.map((d) => [d.id, d] as const))('%s', (id, d) => {
      it('the DOCX or PDF made from the page imports as the page\'s truth says, but for its known gaps', async () => {
        const c = derivedCase(d.page, d.kind);
        const gaps = caseGaps(scoreCase(c.truth, await importCase(c, cases)));
        expect(gaps).toEqual((known[id] ?? []).map((g) => g.gap).sort());
      }, 180_000);
    });
  });

});
