/**
 * `npx tsx test/support/corpus-gaps.ts [case-id …]`: the current gaps of the tune cases, printed in the form of
 * test/fixtures/real/known-gaps.json. A gap already listed keeps its reason; a new one says "TODO", which the
 * file refuses: a person reads the case, writes why (or fixes the cause), and only then updates the file.
 * The DOCX and PDF made from each tune web page (corpusDerived.ts) are listed as `<page>~pdf`, `<page>~docx`; a text
 * case's own web page (`page.html` beside it) as `<case>~html`; a text case that reads otherwise with its prose wrapped
 * at the margin as `<case>~wrapped`.
 * Holdout cases are never scored here.
 */
import { importCase, listCases } from './corpus.js';
import { caseGaps, readKnownGaps, scoreCase, type KnownGaps } from './corpus-score.js';
import { DERIVED_KINDS, derivableCases, derivedCase, makeDerived, siblingPages, wrappableCases, wrappedCase } from './corpusDerived.js';

const only = process.argv.slice(2);
const known = readKnownGaps();
const out: KnownGaps = {};
const cases = listCases();
await makeDerived(derivableCases(cases.filter((c) => c.truth.split === 'tune')));
const derived = derivableCases(cases.filter((c) => c.truth.split === 'tune')).flatMap((c) => DERIVED_KINDS.map((k) => derivedCase(c, k)));
for (const c of [...cases, ...siblingPages(cases), ...derived]) {
  if (c.truth.split !== 'tune' || (only.length > 0 && !only.includes(c.id))) continue;
  const gaps = caseGaps(scoreCase(c.truth, await importCase(c, cases)));
  if (gaps.length === 0) continue;
  const reasons = new Map((known[c.id] ?? []).map((g) => [g.gap, g.why]));
  out[c.id] = gaps.map((gap) => ({ gap, why: reasons.get(gap) ?? 'TODO' }));
}
// a text case that reads otherwise with its prose wrapped: its own entry `<case>~wrapped`
for (const c of wrappableCases(cases)) {
  if (c.truth.split !== 'tune' || (only.length > 0 && !only.includes(c.id))) continue;
  const gaps = caseGaps(scoreCase(c.truth, await importCase(wrappedCase(c), cases)));
  if (JSON.stringify(gaps) === JSON.stringify((out[c.id] ?? []).map((g) => g.gap))) continue;
  const id = `${c.id}~wrapped`;
  const reasons = new Map((known[id] ?? known[c.id] ?? []).map((g) => [g.gap, g.why]));
  out[id] = gaps.map((gap) => ({ gap, why: reasons.get(gap) ?? 'TODO' }));
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
