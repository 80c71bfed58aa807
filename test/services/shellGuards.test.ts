import { resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftPathsFromArgv, splitWindowsCommandLine, unquote } from '../../electron/main/services/argv.js';
import { channelFor, guardHandler, HOST_METHODS, IpcRefused, isTrustedSender, methodForChannel } from '../../electron/main/services/ipcGuard.js';
import { closeChoice, menuSpec, unsavedChangesDialog } from '../../electron/main/services/menu.js';
import { APP_ENTRY, isAppUrl, isExternalAllowed, isNavigationAllowed } from '../../electron/main/services/navigation.js';
import { CONTENT_SECURITY_POLICY, contentTypeFor, resolveAppRequest, SECURITY_HEADERS } from '../../electron/main/services/protocol.js';
import { mainWindowOptions, windowTitle } from '../../electron/main/services/windowOptions.js';
import { CHANNEL_PREFIX, hostMethods, shellCommands } from '../../shared/ipc/contract.js';

const HOSTILE_URLS = [
  'https://evil.example/',
  'http://report/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'app://report.evil.example/',
  'app://evil/',
  'app://reportx/',
  'app://report@evil.example/',
  'app://user:pw@report/',
  'app://report:8080/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:https://evil.example/uuid',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'app:/report/',
  'APP://EVIL/',
  'not a url',
  '',
  ' app://report/',
];

describe('navigation allow-list', () => {
  it('allows our own origin only', () => {
    expect(isNavigationAllowed(APP_ENTRY)).toBe(true);
    expect(isNavigationAllowed('app://report/index.html#/preview')).toBe(true);
    expect(isNavigationAllowed('app://REPORT/index.html')).toBe(false); // non-special scheme: host compared exactly
    for (const url of HOSTILE_URLS) expect(isNavigationAllowed(url), url).toBe(url === ' app://report/');
  });

  it('a leading space is trimmed by the URL parser: still exactly our origin, nothing else', () => {
    expect(isAppUrl(' app://report/')).toBe(true);
    expect(isAppUrl('app://report\\@evil/')).toBe(false);
  });

  it('openExternal: https on the allow-list only, exact host', () => {
    expect(isExternalAllowed('https://www.gov.cn/zhengce/content/2019-04/15/content_5382991.htm')).toBe(true);
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.example/',
      'https://evil.example/?www.gov.cn',
      'https://www.gov.cn@evil.example/',
      'https://user@www.gov.cn/',
      'https://www.gov.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'javascript:alert(1)',
      'app://report/',
      'https://gov.cn/',
      'garbage',
    ])
      expect(isExternalAllowed(url), url).toBe(false);
  });
});

describe('sender frames and channels', () => {
  const top = { url: 'app://report/index.html', parent: null };
  it('trusts the top frame of our page only', () => {
    expect(isTrustedSender(top)).toBe(true);
    expect(isTrustedSender({ url: 'app://report/index.html', parent: top })).toBe(false); // an iframe
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://report.evil/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: '', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false); // frame already navigated away / destroyed
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'app://report/', parent: undefined })).toBe(false);
  });

  it('channels share the prefix; unknown ones map to nothing', () => {
    for (const m of HOST_METHODS) {
      expect(channelFor(m).startsWith(CHANNEL_PREFIX)).toBe(true);
      expect(methodForChannel(channelFor(m))).toBe(m);
    }
    expect(HOST_METHODS.sort()).toEqual(Object.keys(hostMethods).sort());
    for (const c of ['openDraft', 'gkbg:', 'gkbg:toString', 'gkbg:__proto__', 'gkbg:constructor', 'gkbg:hasOwnProperty', 'other:openDraft', 'GKBG:openDraft', 'gkbg:openDraft ', ''])
      expect(methodForChannel(c), c).toBeNull();
  });

  it('guardHandler checks the frame, parses the argument and the result', async () => {
    const calls: unknown[] = [];
    const id = `f-${'0123456789abcdef'.repeat(2)}`;
    const file = { id, name: '报告 2024.gkbg', location: '/tmp' };
    const handler = guardHandler('openDraftAt', async (arg) => {
      calls.push(arg);
      return { status: 'opened', file, text: '{}' };
    });
    await expect(handler({ senderFrame: top }, { file: id })).resolves.toEqual({ status: 'opened', file, text: '{}' });
    await expect(handler({ senderFrame: { url: 'https://evil.example/', parent: null } }, { file: id })).rejects.toBeInstanceOf(IpcRefused);
    await expect(handler({ senderFrame: { url: 'app://report/', parent: top } }, { file: id })).rejects.toBeInstanceOf(IpcRefused);
    await expect(handler({ senderFrame: null }, { file: id })).rejects.toBeInstanceOf(IpcRefused);
    for (const bad of [undefined, null, 'x', { file: '' }, { file: 7 }, { file: id, extra: 1 }, { path: '/x' }, { file: '/etc/passwd' }, { file: `${id}0` }, [{ file: id }], JSON.parse(`{"__proto__":{"file":"${id}"}}`)])
      await expect(handler({ senderFrame: top }, bad)).rejects.toBeInstanceOf(IpcRefused);
    expect(calls).toEqual([{ file: id }]);
  });

  it('a service returning something off-contract is not passed on', async () => {
    const handler = guardHandler('recentFiles', async () => [{ id: '/a', name: 'x', location: '' }] as unknown as []);
    await expect(handler({ senderFrame: top }, {})).rejects.toThrow();
  });

  it('autosave ids must be plain tokens at the boundary too (length checked by schema)', async () => {
    const handler = guardHandler('discardRecovery', async () => ({ status: 'ok' as const }));
    await expect(handler({ senderFrame: top }, { id: '' })).rejects.toBeInstanceOf(IpcRefused);
    await expect(handler({ senderFrame: top }, { id: 'x'.repeat(201) })).rejects.toBeInstanceOf(IpcRefused);
  });
});

describe('app:// protocol path guard', () => {
  const root = resolve('/opt/app/renderer');
  it('serves files inside the renderer folder', () => {
    expect(resolveAppRequest(root, 'app://report/')).toBe(`${root}${sep}index.html`);
    expect(resolveAppRequest(root, 'app://report/index.html')).toBe(`${root}${sep}index.html`);
    expect(resolveAppRequest(root, 'app://report/assets/index-abc.js?v=1#x')).toBe(`${root}${sep}assets${sep}index-abc.js`);
    expect(resolveAppRequest(root, 'app://report/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(`${root}${sep}assets${sep}字体.woff2`);
  });

  it('dot segments the URL parser resolves are clamped at the root (never outside it)', () => {
    for (const url of [
      'app://report/../../etc/passwd',
      'app://report/%2e%2e/%2e%2e/etc/passwd',
      'app://report/%2E%2E/secret',
      'app://report/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      'app://report/./index.html',
      'app://report/%2e/index.html',
    ]) {
      const r = resolveAppRequest(root, url);
      expect(r, url).not.toBeNull();
      expect(r?.startsWith(`${root}${sep}`), url).toBe(true);
      expect(r, url).not.toContain('..');
    }
  });

  it('refuses traversal in every other spelling, other hosts and schemes', () => {
    for (const url of [
      'app://report/..%2f..%2fetc%2fpasswd',
      'app://report/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://report/..\\..\\windows\\win.ini',
      'app://report/%5c..%5c..%5cwindows%5cwin.ini',
      'app://report/assets%5C..%5C..%5Csecret',
      'app://report/C:/Windows/win.ini',
      'app://report/c%3A%5CWindows%5Cwin.ini',
      'app://report/%00index.html',
      'app://report/index.html%00.png',
      'app://report/%E0%A4%A',
      'app://evil/index.html',
      'app://report.evil/index.html',
      'app://report@evil/index.html',
      'app://report:81/index.html',
      'file:///opt/app/renderer/index.html',
      'https://report/index.html',
      'not a url',
    ])
      expect(resolveAppRequest(root, url), url).toBeNull();
  });

  it('CSP is strict and sent as a header', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'self'/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(contentTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/b.exe')).toBe('application/octet-stream');
  });
});

describe('argv: files to open', () => {
  const cwd = resolve('/home/clerk');
  it('finds draft paths, including quoted Chinese paths with spaces, and ignores switches', () => {
    expect(
      draftPathsFromArgv(
        [
          'C:\\Program Files\\政府信息公开年度报告\\政府信息公开年度报告.exe',
          '--allow-file-access-from-files',
          '--original-process-start-time=1330',
          '"C:\\Users\\张三\\桌面\\某县 2024年 报告.gkbg"',
          '-psn_0_12345',
        ],
        cwd,
      ),
    ).toEqual(['C:\\Users\\张三\\桌面\\某县 2024年 报告.gkbg']);
    expect(draftPathsFromArgv(['electron', '.', '报告.gkbg', '/tmp/x.GKBG', 'notes.txt', '/tmp/x.GKBG'], cwd, { skip: 2 })).toEqual([
      resolve(cwd, '报告.gkbg'),
      '/tmp/x.GKBG',
    ]);
    expect(draftPathsFromArgv(['app', "'/媒体/U盘/年度 报告.gkbg'"], cwd)).toEqual(['/媒体/U盘/年度 报告.gkbg']);
    expect(draftPathsFromArgv(['app', 'file:///C:/Users/%E5%BC%A0%E4%B8%89/a.gkbg'], cwd)).toEqual(['C:/Users/张三/a.gkbg']);
    expect(draftPathsFromArgv(['app', '\\\\server\\共享\\报告.gkbg'], cwd)).toEqual(['\\\\server\\共享\\报告.gkbg']);
    expect(draftPathsFromArgv(['app', 'a.gkbg\u0000.exe', 'evil\u0000.gkbg', '', '""', '--', '--x=a.gkbg'], cwd)).toEqual([]);
  });

  it('splits a Windows command line like CommandLineToArgvW', () => {
    expect(splitWindowsCommandLine('"C:\\Program Files\\app.exe" "D:\\材料\\某县 2024 报告.gkbg"')).toEqual([
      'C:\\Program Files\\app.exe',
      'D:\\材料\\某县 2024 报告.gkbg',
    ]);
    expect(splitWindowsCommandLine('app.exe  a\\\\"b c"  "x""y"  \\\\server\\s')).toEqual(['app.exe', 'a\\b c', 'x"y', '\\\\server\\s']);
    expect(splitWindowsCommandLine('a\\"b ""')).toEqual(['a"b', '']);
    expect(unquote('  "甲 乙"  ')).toBe('甲 乙');
    expect(unquote('"')).toBe('"');
  });
});

describe('window options, title, menu', () => {
  it('the window is isolated, sandboxed, without Node', () => {
    const o = mainWindowOptions('/app/preload.cjs');
    const w = o.webPreferences ?? {};
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.nodeIntegrationInSubFrames).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect(w.preload).toBe('/app/preload.cjs');
    expect('webSecurity' in w).toBe(false);
    expect('allowRunningInsecureContent' in w).toBe(false);
    expect('experimentalFeatures' in w).toBe(false);
    expect('enableBlinkFeatures' in w).toBe(false);
  });

  it('the title shows the file name and 「*」 when unsaved', () => {
    expect(windowTitle('某县2024年报告.gkbg', true)).toBe('*某县2024年报告.gkbg - 政府信息公开年度报告');
    expect(windowTitle('某县2024年报告.gkbg', false)).toBe('某县2024年报告.gkbg - 政府信息公开年度报告');
    expect(windowTitle('', true)).toBe('*未命名 - 政府信息公开年度报告');
  });

  it('menus are Chinese, have the usual shortcuts and send only known commands', () => {
    const items = menuSpec('win32').flatMap((m) => m.items);
    const acc = (label: string) => items.find((i) => 'label' in i && i.label === label);
    expect(acc('新建')).toMatchObject({ accelerator: 'CmdOrCtrl+N', command: 'new' });
    expect(acc('打开…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', command: 'open' });
    expect(acc('保存')).toMatchObject({ accelerator: 'CmdOrCtrl+S', command: 'save' });
    expect(acc('另存为…')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+S', command: 'saveAs' });
    expect(acc('打印…')).toMatchObject({ accelerator: 'CmdOrCtrl+P', command: 'print' });
    expect(acc('撤销')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', command: 'undo' });
    expect(acc('重做')).toMatchObject({ accelerator: 'Ctrl+Y', command: 'redo' });
    expect(acc('最近打开')).toMatchObject({ kind: 'recent' });
    for (const i of items) if (i.kind === 'command') expect(shellCommands).toContain(i.command);
    const accelerators = items.flatMap((i) => ('accelerator' in i && i.accelerator ? [i.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const m of menuSpec()) expect(m.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('close asks 保存 / 不保存 / 取消', () => {
    const d = unsavedChangesDialog('报告.gkbg');
    expect(d.message).toBe('是否保存对「报告.gkbg」的修改？');
    expect(d.buttons).toEqual(['保存', '不保存', '取消']);
    expect([0, 1, 2, 5].map(closeChoice)).toEqual(['save', 'discard', 'cancel', 'cancel']);
  });
});

describe('CSP header and page <meta> agree', () => {
  it('renderer/index.html carries the same policy the protocol sends', async () => {
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    const norm = (p: string) => p.split(';').map((d) => d.trim()).filter(Boolean).sort();
    expect(meta).toBeDefined();
    expect(norm(meta ?? '')).toEqual(norm(CONTENT_SECURITY_POLICY));
  });
});
