/**
 * Packaging without a connected machine (engineering §6): the electron-builder config is validated against the
 * scheme.json shipped in app-builder-lib, then `electron-builder --dir` packs the real bundles offline with
 * `-c.electronDist=<stand-in>`: a folder holding a stand-in executable that carries Electron's fuse sentinel, a
 * version file and locale files. The packed app is checked: asar contents, flipped fuses, filtered locales.
 */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'] as const;

type Config = Record<string, unknown> & {
  nsis: Record<string, unknown>;
  electronFuses: Record<(typeof FUSES)[number], boolean>;
  fileAssociations: { ext: string }[];
  linux: { target: string[]; executableName: string };
};

async function loadConfig(): Promise<Config> {
  return JSON.parse(await readFile(join(repo, 'build', 'electron-builder.json'), 'utf8')) as Config;
}

async function validator() {
  const schema = JSON.parse(await readFile(join(repo, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

describe('electron-builder config', () => {
  it('validates against app-builder-lib/scheme.json, and the validator does reject broken configs', async () => {
    const validate = await validator();
    const config = await loadConfig();
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: 'yes' } })).toBe(false);
    expect(validate({ ...config, fileAssociations: [{ name: 'x' }] })).toBe(false);
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('Windows: per-machine NSIS in Chinese; Linux AppImage; .gkbg associated; fuses off for what is unused', async () => {
    const c = await loadConfig();
    expect(c.nsis.perMachine).toBe(true);
    expect(c.nsis.oneClick).toBe(false);
    expect(c.nsis.installerLanguages).toEqual(['zh_CN']);
    expect(c.linux.target).toEqual(['AppImage']);
    expect(c.fileAssociations.map((a) => a.ext)).toEqual(['gkbg']);
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('icons exist: PNG 512 and an ICO with a 256 entry', async () => {
    const png = await readFile(join(repo, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    const ico = await readFile(join(repo, 'build', 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
    expect((await readdir(join(repo, 'build', 'icons'))).sort()).toContain('256x256.png');
  });
});

describe('electron-builder --dir, offline, with a stand-in Electron', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'gkbg-pack-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('packs the bundles into app.asar, flips the fuses, keeps only the Chinese and English locales', async () => {
    // 1. the bundles
    const app = join(work, 'app');
    const built = spawnSync(process.execPath, [join(repo, 'build', 'build-electron.mjs'), '--outdir', join(app, 'dist', 'electron')], { cwd: repo, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    await mkdir(join(app, 'dist', 'renderer'), { recursive: true });
    await writeFile(join(app, 'dist', 'renderer', 'index.html'), '<!doctype html><title>stand-in</title>');
    const pkg = JSON.parse(await readFile(join(repo, 'package.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(
      join(app, 'package.json'),
      JSON.stringify({ name: pkg.name, productName: pkg.productName, version: pkg.version, description: pkg.description, author: pkg.author, main: pkg.main }),
    );

    // 2. the stand-in Electron distribution: executable with the fuse wire (Electron's defaults), version, locales
    const dist = join(work, 'electron-dist');
    await mkdir(join(dist, 'locales'), { recursive: true });
    await mkdir(join(dist, 'resources'), { recursive: true });
    const defaults = '10110001'; // runAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, asar-only off, v8 snapshot off, file privileges on
    const exe = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# '), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(defaults), Buffer.from('\n')]);
    await writeFile(join(dist, 'electron'), exe);
    await chmod(join(dist, 'electron'), 0o755);
    await writeFile(join(dist, 'version'), 'v45.4.1');
    for (const l of ['zh-CN', 'en-US', 'fr', 'de']) await writeFile(join(dist, 'locales', `${l}.pak`), '');

    // 3. pack
    const out = join(work, 'out');
    const r = spawnSync(
      join(repo, 'node_modules', '.bin', 'electron-builder'),
      ['--dir', '--linux', '--x64', '--config', join(repo, 'build', 'electron-builder.json'), `-c.electronDist=${dist}`, `-c.directories.output=${out}`, `-c.directories.app=${app}`, '-c.electronVersion=45.4.1', '--publish', 'never'],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' }, timeout: 240_000 },
    );
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

    // 4. what was packed
    const unpacked = join(out, 'linux-unpacked');
    const names = await readdir(unpacked);
    expect(names).toContain('gov-disclosure-report');
    expect((await readdir(join(unpacked, 'locales'))).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
    const { listPackage } = await import('@electron/asar');
    const files = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((f) => f.replace(/\\/g, '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']));
    expect(files.some((f) => f.includes('node_modules'))).toBe(false);

    // 5. the fuses in the packed executable are as configured
    const packed = await readFile(join(unpacked, 'gov-disclosure-report'));
    const at = packed.indexOf(SENTINEL) + SENTINEL.length;
    const wire = packed.subarray(at + 2, at + 2 + packed[at + 1]!).toString('ascii');
    const config = await loadConfig();
    expect(wire).toBe(FUSES.map((f) => (config.electronFuses[f] ? '1' : '0')).join(''));
  }, 300_000);
});
