/**
 * Real reports printed otherwise (test/support/corpusRewrites.ts): each rewrite keeps every corpus case's truth true,
 * so a case read differently after it — a cell, the title, the organ, a finding found or lost — shows what the
 * importer and the checker still depend on besides what the report says. Tune cases by rewrite; holdout cases only
 * as one sum per rewrite, like the corpus bench.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importRead, readPublishedBytes } from '../../electron/main/services/import/index.js';
import { readCorpus, type CorpusCase } from '../support/corpus.js';
import { derivableCases, derivedCase, makeDerived } from '../support/corpusDerived.js';
import { scoreCase, type CaseScore } from '../support/corpus-score.js';
import { PAGE_SAVE_REWRITES, REWRITES, type Rewrite } from '../support/corpusRewrites.js';

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

async function gapsOf(c: CorpusCase, bytes: Uint8Array, name = c.source.slice(c.source.lastIndexOf('/') + 1)): Promise<string[] | undefined> {
  const read = await readPublishedBytes(bytes, name);
  return read.ok ? gaps(scoreCase(c.truth, importRead(read))) : undefined;
}

/** A case read before and after a rewrite, its new gaps added to the tally. */
function count(t: Tally, before: string[] | undefined, after: string[] | undefined): void {
  if (!before || !after) return;
  t.rewritten++;
  const was = new Set(before);
  const added = after.filter((g) => !was.has(g));
  if (added.length === 0 && after.length === before.length) return;
  t.readOtherwise++;
  t.cellsWrong += added.filter((g) => g.startsWith('cell ')).length;
  t.fieldsWrong += added.filter((g) => g.startsWith('field ')).length;
  t.falseAlarms += added.filter((g) => g.startsWith('alarm ')).length;
  t.findingsLost += added.filter((g) => g.startsWith('missed ')).length;
}

const emptyTally = (): Tally => ({ rewritten: 0, readOtherwise: 0, cellsWrong: 0, fieldsWrong: 0, falseAlarms: 0, findingsLost: 0 });

async function tally(rewrite: Rewrite, cases: readonly CorpusCase[]): Promise<Tally> {
  const t = emptyTally();
  const bytes = (text: string) => new TextEncoder().encode(text);
  for (const c of cases) {
    const source = readFileSync(c.source, 'utf8');
    const rewritten = rewrite.apply(source, c.truth.title);
    if (rewritten !== source) count(t, await gapsOf(c, bytes(source)), await gapsOf(c, bytes(rewritten)));
  }
  return t;
}

/** Each page and its rewrite saved in the rewrite's form (corpusDerived.ts: Word by LibreOffice, PDF by Chromium), both read. */
async function tallySaved(rewrite: (typeof PAGE_SAVE_REWRITES)[number], pages: readonly CorpusCase[]): Promise<Tally> {
  const t = emptyTally();
  const dir = mkdtempSync(join(tmpdir(), 'rewritten-pages-'));
  for (const page of pages) {
    const source = readFileSync(page.source, 'utf8');
    const rewritten = rewrite.apply(source);
    if (rewritten === source) continue;
    const file = join(dir, `${page.id}~${rewrite.name}.html`);
    writeFileSync(file, rewritten);
    const rewrittenPage = { ...page, id: `${page.id}~${rewrite.name}`, source: file };
    await makeDerived([page, rewrittenPage], [rewrite.kind]);
    const [before, after] = [derivedCase(page, rewrite.kind), derivedCase(rewrittenPage, rewrite.kind)];
    const name = `page.${rewrite.kind}`;
    count(t, await gapsOf(page, readFileSync(before.source), name), await gapsOf(page, readFileSync(after.source), name));
  }
  return t;
}

const line = (label: string, t: Tally) =>
  `  ${label.padEnd(44)}${String(t.rewritten).padStart(6)}${String(t.readOtherwise).padStart(9)}${String(t.cellsWrong).padStart(8)}${String(t.fieldsWrong).padStart(8)}${String(t.falseAlarms).padStart(8)}${String(t.findingsLost).padStart(7)}`;

export default async function bench(): Promise<void> {
  const { cases } = readCorpus();
  const ofKind = (kind: 'text' | 'html') =>
    kind === 'html' ? derivableCases(cases) : cases.filter((c) => c.truth.kind === 'text' || c.truth.kind === 'markdown');
  console.log('real reports printed otherwise: cases rewritten; of them read otherwise than before; new gaps against the truth —');
  console.log('cells wrong, fields (title, organ, year, format) wrong, false alarms, expected findings lost');
  console.log(`  ${'rewrite'.padEnd(44)}${'cases'.padStart(6)}${'changed'.padStart(9)}${'cells'.padStart(8)}${'fields'.padStart(8)}${'alarms'.padStart(8)}${'lost'.padStart(7)}`);
  const held = emptyTally();
  const addHeld = (h: Tally) => {
    for (const k of Object.keys(held) as (keyof Tally)[]) held[k] += h[k];
  };
  for (const r of REWRITES) {
    const of = r.kinds.flatMap(ofKind);
    console.log(line(`tune: ${r.label}`, await tally(r, of.filter((c) => c.truth.split === 'tune'))));
    addHeld(await tally(r, of.filter((c) => c.truth.split === 'holdout')));
  }
  const pages = derivableCases(cases);
  for (const r of PAGE_SAVE_REWRITES) {
    console.log(line(`tune: ${r.label}`, await tallySaved(r, pages.filter((c) => c.truth.split === 'tune'))));
    addHeld(await tallySaved(r, pages.filter((c) => c.truth.split === 'holdout')));
  }
  console.log(line('holdout: every rewrite, one sum', held));
}
