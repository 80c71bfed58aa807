import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeWriteError, isTempName, tempPathFor, writeFileAtomic } from '../../electron/main/services/atomicWrite.js';
import { readDraftFile, saveDraftFile, suggestedFileName, withDraftExtension } from '../../electron/main/services/draftFiles.js';
import { parseDraftText, serializeDraft } from '../../shared/schema/draft.js';
import { sampleDraft, sampleText } from './sampleDraft.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gkbg-atomic-'));
});
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('writeFileAtomic', () => {
  it('writes, replaces, and leaves no temp file behind', async () => {
    const f = join(dir, '报告.gkbg');
    await writeFileAtomic(f, 'one');
    await writeFileAtomic(f, 'two');
    expect(await readFile(f, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['报告.gkbg']);
  });

  it('keeps the previous version as .bak when asked', async () => {
    const f = join(dir, 'a.gkbg');
    await writeFileAtomic(f, 'first', { backup: true });
    expect(await readdir(dir)).toEqual(['a.gkbg']); // nothing to back up the first time
    await writeFileAtomic(f, 'second', { backup: true });
    await writeFileAtomic(f, 'third', { backup: true });
    expect(await readFile(f, 'utf8')).toBe('third');
    expect(await readFile(`${f}.bak`, 'utf8')).toBe('second');
  });

  it('a failure between the temp file and the rename leaves the old file intact and no temp', async () => {
    const f = join(dir, 'a.gkbg');
    await writeFileAtomic(f, 'old');
    let tempSeen = '';
    await expect(
      writeFileAtomic(f, 'new', {
        beforeRename: async (temp) => {
          tempSeen = temp;
          expect(await readFile(temp, 'utf8')).toBe('new'); // the temp really was written
          throw Object.assign(new Error('injected'), { code: 'EIO' });
        },
      }),
    ).rejects.toThrow('injected');
    expect(tempSeen).not.toBe('');
    expect(await readFile(f, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['a.gkbg']);
  });

  it('temp names live in the same folder and are recognisable', () => {
    const t = tempPathFor(join(dir, 'x.gkbg'));
    expect(t.startsWith(dir)).toBe(true);
    expect(isTempName(t.slice(dir.length + 1))).toBe(true);
    expect(isTempName('x.gkbg')).toBe(false);
    expect(isTempName('.x.gkbg.bak')).toBe(false);
  });

  it('a folder that is gone gives ENOENT and a Chinese message naming it', async () => {
    const f = join(dir, 'gone', 'a.gkbg');
    const err = await writeFileAtomic(f, 'x').catch((e: unknown) => e);
    expect(describeWriteError(err, f)).toBe('无法保存「a.gkbg」：所在文件夹不存在（可能已被移动、删除或 U 盘已拔出）');
  });

  it('describes disk full, read-only and permission errors in Chinese', () => {
    expect(describeWriteError({ code: 'ENOSPC' }, '/x/报告.gkbg')).toContain('磁盘空间不足');
    expect(describeWriteError({ code: 'EROFS' }, '/x/报告.gkbg')).toContain('只读');
    expect(describeWriteError({ code: 'EACCES' }, '/x/报告.gkbg')).toContain('没有写入权限');
    expect(describeWriteError({ code: 'EBUSY' }, '/x/报告.gkbg')).toContain('占用');
    expect(describeWriteError(new Error('x'), '/x/报告.gkbg')).toBe('无法保存「报告.gkbg」（发生未知错误）');
  });
});

describe('draft files', () => {
  it('saves and reads back exactly, with a backup of the previous version', async () => {
    const f = join(dir, '某县2024年报告.gkbg');
    const text = sampleText();
    expect(await saveDraftFile(f, text)).toEqual({ ok: true, path: f });
    const changed = sampleDraft();
    changed.meta.organ = '改名后的机关';
    const text2 = serializeDraft(changed);
    expect((await saveDraftFile(f, text2)).ok).toBe(true);
    const back = await readDraftFile(f);
    expect(back.ok && back.text).toBe(text2);
    expect(back.ok && back.draft.meta.organ).toBe('改名后的机关');
    const bak = await readDraftFile(`${f}.bak`);
    expect(bak.ok && bak.text).toBe(text);
  });

  it('refuses to write an invalid draft and leaves the file unchanged', async () => {
    const f = join(dir, 'a.gkbg');
    await saveDraftFile(f, sampleText());
    const r = await saveDraftFile(f, '{"app":"gov-disclosure-report"');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('未保存');
    expect(await readFile(f, 'utf8')).toBe(sampleText());
  });

  it('a failure injected before the rename leaves the old draft loadable', async () => {
    const f = join(dir, 'a.gkbg');
    await saveDraftFile(f, sampleText(2023));
    const r = await saveDraftFile(f, sampleText(2024), {
      beforeRename: () => {
        throw Object.assign(new Error('power cut'), { code: 'EIO' });
      },
    });
    expect(r).toEqual({ ok: false, error: '无法保存「a.gkbg」：磁盘读写出错。草稿仍在程序中，没有丢失，请换一个位置另存。' });
    const back = await readDraftFile(f);
    expect(back.ok && back.draft.year).toBe(2023);
    expect((await readdir(dir)).sort()).toEqual(['a.gkbg', 'a.gkbg.bak']);
  });

  it('a folder that can\'t be written gives a clear message and changes nothing', async () => {
    const f = join(dir, 'a.gkbg');
    await saveDraftFile(f, sampleText(2023));
    // As root permissions don't stop writes, so use a place the kernel refuses (/sys) instead of chmod.
    const target = isRoot && process.platform === 'linux' ? '/sys/某县报告.gkbg' : f;
    if (!isRoot) await chmod(dir, 0o555);
    const r = await saveDraftFile(target, sampleText(2024));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('没有写入权限');
    expect(!r.ok && r.error).toContain('草稿仍在程序中，没有丢失');
    await chmod(dir, 0o755);
    const back = await readDraftFile(f);
    expect(back.ok && back.draft.year).toBe(2023);
  });

  it('a read-only target file (root or not) is reported, not half-written', async () => {
    // Simulate by making the target a folder: rename over a non-empty folder fails on every platform.
    const f = join(dir, 'a.gkbg');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(f, 'inside'), { recursive: true }));
    const r = await saveDraftFile(f, sampleText());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/无法保存「a\.gkbg」/);
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  it('reading a corrupt, empty, foreign or missing file gives a Chinese reason', async () => {
    const cases: [string, string | null, RegExp][] = [
      ['trunc.gkbg', sampleText().slice(0, 200), /已损坏或被截断/],
      ['empty.gkbg', '', /文件是空的/],
      ['other.gkbg', '{"hello":1}', /不是本程序保存的/],
      ['bin.gkbg', '\u0000\u0001binary', /不是有效的草稿格式/],
      ['missing.gkbg', null, /文件不存在/],
    ];
    for (const [name, content, re] of cases) {
      const f = join(dir, name);
      if (content !== null) await writeFile(f, content);
      const r = await readDraftFile(f);
      expect(r.ok, name).toBe(false);
      expect(!r.ok && r.error, name).toMatch(re);
      expect(!r.ok && r.error, name).toContain(`无法打开「${name}」`);
    }
    const bad = join(dir, 'latin1.gkbg');
    await writeFile(bad, Buffer.from([0xff, 0xfe, 0x00, 0xc3]));
    expect((await readDraftFile(bad)).ok).toBe(false);
  });

  it('disk full while saving: a clear message, the old draft and its backup intact, no temp left', async () => {
    const f = join(dir, 'a.gkbg');
    await saveDraftFile(f, sampleText(2022));
    await saveDraftFile(f, sampleText(2023));
    const r = await saveDraftFile(f, sampleText(2024), {
      beforeRename: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    });
    expect(r).toEqual({ ok: false, error: '无法保存「a.gkbg」：磁盘空间不足。草稿仍在程序中，没有丢失，请换一个位置另存。' });
    const back = await readDraftFile(f);
    expect(back.ok && back.draft.year).toBe(2023);
    const bak = await readDraftFile(`${f}.bak`);
    expect(bak.ok && bak.draft.year).toBe(2023); // the backup was refreshed before the failed rename: still a good copy
    expect((await readdir(dir)).filter(isTempName)).toEqual([]);
  });

  it('names: the extension is added once, unsafe characters removed', () => {
    expect(withDraftExtension('/a/报告')).toBe('/a/报告.gkbg');
    expect(withDraftExtension('/a/报告.GKBG')).toBe('/a/报告.GKBG');
    expect(suggestedFileName('某县:2024/年*报告?')).toBe('某县2024年报告.gkbg');
    expect(suggestedFileName('  ')).toBe('政府信息公开工作年度报告.gkbg');
    expect(parseDraftText(sampleText()).ok).toBe(true);
  });
});
