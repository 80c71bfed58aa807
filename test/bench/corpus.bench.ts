/**
 * The corpus of real published reports (test/fixtures/real): how right the import and the source check are on
 * them, per input kind and overall. Tune cases by kind; holdout cases only as one sum (never per case or kind).
 * Reported, not asserted (test/import/real.test.ts asserts the tune cases against known-gaps.json).
 */
import { importCase, readCorpus, type CorpusCase, type Truth } from '../support/corpus.js';
import { addToTally, emptyTally, scoreCase, type Tally } from '../support/corpus-score.js';

const KINDS: readonly { label: string; kinds: readonly Truth['kind'][] }[] = [
  { label: 'HTML', kinds: ['html'] },
  { label: 'DOCX', kinds: ['docx'] },
  { label: 'PDF', kinds: ['pdf'] },
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
  const tune = cases.filter((c) => c.truth.split === 'tune');
  const holdout = cases.filter((c) => c.truth.split === 'holdout');
  console.log(`corpus of real reports: ${cases.length} cases (${tune.length} tune, ${holdout.length} holdout)`);
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
  const all = await tallyOf(tune, cases);
  console.log(line('tune, all kinds', all.tally, all.failed));
  // The holdout sum only: per-case or per-kind figures would let tuning see individual held-out reports.
  const held = await tallyOf(holdout, cases);
  console.log(line('holdout, all kinds', held.tally, held.failed));
}
