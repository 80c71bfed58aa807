/**
 * Renderer build: static files under dist/renderer (relative `base` so they open from app:// in Electron and
 * from any local web server). JSX is compiled by Vite's own transformer with the automatic runtime; no plugin.
 * `RENDERER_OUT_DIR` builds elsewhere (benchmarks and isolated test runs).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(root, '..');

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: process.env.RENDERER_OUT_DIR ? resolve(process.env.RENDERER_OUT_DIR) : resolve(repo, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', fs: { allow: [repo] } },
  preview: { host: '127.0.0.1' },
});
