/**
 * The corpus of real published reports (test/fixtures/real): every tune case imported through the real import
 * path and compared with its hand-typed truth — cells, title, organ, year, format, the findings a careful
 * reader expects and no false alarm — except exactly the gaps test/fixtures/real/known-gaps.json lists for it
 * (a listed gap that is fixed fails too, so the list stays true; refresh it with `npx tsx test/support/corpus-gaps.ts`).
 * A tune text case whose crawl kept the web page beside the text (`page.html`) is read from that page too.
 * (Each tune web page's DOCX and PDF forms are judged in real-derived.test.ts, a file of its own so the two run side by side.)
 * Each tune text case is also read with its prose broken at the margin as a PDF's text layer breaks it: it must read
 * exactly as the unbroken text does (a piece of a sentence is never a title, a number broken in two is still one).
 * Holdout cases are only imported and validated here; their accuracy is reported in aggregate by `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import { importCase, readCorpus } from '../support/corpus.js';
import { caseGaps, readKnownGaps, scoreCase, truthSelfDisagreements } from '../support/corpus-score.js';
import { DERIVED_KINDS, derivableCases, derivedId, siblingPages, wrappableCases, wrappedCase } from '../support/corpusDerived.js';

const { cases, problems } = readCorpus();
const known = readKnownGaps();
const tune = cases.filter((c) => c.truth.split === 'tune');
const holdout = cases.filter((c) => c.truth.split === 'holdout');
/** each tune web page as Chromium's PDF print and LibreOffice's Word save of it (ids `<page>~pdf`, `<page>~docx`) */
const tuneDerived = derivableCases(tune).flatMap((c) => DERIVED_KINDS.map((kind) => ({ id: derivedId(c, kind), page: c, kind })));
/** each tune text case's web page, where the crawl kept one beside the text (id `<case>~html`) */
const tunePages = siblingPages(tune);

describe('corpus of real reports', () => {
  it('every case folder is well-formed (truth.json valid, named by its id, listed alike in sources*.tsv)', () => {
    expect(problems).toEqual([]);
  });

  it('every truth agrees with itself: its typed arithmetic findings are exactly the sums its typed cells fail (tune and holdout)', () => {
    const slips = cases.flatMap((c) => truthSelfDisagreements(c.truth).map((s) => `${c.id}: ${s}`));
    expect(slips).toEqual([]);
  });

  it('known-gaps.json lists tune cases only', () => {
    const tuneIds = new Set([...tune.map((c) => c.id), ...tunePages.map((c) => c.id), ...tuneDerived.map((d) => d.id), ...wrappableCases(tune).map((c) => `${c.id}~wrapped`)]);
    expect(Object.keys(known).filter((id) => !tuneIds.has(id))).toEqual([]);
  });

  describe.each(tune.map((c) => [c.id, c] as const))('tune: %s', (id, c) => {
    it('imports as its truth says, but for its known gaps', async () => {
      const gaps = caseGaps(scoreCase(c.truth, await importCase(c, cases)));
      expect(gaps).toEqual((known[id] ?? []).map((g) => g.gap).sort());
    });
  });

  describe.each(tunePages.map((c) => [c.id, c] as const))('tune, the text case\'s web page: %s', (id, c) => {
    it('the page\'s HTML tables import as the text\'s truth says, but for its known gaps', async () => {
      const gaps = caseGaps(scoreCase(c.truth, await importCase(c, cases)));
      expect(gaps).toEqual((known[id] ?? []).map((g) => g.gap).sort());
    });
  });

  describe.each(wrappableCases(tune).map((c) => [c.id, c] as const))('tune, prose wrapped at the margin: %s', (id, c) => {
    it('reads as the unwrapped text does', async () => {
      const gaps = caseGaps(scoreCase(c.truth, await importCase(wrappedCase(c), cases)));
      // `<case>~wrapped` lists the gaps of a case that reads otherwise when wrapped, with the reason
      expect(gaps).toEqual((known[`${id}~wrapped`] ?? known[id] ?? []).map((g) => g.gap).sort());
    });
  });

  describe.each(holdout.map((c) => [c.id, c] as const))('holdout: %s', (_id, c) => {
    // Only that it imports: its per-case accuracy is never looked at (the bench prints the holdout sum).
    it('imports without error (its truth validated when the corpus was listed)', async () => {
      await expect(importCase(c, cases)).resolves.toHaveProperty('report');
    });
  });
});
