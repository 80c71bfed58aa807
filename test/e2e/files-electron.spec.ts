/**
 * The real Electron window, for machines that have the Electron binary (a developer's connected machine). Here — no
 * binary can be downloaded — it skips itself, saying so. Never `require('electron')` to find out: that downloads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const repo = join(import.meta.dirname, '..', '..');
const pathFile = join(repo, 'node_modules', 'electron', 'path.txt');
const binary = existsSync(pathFile) ? join(repo, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
const available = binary !== null && existsSync(binary);

test.skip(!available, 'Electron binary not installed on this machine (it cannot be downloaded offline): the Electron window test runs where it is');

test('the Electron shell: secure window, preload host, guarded IPC, no navigation away', async () => {
  for (const script of ['build:renderer', 'build:electron']) expect(spawnSync('npm', ['run', '-s', script], { cwd: repo, env: { ...process.env, RENDERER_OUT_DIR: '' } }).status).toBe(0);
  const app = await electron.launch({ executablePath: binary ?? undefined, args: [join(repo, 'dist', 'electron', 'main.cjs')], cwd: repo });
  try {
    const win = await app.firstWindow();
    await expect(win.locator('html[data-editor-ready]')).toHaveCount(1);
    expect(await win.evaluate(() => (window as unknown as { reportHost: { kind: string } }).reportHost.kind)).toBe('electron');
    expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => (window as unknown as { reportHost: { recentFiles: (a: object) => Promise<unknown> } }).reportHost.recentFiles({}))).toEqual(expect.any(Array));
    await win.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await win.waitForTimeout(500);
    expect(win.url()).toMatch(/^app:\/\/report\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toMatch(/政府信息公开年度报告$/);
  } finally {
    await app.close();
  }
});
