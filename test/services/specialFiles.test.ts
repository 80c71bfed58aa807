/**
 * Special files and symlinks named `.gkbg`: a FIFO, a device or a socket is refused before it is opened, for reading
 * and for saving (opening a FIFO blocks until a writer comes — and with it every later save); a symlinked draft is
 * saved through to its target, never replaced by a regular file. Every message is Chinese and names the right file.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeUtf8, isTempName } from '../../electron/main/services/atomicWrite.js';
import { readDraftFile, readRegularText, saveDraftFile } from '../../electron/main/services/draftFiles.js';
import { describeFileError, describeFolderError, type FileAction } from '../../electron/main/services/fsErrors.js';
import { createFileServices } from '../../electron/main/services/hostServices.js';
import { sampleText } from './sampleDraft.js';

const posix = process.platform !== 'win32';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-special-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function mkfifo(path: string): void {
  execFileSync('mkfifo', [path]);
}

async function socketAt(path: string): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(path, resolve));
  return server;
}

describe.runIf(posix)('special files named .gkbg', () => {
  it('a FIFO is refused for opening and for saving, and later saves still work', async () => {
    const fifo = join(dir, '管道.gkbg');
    mkfifo(fifo);
    const read = await readDraftFile(fifo);
    expect(read).toEqual({ ok: false, error: '无法打开「管道.gkbg」：这不是普通文件（可能是管道、设备或文件夹）' });
    // the old code copied the FIFO to make a backup and blocked forever: more than the thread pool's 4 saves
    for (let i = 0; i < 6; i++) {
      const saved = await saveDraftFile(fifo, sampleText());
      expect(saved.ok).toBe(false);
      expect(!saved.ok && saved.error).toBe('无法保存「管道.gkbg」：这不是普通文件（可能是管道、设备或文件夹）。草稿仍在程序中，没有丢失，请换一个位置另存。');
    }
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    const normal = join(dir, '正常.gkbg');
    expect(await saveDraftFile(normal, sampleText())).toEqual({ ok: true, path: normal });
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  // Saving goes to a device node of the test's own (mknod needs root; the run shows it skipped otherwise): a regression
  // that renamed over the target would otherwise replace the machine's /dev/zero with a draft (it did once, as root).
  const deviceDir = mkdtempSync(join(tmpdir(), 'gkbg-device-'));
  const ownDevice = join(deviceDir, 'zero');
  const canMakeDevice = spawnSync('mknod', [ownDevice, 'c', '1', '5']).status === 0;
  it.runIf(canMakeDevice)('saving through a .gkbg symlink to a device is refused and leaves the device a device', async () => {
    const device = join(dir, '自己的设备.gkbg');
    await symlink(ownDevice, device);
    const saved = await saveDraftFile(device, sampleText());
    expect(!saved.ok && saved.error).toMatch(/^无法保存「(自己的设备\.gkbg|zero)」：这不是普通文件/);
    expect((await lstat(ownDevice)).isCharacterDevice()).toBe(true);
    rmSync(deviceDir, { recursive: true, force: true });
  });

  it('a device (through a .gkbg symlink) and a socket are refused before they are opened', async () => {
    const device = join(dir, '设备.gkbg');
    await symlink('/dev/zero', device);
    expect(await readDraftFile(device)).toEqual({ ok: false, error: '无法打开「设备.gkbg」：这不是普通文件（可能是管道、设备或文件夹）' });
    const sock = join(dir, 's.gkbg');
    const server = await socketAt(sock);
    try {
      expect((await readDraftFile(sock)).ok).toBe(false);
      const r = await saveDraftFile(sock, sampleText());
      expect(!r.ok && r.error).toContain('这不是普通文件');
    } finally {
      server.close();
    }
  });

  it('a symlinked draft is saved through to its target; the link stays a link', async () => {
    await mkdir(join(dir, '共享盘'));
    const real = join(dir, '共享盘', '报告.gkbg');
    await writeFile(real, sampleText(2023));
    const link = join(dir, '快捷方式.gkbg');
    await symlink(real, link);
    expect(await saveDraftFile(link, sampleText(2024))).toEqual({ ok: true, path: link });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe(sampleText(2024));
    // the backup sits beside the real file, the folder holding the link has nothing else
    expect(await readFile(`${real}.bak`, 'utf8')).toBe(sampleText(2023));
    expect((await readdir(dir)).sort()).toEqual(['共享盘', '快捷方式.gkbg']);
    // a relative link too
    const rel = join(dir, '相对.gkbg');
    await symlink(join('共享盘', '报告.gkbg'), rel);
    expect((await saveDraftFile(rel, sampleText(2022))).ok).toBe(true);
    expect((await lstat(rel)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toBe(sampleText(2022));
  });

  it('a symlink loop is refused with a Chinese message', async () => {
    const a = join(dir, 'a.gkbg');
    const b = join(dir, 'b.gkbg');
    await symlink(b, a);
    await symlink(a, b);
    const r = await saveDraftFile(a, sampleText());
    expect(!r.ok && r.error).toMatch(/^无法保存「[ab]\.gkbg」：/);
    expect(!r.ok && r.error).not.toMatch(/[A-Z]{4,}/);
  });
});

describe('messages the clerk sees', () => {
  it('a .bak that is a folder names the .bak, not the draft', async () => {
    const f = join(dir, '报告.gkbg');
    await writeFile(f, sampleText(2023));
    await mkdir(join(dir, '报告.gkbg.bak', '里面'), { recursive: true });
    const r = await saveDraftFile(f, sampleText(2024));
    expect(r).toEqual({ ok: false, error: '无法保存「报告.gkbg.bak」：同名的文件夹已存在。草稿仍在程序中，没有丢失，请换一个位置另存。' });
    expect(await readFile(f, 'utf8')).toBe(sampleText(2023));
  });

  it('a failed autosave names the draft, not the recovery file or its folder', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    await writeFile(join(data, 'recovery'), 'a file where the recovery folder should be');
    const files = createFileServices({ dataDir: data, dialogs: { chooseOpen: async () => null, chooseSave: async () => null } });
    const r = await files.autosave({ id: 's1', file: null, title: '某县报告.gkbg', text: sampleText() });
    expect(r).toEqual({ status: 'error', message: '自动保存失败「某县报告.gkbg」（发生未知错误）。已输入的内容仍在窗口中，请尽快保存。' });
  });

  it('no error code, English or temp path ever reaches a message', () => {
    const temp = join(dir, `.报告.gkbg.abcdef-123.0123abcd.tmp`);
    const codes = ['ENOSPC', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EBUSY', 'EIO', 'EMFILE', 'ELOOP', 'EDQUOT', 'EXDEV', 'EWHATEVER', ''];
    const actions: FileAction[] = ['save', 'open', 'read', 'autosave', 'export'];
    for (const code of codes)
      for (const action of actions) {
        const e = Object.assign(new Error(`${code}: something, open '${temp}'`), { code, path: temp });
        const m = describeFileError(e, join(dir, '报告.gkbg'), action);
        expect(m, `${code} ${action}`).toMatch(/「报告\.gkbg」/);
        expect(m.replace('「报告.gkbg」', ''), `${code} ${action}`).not.toMatch(/[A-Za-z]{3,}|\.tmp|[\\/]/);
      }
  });

  it('a folder a review reads is named by its name, with the reason and no error code', () => {
    const folder = join(dir, '各单位报告');
    const gone = Object.assign(new Error(`ENOENT: no such file or directory, scandir '${folder}'`), { code: 'ENOENT', path: folder });
    expect(describeFolderError(gone, folder)).toBe('无法读取文件夹「各单位报告」：文件夹不存在（可能已被移动、删除或 U 盘已拔出）');
    const odd = Object.assign(new Error('EWHATEVER: odd'), { code: 'EWHATEVER' });
    expect(describeFolderError(odd, folder)).toBe('无法读取文件夹「各单位报告」（发生未知错误）');
  });
  it('a file the command line reads says 无法读取 and why, the way a draft opened for editing does', () => {
    const gone = Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    expect(describeFileError(gone, join(dir, '报告.json'), 'read')).toBe('无法读取「报告.json」：文件不存在（可能已被移动、删除或 U 盘已拔出）');
  });
  it('a file over the limit is refused by its size, named, in the one wording of a refusal by size', async () => {
    const big = join(dir, '大报告.json');
    await writeFile(big, Buffer.alloc(1.5 * 1024 * 1024, 0x20));
    expect(await readRegularText(big, { limit: 1024 * 1024, action: 'read' })).toEqual({ ok: false, error: '无法读取「大报告.json」：文件过大（1.5 MB，上限 1 MB）' });
    expect(await readRegularText(big, { limit: 1024 * 1024 })).toEqual({ ok: false, error: '无法打开「大报告.json」：文件过大（1.5 MB，上限 1 MB）' });
  });
  it('only bytes that are not UTF-8 count as 「not UTF-8」: any other failure of the decoder is not hidden behind it', () => {
    expect(decodeUtf8(Buffer.from([0x7b, 0xb1, 0xa8, 0x7d]))).toBeNull();
    expect(decodeUtf8(Buffer.from('{"年度":2025}'))).toBe('{"年度":2025}');
    // a wrong argument is a bug, not a GBK file: it throws (a catch-all for TypeError once called it 「not UTF-8」)
    expect(() => decodeUtf8('not bytes' as unknown as Uint8Array)).toThrow(TypeError);
  });
  it('a file that is not UTF-8 text, read by the command line, says so by its name', async () => {
    const gbk = join(dir, '报告.json');
    await writeFile(gbk, Buffer.from([0x7b, 0xb1, 0xa8, 0xb8, 0xe6, 0x7d])); // 「{报告}」 in GBK
    expect(await readRegularText(gbk, { action: 'read' })).toEqual({ ok: false, error: '无法读取「报告.json」：文件不是 UTF-8 文本' });
  });
});
