#!/usr/bin/env node
// Bundles the Electron main process and the preload with esbuild:
//   electron/main/index.ts    → dist/electron/main.cjs
//   electron/preload/index.ts → dist/electron/preload.cjs (sandboxed preload: one self-contained CommonJS file)
// `electron` stays external. playwright-core (the headless printer the command line uses) is replaced by a stub in
// the app: Electron prints with its own webContents.printToPDF.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir <dir>` builds elsewhere (tests build side by side without racing on dist/).
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 && process.argv[outArg + 1] ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'electron');
mkdirSync(outdir, { recursive: true });

const stubPlaywright = {
  name: 'stub-playwright',
  setup(b) {
    b.onResolve({ filter: /^playwright-core$/ }, () => ({ path: 'playwright-core', namespace: 'stub' }));
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "export const chromium = { launch() { throw new Error('在桌面程序中由 Electron 打印 PDF'); } };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // es2021: private class fields lowered, so the security scanner (electronegativity) can parse the bundles
  target: ['es2021', 'node22'],
  external: ['electron'],
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  absWorkingDir: root,
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: join(outdir, 'main.cjs'), plugins: [stubPlaywright] }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: join(outdir, 'preload.cjs') }),
  // the office pool's worker (汇总, 批量核查): its own bundle beside main.cjs, loaded by piscina in a worker thread
  build({ ...common, entryPoints: ['electron/main/services/office/worker.ts'], outfile: join(outdir, 'office-worker.cjs') }),
  // piscina (bundled into main.cjs) starts its threads from a worker.js beside itself: that file, bundled
  // (its optional @napi-rs/nice, for niceIncrement, which we don't use, stays out)
  build({ ...common, entryPoints: ['node_modules/piscina/dist/worker.js'], outfile: join(outdir, 'worker.js'), external: [...common.external, '@napi-rs/nice'] }),
]);
console.log(`built ${join(outdir, 'main.cjs')} and ${join(outdir, 'preload.cjs')}`);
