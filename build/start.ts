/**
 * `npm start`: the desktop app when this machine has the Electron binary; otherwise one line saying so, and the same
 * app in a browser — the renderer built and served on 127.0.0.1 (with the browser host: saving is a download) and its
 * address printed. Never Electron's own install stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serverPort, startServer } from '../electron/main/services/staticServer.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The Electron executable the `electron` package would run, or null when it was never downloaded. */
export function electronBinary(packageDir: string | null): string | null {
  if (!packageDir) return null;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function electronPackageDir(): string | null {
  if (process.env.GKBG_ELECTRON_DIR !== undefined) return process.env.GKBG_ELECTRON_DIR || null;
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/** Run an npm script quietly; its output is shown only when it fails. */
function npmRun(script: string): boolean {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', '-s', script], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status === 0) return true;
  process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
  return false;
}

async function main(): Promise<void> {
  const binary = electronBinary(electronPackageDir());
  if (binary) {
    if (!npmRun('build')) process.exit(1);
    const child = spawn(binary, [root], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  console.log('本机没有 Electron 程序文件（node_modules/electron 未下载），改在浏览器中打开本程序（浏览器版：保存即下载）。');
  if (process.env.GKBG_SKIP_BUILD !== '1' && !npmRun('build:renderer')) process.exit(1);
  const server = await startServer(process.env.GKBG_RENDERER_DIR || join(root, 'dist', 'renderer'), Number(process.env.PORT ?? 4317));
  console.log(`请在浏览器中打开：http://127.0.0.1:${serverPort(server)}/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
