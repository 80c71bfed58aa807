/**
 * `npm run bench -- evaluate`: the rule engine on full reports, as the editor calls it on every keystroke.
 * Prints median and p95 per call (many runs). Nothing is asserted (performance is reported, not tested).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Report } from '../../shared/report/model.js';
import { evaluate } from '../../shared/rules/index.js';
import { parseReportDataJson } from '../../shared/schema/reportData.js';
import { fmtMs, summarise, timeMany } from './stats.js';

const here = dirname(fileURLToPath(import.meta.url));

function load(name: string): Report {
  const r = parseReportDataJson(JSON.parse(readFileSync(join(here, '..', 'fixtures', 'data', `${name}.json`), 'utf8')));
  if (!r.ok) throw new Error(r.error);
  return r.report;
}

export default async function bench(): Promise<void> {
  const xinyuan = load('xinyuan-county-2024');
  const urumqi = load('urumqi-county-2024');
  // the biggest case: last year's report attached (all cross-year rules run) and long narrative
  const withPrevious: Report = {
    ...xinyuan,
    sections: { ...xinyuan.sections, other: `${xinyuan.sections?.other ?? ''}\n${(urumqi.sections?.overview ?? '').repeat(3)}` },
    previous: { year: 2023, format: '2021', cells: urumqi.cells, sections: urumqi.sections ?? {} },
  };
  const chars = Object.values(withPrevious.sections ?? {}).reduce((n, t) => n + (t?.length ?? 0), 0);
  const runs = 5000;
  const cases: [string, () => unknown][] = [
    ['xinyuan (no previous), same text every call', () => evaluate(xinyuan)],
    [`with previous year, ${chars} chars of narrative`, () => evaluate(withPrevious, { stage: 'final' })],
  ];
  // typing: a new character in one section per call, so that section's text figures are never cached
  let i = 0;
  const typing = (): unknown => {
    i++;
    const overview = `${withPrevious.sections?.overview ?? ''}${'新'.repeat(i % 97)}${i}`;
    return evaluate({ ...withPrevious, sections: { ...withPrevious.sections, overview } });
  };
  cases.push(['with previous year, typing in 一、总体情况 (cache miss on that section)', typing]);
  // a cell edit: text cached, figures change
  let n = 0;
  cases.push([
    'with previous year, typing in a cell',
    () => evaluate({ ...withPrevious, cells: { ...withPrevious.cells, 'apply.granted.natural': n++ % 50 } }),
  ]);
  for (const [name, fn] of cases) {
    const s = summarise(timeMany(fn, runs, 500));
    console.log(`evaluate · ${name}: median ${fmtMs(s.median)}, p95 ${fmtMs(s.p95)}, max ${fmtMs(s.max)} (n = ${s.n})`);
  }
}
