/**
 * The Electron main process (thin glue, engineering §1): lifecycle, single instance, the window, the menu, native
 * dialogs and the IPC registration. Decisions live in services/ (tested in Node): window options, navigation and
 * protocol guards, argv parsing, the IPC guard, atomic saving, recovery, the menu's content.
 */
import { dirname, join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, type MenuItemConstructorOptions } from 'electron';
import { hostMethods, SHELL_EVENT_CHANNEL, type HostMethod, type ShellEvent } from '../../shared/ipc/contract.js';
import { draftPathsFromArgv } from './services/argv.js';
import { draftFileFilters, exportFileFilters, importFileFilters } from './services/dialogFilters.js';
import { electronPrintToPdfOptions } from './services/export/pdfOptions.js';
import { createExportServices } from './services/hostExport.js';
import { createFileServices } from './services/hostServices.js';
import { createImportServices } from './services/import/importService.js';
import { channelFor, guardHandler, type Service } from './services/ipcGuard.js';
import { closeChoice, menuSpec, unsavedChangesDialog, type MenuItemSpec } from './services/menu.js';
import { APP_ENTRY } from './services/navigation.js';
import { mainWindowOptions, windowTitle } from './services/windowOptions.js';
import { HangWatch, onRendererGone, unresponsiveDialog, type RendererAction } from './services/rendererCrash.js';
import { denyPermissions, lockDownContents, registerAppScheme, serveRenderer } from './security.js';
import { htmlPrinter, printModel } from './printing.js';
import { createOfficeGlue } from './office.js';
import { buildDocModel } from '../../shared/render/model.js';
import { draftModelOptions, draftToReport, parseDraftText } from '../../shared/schema/draft.js';


registerAppScheme();
lockDownContents();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  let win: BrowserWindow | null = null;
  const doc = { title: '', dirty: false };
  let closeAfterSave = false;
  let allowClose = false;
  const files = createFileServices({
    dataDir: app.getPath('userData'),
    dialogs: {
      async chooseOpen() {
        const r = await dialog.showOpenDialog(win ?? undefined!, { title: '打开报告草稿', filters: draftFileFilters(), properties: ['openFile'] });
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async chooseSave(suggestedName, currentPath) {
        const folder = currentPath ? dirname(currentPath) : app.getPath('documents');
        const r = await dialog.showSaveDialog(win ?? undefined!, { title: '保存报告草稿', defaultPath: join(folder, suggestedName), filters: draftFileFilters() });
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
    onRecent: (path) => {
      app.addRecentDocument(path);
      void refreshMenu();
    },
  });
  const output = createExportServices({
    async chooseExportPath(suggestedName, kind) {
      if (kind === 'bundle') {
        // the bundle is a folder of its own, made inside the one the clerk picks
        const r = await dialog.showOpenDialog(win ?? undefined!, { title: '导出发布包：选择存放位置', defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] });
        const parent = r.filePaths[0];
        return r.canceled || !parent ? null : join(parent, suggestedName);
      }
      const filters = exportFileFilters(kind);
      const r = await dialog.showSaveDialog(win ?? undefined!, { title: '导出', defaultPath: join(app.getPath('documents'), suggestedName), filters });
      return r.canceled ? null : (r.filePath ?? null);
    },
    printer: htmlPrinter(electronPrintToPdfOptions()),
  });

  // files the OS gave before the page was listening
  for (const path of draftPathsFromArgv(process.argv, process.cwd(), { skip: app.isPackaged ? 1 : 2 })) files.queueOpen(path);

  const sendShell = (event: ShellEvent) => win?.webContents.send(SHELL_EVENT_CHANNEL, event);
  const sendOpen = (path: string) => sendShell({ type: 'open-file', file: files.handles.grant(path) });

  const office = createOfficeGlue(() => win);
  app.on('will-quit', () => void office.dispose());
  // imports run in a worker of their own pool (the office worker's bundle beside main.cjs), cancellable
  const imports = createImportServices({
    pool: { workerFile: join(__dirname, 'office-worker.cjs') },
    async chooseFile() {
      const r = await dialog.showOpenDialog(win ?? undefined!, {
        title: '导入已发布的报告',
        filters: importFileFilters(),
        properties: ['openFile'],
      });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  });
  app.on('will-quit', () => void imports.dispose());

  const services: { [M in HostMethod]: Service<M> } = {
    ...files,
    officeStart: office.officeStart,
    officePoll: office.officePoll,
    officeCancel: office.officeCancel,
    officeExport: office.officeExport,
    async saveDraft(arg) {
      const r = await files.saveDraft(arg);
      if (r.status !== 'saved') closeAfterSave = false; // the save asked for by 「关闭」 did not happen: stay open
      return r;
    },
    exportDocument: output.exportDocument,
    fontCheck: output.fontCheck,
    async print({ text }) {
      const parsed = parseDraftText(text);
      if (!parsed.ok) return { status: 'error', message: parsed.error };
      const ok = await printModel(buildDocModel(draftToReport(parsed.draft), draftModelOptions(parsed.draft)));
      return ok ? { status: 'ok' } : { status: 'canceled' };
    },
    importPublished: imports.importPublished,
    importCancel: imports.importCancel,
    async setDocumentState({ title, dirty }) {
      doc.title = title;
      doc.dirty = dirty;
      win?.setTitle(windowTitle(title, dirty));
      win?.setDocumentEdited(dirty);
      if (closeAfterSave && !dirty) {
        closeAfterSave = false;
        allowClose = true;
        win?.close();
      }
      return { status: 'ok' };
    },
  };

  for (const method of Object.keys(hostMethods) as HostMethod[]) {
    ipcMain.handle(channelFor(method), guardHandler(method, services[method] as Service<typeof method>));
  }

  async function refreshMenu(): Promise<void> {
    const recent = await files.recent.list();
    const toItem = (item: MenuItemSpec): MenuItemConstructorOptions => {
      switch (item.kind) {
        case 'separator':
          return { type: 'separator' };
        case 'command':
          return { label: item.label, accelerator: item.accelerator, click: () => sendShell({ type: 'command', command: item.command }) };
        case 'role':
          return { label: item.label, accelerator: item.accelerator, role: item.role };
        case 'recent':
          return {
            label: item.label,
            submenu: recent.length
              ? recent.map((path) => ({ label: path, click: () => sendOpen(path) }))
              : [{ label: '（无）', enabled: false }],
          };
        case 'quit':
          return { label: item.label, accelerator: item.accelerator, click: () => win?.close() };
        case 'about':
          return { label: item.label, click: () => void dialog.showMessageBox(win ?? undefined!, { type: 'info', title: '关于', message: `${app.getName()} ${app.getVersion()}`, detail: '政府信息公开工作年度报告 编制与核对' }) };
      }
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuSpec().map((m) => ({ label: m.label, submenu: m.items.map(toItem) }))));
  }

  const hang = new HangWatch();
  function act(action: RendererAction): void {
    if (action.kind !== 'reload' || !win) return;
    if (action.kill) win.webContents.forcefullyCrashRenderer();
    void win.loadURL(APP_ENTRY);
  }

  function createWindow(): void {
    const preload = join(__dirname, 'preload.cjs');
    win = new BrowserWindow(mainWindowOptions(preload));
    // a crashed or hung page: the autosave is kept, the page reloaded, and it offers the recovery (rendererCrash.ts)
    win.webContents.on('render-process-gone', (_event, details) => {
      doc.dirty = false; // nobody left to ask about; the autosave is the copy
      act(onRendererGone(details.reason, files.recovery));
    });
    win.on('unresponsive', () => {
      const w = win;
      if (!w || hang.onUnresponsive().kind !== 'ask') return;
      void dialog.showMessageBox(w, unresponsiveDialog(doc.dirty)).then(({ response }) => {
        const action = hang.afterHangChoice(response, files.recovery);
        if (action.kind === 'reload') doc.dirty = false;
        act(action);
      });
    });
    win.on('responsive', () => hang.onResponsive());
    win.setTitle(windowTitle('', false));
    win.once('ready-to-show', () => win?.show());
    win.on('close', (event) => {
      if (allowClose || !doc.dirty) return;
      event.preventDefault();
      const w = win;
      if (!w) return;
      void dialog.showMessageBox(w, unsavedChangesDialog(doc.title)).then(({ response }) => {
        const choice = closeChoice(response);
        if (choice === 'save') {
          closeAfterSave = true;
          sendShell({ type: 'command', command: 'save' });
        } else if (choice === 'discard') {
          allowClose = true;
          void files.recovery.discardOwned().finally(() => w.close());
        }
      });
    });
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(APP_ENTRY);
  }

  app.on('second-instance', (_event, argv, cwd) => {
    for (const path of draftPathsFromArgv(argv, cwd)) sendOpen(path);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (win) sendOpen(path);
    else files.queueOpen(path);
  });
  app.on('window-all-closed', () => {
    // A clean close: this run's autosaves are no longer needed.
    void files.recovery.discardOwned().finally(() => app.quit());
  });

  void app.whenReady().then(async () => {
    denyPermissions();
    serveRenderer(join(__dirname, '..', 'renderer'));
    await refreshMenu();
    createWindow();
  });
}
