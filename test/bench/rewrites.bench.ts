/**
 * Real reports printed otherwise (test/support/corpusRewrites.ts): each rewrite keeps every corpus case's truth true,
 * so a case read differently after it — a cell, the title, the organ, a finding found or lost — shows what the
 * importer and the checker still depend on besides what the report says. Tune cases by rewrite; holdout cases only
 * as one sum per rewrite, like the corpus bench.
 */
import { readFileSync } from 'node:fs';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import { readCorpus, type CorpusCase } from '../support/corpus.js';
import { siblingPages } from '../support/corpusDerived.js';
import { scoreCase, type CaseScore } from '../support/corpus-score.js';
import { REWRITES, type Rewrite } from '../support/corpusRewrites.js';

interface Tally {
  rewritten: number;
  readOtherwise: number;
  cellsWrong: number;
  fieldsWrong: number;
  falseAlarms: number;
  findingsLost: number;
}

/** What differs from the truth, one line each (cells, fields, missed findings, false alarms). */
function gaps(s: CaseScore): string[] {
  return [
    ...s.cells.filter((c) => c.verdict !== 'right').map((c) => `cell ${c.key}=${String(c.got)}`),
    ...s.fields.filter((f) => !f.right).map((f) => `field ${f.field}=${String(f.got)}`),
    ...s.missed.map((m) => `missed ${m.rule} ${m.cell ?? m.section ?? ''}`),
    ...s.falseAlarms.map((f) => `alarm ${f.rule} ${f.target ?? f.section ?? ''} ${f.message}`),
  ];
}

async function gapsOf(c: CorpusCase, text: string): Promise<string[] | undefined> {
  const read = await readPublishedBytes(new TextEncoder().encode(text), c.source.slice(c.source.lastIndexOf('/') + 1));
  return read.ok ? gaps(scoreCase(c.truth, importRead(read))) : undefined;
}

async function tally(rewrite: Rewrite, cases: readonly CorpusCase[]): Promise<Tally> {
  const t: Tally = { rewritten: 0, readOtherwise: 0, cellsWrong: 0, fieldsWrong: 0, falseAlarms: 0, findingsLost: 0 };
  for (const c of cases) {
    const source = readFileSync(c.source, 'utf8');
    const rewritten = rewrite.apply(source, c.truth.title);
    if (rewritten === source) continue;
    const [before, after] = [await gapsOf(c, source), await gapsOf(c, rewritten)];
    if (!before || !after) continue;
    t.rewritten++;
    const was = new Set(before);
    const added = after.filter((g) => !was.has(g));
    if (added.length === 0 && after.length === before.length) continue;
    t.readOtherwise++;
    t.cellsWrong += added.filter((g) => g.startsWith('cell ')).length;
    t.fieldsWrong += added.filter((g) => g.startsWith('field ')).length;
    t.falseAlarms += added.filter((g) => g.startsWith('alarm ')).length;
    t.findingsLost += added.filter((g) => g.startsWith('missed ')).length;
  }
  return t;
}

const line = (label: string, t: Tally) =>
  `  ${label.padEnd(44)}${String(t.rewritten).padStart(6)}${String(t.readOtherwise).padStart(9)}${String(t.cellsWrong).padStart(8)}${String(t.fieldsWrong).padStart(8)}${String(t.falseAlarms).padStart(8)}${String(t.findingsLost).padStart(7)}`;

export default async function bench(): Promise<void> {
  const { cases } = readCorpus();
  const ofKind = (kind: 'text' | 'html') =>
    kind === 'html' ? [...cases.filter((c) => c.truth.kind === 'html'), ...siblingPages(cases)] : cases.filter((c) => c.truth.kind === 'text' || c.truth.kind === 'markdown');
  console.log('real reports printed otherwise: cases rewritten; of them read otherwise than before; new gaps against the truth —');
  console.log('cells wrong, fields (title, organ, year, format) wrong, false alarms, expected findings lost');
  console.log(`  ${'rewrite'.padEnd(44)}${'cases'.padStart(6)}${'changed'.padStart(9)}${'cells'.padStart(8)}${'fields'.padStart(8)}${'alarms'.padStart(8)}${'lost'.padStart(7)}`);
  const held: Tally = { rewritten: 0, readOtherwise: 0, cellsWrong: 0, fieldsWrong: 0, falseAlarms: 0, findingsLost: 0 };
  for (const r of REWRITES) {
    const of = r.kinds.flatMap(ofKind);
    console.log(line(`tune: ${r.label}`, await tally(r, of.filter((c) => c.truth.split === 'tune'))));
    const h = await tally(r, of.filter((c) => c.truth.split === 'holdout'));
    for (const k of Object.keys(held) as (keyof Tally)[]) held[k] += h[k];
  }
  console.log(line('holdout: every rewrite, one sum', held));
}
