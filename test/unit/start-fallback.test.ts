/**
 * `npm start` on a machine without the Electron binary (this build machine): one line saying so, then the renderer
 * served on 127.0.0.1 and its address — never Electron's install stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronBinary } from '../../build/start.js';

describe('npm start without the Electron binary', () => {
  it('finds the binary only where the electron package downloaded it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-pkg-'));
    expect(electronBinary(null)).toBeNull();
    expect(electronBinary(dir)).toBeNull(); // never downloaded: no path.txt
    writeFileSync(join(dir, 'path.txt'), 'electron');
    expect(electronBinary(dir)).toBeNull(); // path.txt but no binary
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
    expect(electronBinary(dir)).toBe(join(dir, 'dist', 'electron'));
  });

  it('says so in one line and serves the app on 127.0.0.1, printing the address', async () => {
    // A built renderer of its own: the test runs before (and apart from) any build of dist/renderer.
    const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>政府信息公开工作年度报告</title>');
    const child = spawn(process.execPath, ['--import', 'tsx', 'build/start.ts'], {
      env: { ...process.env, GKBG_ELECTRON_DIR: '', GKBG_SKIP_BUILD: '1', GKBG_RENDERER_DIR: rendererDir, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const address = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
      });
      const lines = out.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain('没有 Electron');
      expect(lines[1]).toContain(address);
      expect(err).not.toMatch(/Error|at /);
      const res = await fetch(address);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await res.text()).toContain('政府信息公开工作年度报告');
    } finally {
      child.kill();
    }
  }, 30_000);
});
