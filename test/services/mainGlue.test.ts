/**
 * The Electron glue, loaded in Node with a recording stand-in for the `electron` module (no binary here): the compiled
 * dist/electron/main.cjs and preload.cjs must wire the tested services exactly — every host channel registered once
 * behind the guard, the window's secure options, app:// served with the path guard, navigation and new windows refused,
 * permissions denied, unsaved changes asked about on close, second-instance files forwarded; the preload exposes one
 * object whose methods each invoke their own channel.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, HOST_GLOBAL, hostMethods, SHELL_EVENT_CHANNEL } from '../../shared/ipc/contract.js';
import { importFileFilters } from '../../electron/main/services/dialogFilters.js';
import { SECTION_KEYS } from '../../shared/report/format.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';

type Listener = (...args: unknown[]) => unknown;

const repo = join(import.meta.dirname, '..', '..');
let work: string;

function emitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on(event: string, fn: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
      return this;
    },
    once(event: string, fn: Listener) {
      return this.on(event, fn);
    },
    emit(event: string, ...args: unknown[]) {
      for (const fn of listeners.get(event) ?? []) fn(...args);
    },
  };
}

function fakeElectron(userData: string) {
  const rec = {
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: { url: string; method: string }) => Promise<Response>>(),
    handlers: new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>(),
    windows: [] as { options: Record<string, unknown>; titles: string[]; loaded: string[]; loadedBytes: number[]; sent: unknown[][]; closed: number; killed: number; destroyed: number; win: ReturnType<typeof emitter>; contents: ReturnType<typeof emitter> }[],
    menu: null as unknown,
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    opened: [] as string[],
    messageBoxResponse: 2,
    messageBoxes: [] as unknown[],
    openDialogs: [] as { title?: string; filters?: unknown }[],
    quit: 0,
  };
  const app = Object.assign(emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    quit: () => void rec.quit++,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => join(userData, name),
    addRecentDocument: () => undefined,
    getName: () => '政府信息公开年度报告',
    getVersion: () => '0.1.0',
  });
  class BrowserWindow {
    readonly r;
    readonly webContents;
    constructor(options: Record<string, unknown>) {
      const win = emitter();
      const contents = emitter();
      this.r = { options, titles: [] as string[], loaded: [] as string[], loadedBytes: [] as number[], sent: [] as unknown[][], closed: 0, killed: 0, destroyed: 0, win, contents };
      rec.windows.push(this.r);
      this.webContents = {
        send: (...a: unknown[]) => void this.r.sent.push(a),
        on: (e: string, fn: Listener) => contents.on(e, fn),
        forcefullyCrashRenderer: () => void this.r.killed++,
        // no Chromium here: a print window gets as far as loading its page
        executeJavaScript: () => Promise.reject(new Error('no renderer in this test')),
      };
    }
    on(e: string, fn: Listener) {
      this.r.win.on(e, fn);
      return this;
    }
    once(e: string, fn: Listener) {
      this.r.win.on(e, fn);
      return this;
    }
    setTitle(t: string) {
      this.r.titles.push(t);
    }
    setDocumentEdited() {}
    loadURL(u: string) {
      this.r.loaded.push(u);
      if (u.startsWith('file:')) this.r.loadedBytes.push(statSync(fileURLToPath(u)).size);
      return Promise.resolve();
    }
    destroy() {
      this.r.destroyed++;
    }
    show() {}
    close() {
      this.r.closed++;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
  }
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => void rec.schemes.push(...s),
      handle: (scheme: string, fn: (req: { url: string; method: string }) => Promise<Response>) => void rec.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof rec.permissionRequest) => void (rec.permissionRequest = fn),
        setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => void (rec.permissionCheck = fn),
        setDevicePermissionHandler: () => undefined,
      },
    },
    shell: { openExternal: async (u: string) => void rec.opened.push(u) },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, arg: unknown) => Promise<unknown>) => {
        if (rec.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        rec.handlers.set(channel, fn);
      },
    },
    dialog: {
      showOpenDialog: async (_win: unknown, options: { title?: string; filters?: unknown }) => {
        rec.openDialogs.push(options);
        return { canceled: true, filePaths: [] };
      },
      showSaveDialog: async () => ({ canceled: true }),
      showMessageBox: async (_w: unknown, o: unknown) => {
        rec.messageBoxes.push(o);
        return { response: rec.messageBoxResponse };
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void (rec.menu = m) },
  };
  return { electron, rec };
}

function loadWith(file: string, electron: unknown): void {
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return electron;
    return original.call(this, request, ...rest);
  };
  try {
    createRequire(import.meta.url)(file);
  } finally {
    mod._load = original;
  }
}

const trusted = { senderFrame: { url: 'app://report/index.html', parent: null } };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'gkbg-glue-'));
  // dist/electron/{main,preload}.cjs as `npm run build:electron` makes them, built into this test's own folder
  const built = spawnSync(process.execPath, [join(repo, 'build', 'build-electron.mjs'), '--outdir', join(work, 'electron')], { cwd: repo, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  await mkdir(join(work, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(work, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(work, 'secret.txt'), 'outside the renderer folder');
}, 120_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('main process glue (dist/electron/main.cjs)', () => {
  let rec: ReturnType<typeof fakeElectron>['rec'];
  let app: ReturnType<typeof fakeElectron>['electron']['app'];
  beforeAll(async () => {
    const fake = fakeElectron(join(work, 'userData'));
    rec = fake.rec;
    app = fake.electron.app;
    const argv = process.argv;
    process.argv = [argv[0] ?? 'node', '.', join(work, '启动 文件.gkbg')];
    try {
      loadWith(join(work, 'electron', 'main.cjs'), fake.electron);
    } finally {
      process.argv = argv;
    }
    await new Promise((r) => setTimeout(r, 50));
  }, 120_000);

  it('registers app:// as a standard secure scheme and one guarded handler per host method', () => {
    expect(rec.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect([...rec.handlers.keys()].sort()).toEqual(Object.keys(hostMethods).map((m) => `${CHANNEL_PREFIX}${m}`).sort());
  });

  it('handlers refuse untrusted senders and bad arguments, and serve trusted ones', async () => {
    const recent = rec.handlers.get(`${CHANNEL_PREFIX}recentFiles`)!;
    await expect(recent({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).rejects.toThrow(/untrusted/);
    await expect(recent({ senderFrame: { url: 'app://report/', parent: {} } }, {})).rejects.toThrow(/untrusted/);
    await expect(recent(trusted, { x: 1 })).rejects.toThrow(/invalid argument/);
    await expect(recent(trusted, {})).resolves.toEqual([]);
    const pending = rec.handlers.get(`${CHANNEL_PREFIX}pendingOpens`)!;
    await expect(pending(trusted, {})).resolves.toEqual([{ id: expect.stringMatching(/^f-[0-9a-f]{32}$/), name: '启动 文件.gkbg', location: work }]);
    await expect(pending(trusted, {})).resolves.toEqual([]);
  });

  it('offers the import dialog the file types the services declare (no second list in the glue)', async () => {
    const importPublished = rec.handlers.get(`${CHANNEL_PREFIX}importPublished`)!;
    await importPublished(trusted, {}).catch(() => undefined);
    const shown = rec.openDialogs.find((d) => d.title === '导入已发布的报告');
    expect(shown?.filters).toEqual(importFileFilters());
  });

  it('opens one window with the secure options on app://report/index.html, with a Chinese menu', () => {
    expect(rec.windows.length).toBe(1);
    const w = rec.windows[0]!;
    const prefs = w.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: join(work, 'electron', 'preload.cjs') });
    expect(w.loaded).toEqual(['app://report/index.html']);
    const menu = rec.menu as { label: string; submenu: { label?: string; accelerator?: string }[] }[];
    expect(menu.map((m) => m.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(menu[0]!.submenu.find((i) => i.label === '保存')?.accelerator).toBe('CmdOrCtrl+S');
  });

  it('serves the renderer folder and nothing outside it', async () => {
    const handler = rec.protocolHandlers.get('app')!;
    const ok = await handler({ url: 'app://report/index.html', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'/);
    expect(ok.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    for (const url of ['app://report/..%2fsecret.txt', 'app://report/%2e%2e%5csecret.txt', 'app://evil/index.html', 'app://report/missing.js']) {
      const r = await handler({ url, method: 'GET' });
      expect(r.status, url).toBe(404);
    }
    expect((await handler({ url: 'app://report/../secret.txt', method: 'GET' })).status).toBe(404);
  });

  it('refuses navigation away, new windows and webviews; openExternal only for the allow-list; permissions denied', () => {
    const contents = Object.assign(emitter(), { openHandler: null as null | ((d: { url: string }) => { action: string }) });
    const wc = Object.assign(contents, { setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => void (contents.openHandler = fn) });
    app.emit('web-contents-created', {}, wc);
    const nav = (event: string, url: string) => {
      let prevented = false;
      wc.emit(event, { preventDefault: () => void (prevented = true) }, url);
      return prevented;
    };
    expect(nav('will-navigate', 'https://evil.example/')).toBe(true);
    expect(nav('will-navigate', 'app://report.evil/')).toBe(true);
    expect(nav('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(nav('will-navigate', 'app://report/index.html#x')).toBe(false);
    expect(nav('will-redirect', 'http://report/')).toBe(true);
    expect(nav('will-attach-webview', 'app://report/')).toBe(true);
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://www.gov.cn/zhengce/' })).toEqual({ action: 'deny' });
    expect(rec.opened).toEqual(['https://www.gov.cn/zhengce/']);
    let granted: boolean | null = null;
    rec.permissionRequest?.({}, 'media', (ok) => void (granted = ok));
    expect(granted).toBe(false);
    expect(rec.permissionCheck?.()).toBe(false);
  });

  it('the title follows the document; closing with unsaved changes asks, 取消 keeps the window', async () => {
    const w = rec.windows[0]!;
    const state = rec.handlers.get(`${CHANNEL_PREFIX}setDocumentState`)!;
    await state(trusted, { title: '某县2024年报告.gkbg', dirty: true });
    expect(w.titles.at(-1)).toBe('*某县2024年报告.gkbg - 政府信息公开年度报告');
    let prevented = false;
    rec.messageBoxResponse = 2; // 取消
    w.win.emit('close', { preventDefault: () => void (prevented = true) });
    await new Promise((r) => setTimeout(r, 20));
    expect(prevented).toBe(true);
    expect(rec.messageBoxes.at(-1)).toMatchObject({ message: '是否保存对「某县2024年报告.gkbg」的修改？', buttons: ['保存', '不保存', '取消'] });
    expect(w.closed).toBe(0);
    // 保存: the page is told to save; once it reports a clean state the window closes
    rec.messageBoxResponse = 0;
    w.win.emit('close', { preventDefault: () => undefined });
    await new Promise((r) => setTimeout(r, 20));
    expect(w.sent.at(-1)).toEqual([SHELL_EVENT_CHANNEL, { type: 'command', command: 'save' }]);
    await state(trusted, { title: '某县2024年报告.gkbg', dirty: false });
    expect(w.closed).toBe(1);
  });

  it('a crashed page is reloaded and its autosave kept; a hung one asks 等待 / 重新加载', async () => {
    const w = rec.windows[0]!;
    const autosave = rec.handlers.get(`${CHANNEL_PREFIX}autosave`)!;
    const text = JSON.stringify({ app: 'x' }); // any text: the store keeps what it is given
    await autosave(trusted, { id: 'crashing-page', file: null, title: '未命名', text });
    const loaded = w.loaded.length;
    w.contents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(w.loaded.length).toBe(loaded + 1);
    expect(w.loaded.at(-1)).toBe('app://report/index.html');
    w.contents.emit('render-process-gone', {}, { reason: 'clean-exit' });
    expect(w.loaded.length).toBe(loaded + 1);
    rec.messageBoxResponse = 1; // 重新加载
    w.win.emit('unresponsive');
    await new Promise((r) => setTimeout(r, 20));
    expect(rec.messageBoxes.at(-1)).toMatchObject({ title: '程序没有响应', buttons: ['等待', '重新加载'] });
    expect(w.killed).toBe(1);
    expect(w.loaded.length).toBe(loaded + 2);
  });

  it('printing a large report (over 2 MB of HTML) loads it in a hidden window from a temp file, never a data: URL', async () => {
    const draft = newDraft({ year: 2024, organ: '某某县人民政府' });
    for (const k of SECTION_KEYS) draft.sections[k] = '政务公开工作有序推进。'.repeat(12_000);
    const print = rec.handlers.get(`${CHANNEL_PREFIX}print`)!;
    const before = rec.windows.length;
    await print(trusted, { text: serializeDraft(draft) }).catch(() => undefined); // no Chromium: it stops after loading
    const printWindow = rec.windows[before];
    expect(printWindow?.loaded.length).toBe(1);
    const url = printWindow?.loaded[0] ?? '';
    expect(url).toMatch(/^file:/);
    expect(printWindow?.loadedBytes[0]).toBeGreaterThan(2 * 1024 * 1024);
    expect(printWindow?.destroyed).toBe(1);
    expect(existsSync(fileURLToPath(url))).toBe(false); // the private temp file is removed afterwards
  });

  it('a file opened in a second instance goes to the running window', () => {
    const w = rec.windows[0]!;
    app.emit('second-instance', {}, ['C:\\app\\gkbg.exe', '"D:\\材料\\某县 2025.gkbg"'], 'D:\\');
    // main keeps the path; the page gets an opaque id and a name to show
    expect(w.sent.at(-1)).toEqual([SHELL_EVENT_CHANNEL, { type: 'open-file', file: { id: expect.stringMatching(/^f-[0-9a-f]{32}$/), name: expect.stringContaining('某县 2025.gkbg'), location: expect.any(String) } }]);
  });
});

describe('preload (dist/electron/preload.cjs)', () => {
  it('exposes one object; each method invokes its own channel; shell events are validated', async () => {
    const exposed: [string, Record<string, unknown>][] = [];
    const invoked: unknown[][] = [];
    const listeners = new Map<string, Listener>();
    const electron = {
      contextBridge: { exposeInMainWorld: (k: string, v: Record<string, unknown>) => void exposed.push([k, v]) },
      ipcRenderer: {
        invoke: async (...a: unknown[]) => {
          invoked.push(a);
          return 'ok';
        },
        on: (c: string, fn: Listener) => void listeners.set(c, fn),
        removeListener: (c: string) => void listeners.delete(c),
      },
    };
    loadWith(join(work, 'electron', 'preload.cjs'), electron);
    expect(exposed.map(([k]) => k)).toEqual([HOST_GLOBAL]);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual([...Object.keys(hostMethods), 'kind', 'onShellEvent'].sort());
    expect(api.kind).toBe('electron');
    for (const m of Object.keys(hostMethods)) await (api[m] as (a: unknown) => Promise<unknown>)({ probe: m });
    expect(invoked).toEqual(Object.keys(hostMethods).map((m) => [`${CHANNEL_PREFIX}${m}`, { probe: m }]));
    const got: unknown[] = [];
    const off = (api.onShellEvent as (l: (e: unknown) => void) => () => void)((e) => got.push(e));
    listeners.get(SHELL_EVENT_CHANNEL)?.({}, { type: 'command', command: 'save' });
    listeners.get(SHELL_EVENT_CHANNEL)?.({}, { type: 'command', command: 'rm -rf' });
    listeners.get(SHELL_EVENT_CHANNEL)?.({}, { type: 'open-file', file: { id: '/etc/passwd', name: 'x', location: '' } });
    expect(got).toEqual([{ type: 'command', command: 'save' }]);
    off();
    expect(listeners.has(SHELL_EVENT_CHANNEL)).toBe(false);
  });
});
