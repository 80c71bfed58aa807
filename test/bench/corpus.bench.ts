/**
 * The corpus of real published reports (test/fixtures/real): how right the import and the source check are on
 * them, per input kind and overall. Tune cases by kind; holdout cases only as one sum (never per case or kind).
 * Reported, not asserted (test/import/real.test.ts asserts the tune cases against known-gaps.json).
 */
import { importCase, readCorpus, type CorpusCase, type Truth } from '../support/corpus.js';
import { addToTally, emptyTally, scoreCase, type Tally } from '../support/corpus-score.js';
import { DERIVED_KINDS, derivableCases, derivedCase, makeDerived, siblingPages, wrappableCases, wrappedCase, WRAP_WIDTH, writerPdfCases } from '../support/corpusDerived.js';

const KINDS: readonly { label: string; kinds: readonly Truth['kind'][] }[] = [
  { label: 'HTML', kinds: ['html'] },
  { label: 'DOCX (from pages)', kinds: ['docx'] },
  { label: 'PDF (from pages)', kinds: ['pdf'] },
  { label: 'text/markdown', kinds: ['text', 'markdown'] },
];

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)} %`);

function line(label: string, t: Tally, failed: number): string {
  const cols = [
    label.padEnd(24),
    String(t.cases + failed).padStart(5),
    `${t.cellsRight}/${t.cellsHeld} (${pct(t.cellsRight, t.cellsHeld)})`.padStart(22),
    `${t.fieldsRight}/${t.fields}`.padStart(8),
    `${t.expected} / ${t.found} / ${t.missed}`.padStart(16),
    `${t.falseAlarms} (${pct(t.falseAlarms, t.findings)} of ${t.findings})`.padStart(20),
    `${t.arithmeticExpected} / ${t.arithmeticFound}`.padStart(10),
  ];
  return `  ${cols.join('  ')}${failed ? `  — ${failed} failed to import` : ''}`;
}

async function tallyOf(of: readonly CorpusCase[], cases: readonly CorpusCase[]): Promise<{ tally: Tally; failed: number }> {
  const tally = emptyTally();
  let failed = 0;
  for (const c of of) {
    try {
      addToTally(tally, scoreCase(c.truth, await importCase(c, cases)));
    } catch {
      failed++;
    }
  }
  return { tally, failed };
}

export default async function bench(): Promise<void> {
  const { cases, problems } = readCorpus();
  // each published page also as Chromium's PDF print and LibreOffice's Word save of it (test/support/corpusDerived.ts)
  await makeDerived(derivableCases(cases));
  const derived = derivableCases(cases).flatMap((c) => DERIVED_KINDS.map((k) => derivedCase(c, k)));
  // a text case's web page kept beside it by the crawl: its HTML tables, judged as a web page
  const pages = siblingPages(cases);
  const tune = [...cases, ...pages, ...derived].filter((c) => c.truth.split === 'tune');
  const holdout = cases.filter((c) => c.truth.split === 'holdout');
  const heldDerived = derived.filter((c) => c.truth.split === 'holdout');
  console.log(`corpus of real reports: ${cases.length} cases (${cases.length - holdout.length} tune, ${holdout.length} holdout)`);
  if (pages.length) console.log(`  + ${pages.length} web pages kept by the crawl beside text cases, read as HTML against the text's truth`);
  console.log(`  + ${derived.length} DOCX/PDF made from its ${derived.length / DERIVED_KINDS.length} published web pages by Chromium (print to PDF) and LibreOffice (save as Word; that Word file exported to PDF by Writer)`);
  console.log(`  + its text cases with their prose wrapped at ${WRAP_WIDTH} characters, as a converted PDF's text is, and set as documents and exported to PDF by LibreOffice Writer`);
  if (problems.length) console.log(`  ${problems.length} malformed case folder(s) left out: ${problems.map((p) => p.id).join(', ')}`);
  console.log('  cells: right/held (printed totals kept); fields: title, organ, year, format right; findings: expected / found / missed;');
  console.log('  false alarms: judged findings matching no expected one (and % of all judged findings); arithmetic (T3-*, T4-SUM, V-NUM): expected / found');
  console.log(`  ${'split, input kind'.padEnd(24)}  ${'cases'.padStart(5)}  ${'cells'.padStart(22)}  ${'fields'.padStart(8)}  ${'findings e/f/m'.padStart(16)}  ${'false alarms'.padStart(20)}  ${'arith e/f'.padStart(10)}`);
  for (const k of KINDS) {
    const of = tune.filter((c) => k.kinds.includes(c.truth.kind));
    if (of.length === 0) continue;
    const { tally, failed } = await tallyOf(of, cases);
    console.log(line(`tune ${k.label}`, tally, failed));
  }
  // text and markdown with their prose broken at the margin, as a PDF's text layer gives it
  const wrapped = wrappableCases(cases).map(wrappedCase);
  const tuneWrapped = await tallyOf(wrapped.filter((c) => c.truth.split === 'tune'), cases);
  console.log(line('tune text, prose wrapped', tuneWrapped.tally, tuneWrapped.failed));
  // text cases set as documents and exported to PDF by Writer
  const { made: writerPdf, failed: writerFailed } = writerPdfCases(cases);
  // only a count: a held-out case's name is never printed
  if (writerFailed.length) console.log(`  (Writer made no PDF of ${writerFailed.length} text case(s); they are left out of the two Writer PDF lines)`);
  const tuneWriter = await tallyOf(writerPdf.filter((c) => c.truth.split === 'tune'), cases);
  console.log(line('tune text → Writer PDF', tuneWriter.tally, tuneWriter.failed));
  const published = await tallyOf(tune.filter((c) => !derived.includes(c) && !pages.includes(c)), cases);
  console.log(line('tune, as published', published.tally, published.failed));
  // The holdout sum only: per-case or per-kind figures would let tuning see individual held-out reports.
  const held = await tallyOf(holdout, cases);
  console.log(line('holdout, as published', held.tally, held.failed));
  if (heldDerived.length) {
    const withDerived = await tallyOf([...holdout, ...heldDerived], cases);
    console.log(line('holdout + DOCX/PDF made', withDerived.tally, withDerived.failed));
  }
  const heldWrapped = await tallyOf(wrapped.filter((c) => c.truth.split === 'holdout'), cases);
  console.log(line('holdout text, wrapped', heldWrapped.tally, heldWrapped.failed));
  const heldWriter = await tallyOf(writerPdf.filter((c) => c.truth.split === 'holdout'), cases);
  console.log(line('holdout text → Writer PDF', heldWriter.tally, heldWriter.failed));
}
