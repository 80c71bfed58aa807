#!/usr/bin/env node
// Runs every suite the project has and prints one closing line `N passed, N failed` summing them all
// (CI reads only that line and the exit code; Vitest's and Playwright's own summaries are not read).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const only = process.argv.slice(2);
mkdirSync('test-results', { recursive: true });

/** A check that either passes or fails as a whole (type checks, layering, scanners). */
const check = (name, cmd, args, env = {}) => ({ name, run: () => counted(name, cmd, args, env) });

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function counted(name, cmd, args, env) {
  console.log(`\n=== ${name} ===`);
  const status = run(cmd, args, env);
  return status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
}

function vitest() {
  console.log('\n=== unit, service, output and import tests (vitest) ===');
  const out = 'test-results/vitest.json';
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(out, 'utf8'));
  const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
  const res = { passed: r.numPassedTests, failed: r.numFailedTests + failedSuites, skipped: r.numPendingTests + r.numTodoTests };
  if (status !== 0 && res.failed === 0) res.failed = 1;
  return res;
}

function playwright() {
  console.log('\n=== end-to-end tests (Playwright, Debian Chromium) ===');
  if (run('npm', ['run', '-s', 'build:renderer']) !== 0) return { passed: 0, failed: 1 };
  const out = 'test-results/playwright.json';
  const status = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (!existsSync(out)) return { passed: 0, failed: 1 };
  const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
  const res = { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0), skipped: s.skipped ?? 0 };
  if (status !== 0 && res.failed === 0) res.failed = 1;
  return res;
}

const steps = [
  check('typecheck shared/', 'npx', ['tsc', '-p', 'shared/tsconfig.json']),
  check('typecheck renderer/', 'npx', ['tsc', '-p', 'renderer/tsconfig.json']),
  check('typecheck electron/', 'npx', ['tsc', '-p', 'electron/tsconfig.json']),
  check('typecheck test/', 'npx', ['tsc', '-p', 'test/tsconfig.json']),
  check('layering (dependency-cruiser)', 'npx', ['depcruise', '--config', '.dependency-cruiser.cjs', 'shared', 'renderer', 'electron', 'test']),
  check('security scan of the compiled Electron code (electronegativity)', 'node', ['test/security/electronegativity.mjs']),
  { name: 'vitest', run: vitest },
  { name: 'playwright', run: playwright },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.includes(o))) continue;
  const r = step.run();
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped ?? 0;
  console.log(`--- ${step.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
