/**
 * The office pool in the built app: main.cjs is one bundle, so piscina's own thread script (worker.js) and our worker
 * (office-worker.cjs) must be built beside it — a pool started from a bundle there reads files in its workers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitDraftText, unitReport } from './support/units.js';

const root = join(import.meta.dirname, '..', '..');

describe('the office worker in the built app', () => {
  it('runs from the bundles build-electron.mjs writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'office-bundle-'));
    execFileSync(process.execPath, [join(root, 'build', 'build-electron.mjs'), '--outdir', out], { cwd: root, stdio: 'pipe' });
    const draft = join(out, 'unit.gkbg');
    writeFileSync(draft, unitDraftText(unitReport('县教育局', { 'apply.new.natural': 1, 'apply.granted.natural': 1 })));
    const entry = join(out, 'pool-entry.ts');
    writeFileSync(
      entry,
      `import { join } from 'node:path';
import { OfficePool } from ${JSON.stringify(join(root, 'electron/main/services/office/pool.ts'))};
const pool = new OfficePool({ workers: 1, workerFile: join(__dirname, 'office-worker.cjs') });
pool.readUnits([${JSON.stringify(draft)}]).then(async (r) => { console.log(JSON.stringify(r.reads.map((x) => x && x.ok && x.report.organ))); await pool.close(); });`,
    );
    execFileSync(join(root, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--platform=node', '--format=cjs', `--outfile=${join(out, 'pool-entry.cjs')}`, '--log-level=error'], { cwd: root });
    const printed = execFileSync(process.execPath, [join(out, 'pool-entry.cjs')], { cwd: out, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual(['县教育局']);
  }, 120_000);
});
