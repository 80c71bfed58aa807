/**
 * The office above (issue 12): batch review of 300 mixed reports (text, DOCX, PDF) in the worker pool — reports per
 * second with one worker against two — and the roll-up of 300 drafts (the pure sum, and end to end from the files).
 * Reported, not asserted. Targets: ≥ 20 text/DOCX reports a second; roll-up of 300 drafts under 2 s.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OfficePool } from '../../electron/main/services/office/pool.js';
import { rollUpFiles } from '../../electron/main/services/office/rollupFiles.js';
import { rollUp, type UnitInput } from '../../shared/rollup/index.js';
import { docxToPdf, loadData, loadPublished, makeDocx } from '../import/make.js';
import { unitDraftText, unitReport } from '../office/support/units.js';

const SAMPLES = ['xinxiang-county-office-2024', 'xinyuan-county-2024', 'urumqi-county-2024'];

/** 100 of each kind, made from the three samples (each unit's own file name). */
async function mixedFolder(dir: string): Promise<{ text: string[]; docx: string[]; pdf: string[] }> {
  const sources = await Promise.all(
    SAMPLES.map(async (name) => {
      const docx = await makeDocx(loadData(name));
      return { name, txt: loadPublished(name), docx, pdf: docxToPdf(docx) };
    }),
  );
  const out = { text: [] as string[], docx: [] as string[], pdf: [] as string[] };
  for (let i = 0; i < 100; i++) {
    const s = sources[i % sources.length];
    if (!s) continue;
    const base = join(dir, `单位${String(i).padStart(3, '0')}`);
    writeFileSync(`${base}.txt`, s.txt);
    writeFileSync(`${base}.docx`, s.docx);
    writeFileSync(`${base}.pdf`, s.pdf);
    out.text.push(`${base}.txt`);
    out.docx.push(`${base}.docx`);
    out.pdf.push(`${base}.pdf`);
  }
  return out;
}

/**
 * Wall-clock rate, and the CPU time a report costs (process.cpuUsage counts the worker threads too): on a machine
 * others are loading, the wall clock says little and the CPU time still says what two free cores would do.
 */
async function rate(workers: number, paths: readonly string[], warm: readonly string[]): Promise<{ perSecond: number; seconds: number; cpuMs: number; failed: number }> {
  const pool = new OfficePool({ workers });
  try {
    await pool.readUnits(warm); // workers started and the parsers loaded
    const t = performance.now();
    const cpu = process.cpuUsage();
    const { reads } = await pool.readUnits(paths);
    const used = process.cpuUsage(cpu);
    const seconds = (performance.now() - t) / 1000;
    return { perSecond: paths.length / seconds, seconds, cpuMs: (used.user + used.system) / 1000 / paths.length, failed: reads.filter((r) => !r?.ok).length };
  } finally {
    await pool.close();
  }
}

export default async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'office-bench-'));
  try {
    console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} (figures below are wall-clock; cpu = CPU time per report)`);
    const files = await mixedFolder(dir);
    const warm = [...files.text.slice(0, 2), ...files.docx.slice(0, 2), ...files.pdf.slice(0, 2)];
    const mixed = [...files.text, ...files.docx, ...files.pdf];
    console.log('batch review (read + parse + rules, in workers), reports per second:');
    for (const [label, paths] of [
      ['text+DOCX (200)', [...files.text, ...files.docx]],
      ['mixed (300)', mixed],
    ] as const) {
      const one = await rate(1, paths, warm);
      const two = await rate(2, paths, warm);
      console.log(
        `  ${label.padEnd(16)} 1 worker ${one.perSecond.toFixed(1).padStart(6)}/s (${one.seconds.toFixed(1)} s, cpu ${one.cpuMs.toFixed(0)} ms)   2 workers ${two.perSecond.toFixed(1).padStart(6)}/s (${two.seconds.toFixed(1)} s, cpu ${two.cpuMs.toFixed(0)} ms)   speed-up ×${(two.perSecond / one.perSecond).toFixed(2)}${one.failed + two.failed ? `   unreadable ${one.failed}/${two.failed}` : ''}`,
      );
    }

    const draftsDir = join(dir, 'drafts');
    mkdirSync(draftsDir);
    const units: UnitInput[] = [];
    const draftPaths: string[] = [];
    for (let i = 0; i < 300; i++) {
      const report = unitReport(`县单位${i}`, { 'apply.new.natural': i % 7, 'apply.granted.natural': i % 7, 'active.fees.amount': (i % 13) / 100 });
      units.push({ file: `u${i}.gkbg`, loaded: { ok: true, report } });
      const p = join(draftsDir, `u${String(i).padStart(3, '0')}.gkbg`);
      writeFileSync(p, unitDraftText(report));
      draftPaths.push(p);
    }
    const runs = 20;
    const times: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      rollUp(units, { scope: 'county' });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`roll-up of 300 drafts, the sums alone: median ${times[runs >> 1]?.toFixed(1)} ms (n=${runs})`);
    const pool = new OfficePool({ workers: 2 });
    try {
      await pool.readUnits(draftPaths.slice(0, 4));
      const t = performance.now();
      const run = await rollUpFiles(pool, draftPaths, { scope: 'county' });
      const ms = performance.now() - t;
      const counted = run.canceled ? 0 : run.result.sources.filter((s) => s.status === 'included').length;
      console.log(`roll-up of 300 draft files end to end (read + check in 2 workers + sum): ${(ms / 1000).toFixed(2)} s, ${counted} counted`);
    } finally {
      await pool.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
