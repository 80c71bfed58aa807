/**
 * `npm run bench`: every benchmark in test/bench/*.bench.ts, in name order. Each prints its own figures;
 * nothing here asserts a time (performance is reported, not tested). `npm run bench -- corpus import` runs only
 * the benches whose file name contains one of the words (corpus: accuracy on the real reports of test/fixtures/real).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of files) {
  console.log(`\n## ${f.replace(/\.bench\.ts$/, '')}`);
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: () => Promise<void> };
  await mod.default();
}
