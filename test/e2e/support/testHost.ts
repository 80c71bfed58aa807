/**
 * The end-to-end test host (engineering §2, third implementation): `window.reportHost` installed by an init script,
 * every method a Playwright `exposeBinding` call backed by the REAL Node services on a temp folder — the same
 * `createFileServices` / `createExportServices` / import service the Electron main process uses, behind main's own IPC
 * guard (`guardHandler`: top frame of our page only, argument and result parsed with the contract's zod schemas); only
 * the origin differs (the test server's instead of app://).
 *
 * Native dialogs are replaced by answers the test queues: `host.answers.open.push(path)`, `host.answers.save.push(path)`
 * (null = the clerk clicks 取消). Shell events (menu commands) are sent with `host.shell(page, event)`, a file the OS
 * opens with `host.openFromOs(page, path)`; `host.files.queueOpen(path)` is a file given at start.
 * Several pages may share one host (a "crash" = closing a page without a clean close, then opening another).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createExportServices } from '../../../electron/main/services/hostExport.js';
import { createFileServices } from '../../../electron/main/services/hostServices.js';
import { createImportServices } from '../../../electron/main/services/import/importService.js';
import { createOfficeServices } from '../../../electron/main/services/office/officeJobs.js';
import { guardHandler, type SenderFrameLike, type Service } from '../../../electron/main/services/ipcGuard.js';
import { HOST_GLOBAL, hostMethods, type HostMethod, type ShellEvent } from '../../../shared/ipc/contract.js';

export interface TestHost {
  /** a temp folder for the test's files */
  dir: string;
  /** the app data folder (recent list, recovery) */
  dataDir: string;
  answers: {
    /** a promise holds the dialog open until the test resolves it (the clerk still choosing, a slow disk) */
    open: (string | null | Promise<string | null>)[];
    save: (string | null | Promise<string | null>)[];
    export: (string | null)[];
    import: (string | null)[];
    /** the office dialogs: a folder of units' reports, several files, where an office export goes */
    folder: (string | null)[];
    files: (string[] | null)[];
    officeSave: (string | null)[];
  };
  /** every call the page made, in order */
  calls: { method: HostMethod; arg: unknown }[];
  /** the last title and unsaved state the page reported (what Electron shows in the title bar) */
  state: { title: string; dirty: boolean };
  attach(page: Page): Promise<void>;
  shell(page: Page, event: ShellEvent): Promise<void>;
  /** the OS opens a file in the running app (double-click, second instance): main grants it an id and tells the page */
  openFromOs(page: Page, path: string): Promise<void>;
  /** fault injection: the next call of a method throws this error inside main (as a crashing service would) */
  faults: Partial<Record<HostMethod, Error>>;
  /** the services, for checks from the test (e.g. the recovery list) */
  files: ReturnType<typeof createFileServices>;
  dispose(): Promise<void>;
}

const BINDING = '__gkbgTestHostCall';

/** Our page in the tests: the top frame of the test server's origin (what app://report is in Electron). */
function isTestPage(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === 'http:' && url.hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

export async function createTestHost(): Promise<TestHost> {
  const dir = await mkdtemp(join(tmpdir(), 'gkbg-e2e-'));
  const dataDir = join(dir, '.appdata');
  await mkdir(dataDir, { recursive: true });
  const answers: TestHost['answers'] = { open: [], save: [], export: [], import: [], folder: [], files: [], officeSave: [] };
  const files = createFileServices({
    dataDir,
    dialogs: {
      chooseOpen: async () => (await answers.open.shift()) ?? null,
      chooseSave: async () => (await answers.save.shift()) ?? null,
    },
  });
  const office = createOfficeServices({
    dialogs: {
      chooseFolder: async () => answers.folder.shift() ?? null,
      chooseFiles: async () => answers.files.shift() ?? null,
      chooseSave: async () => answers.officeSave.shift() ?? null,
    },
  });
  const imports = createImportServices({ chooseFile: async () => answers.import.shift() ?? null });
  const output = createExportServices({ chooseExportPath: async () => answers.export.shift() ?? null });
  const state = { title: '', dirty: false };
  const calls: TestHost['calls'] = [];
  const faults: TestHost['faults'] = {};
  const services: { [M in HostMethod]: Service<M> } = {
    ...files,
    officeStart: office.officeStart,
    officePoll: office.officePoll,
    officeCancel: office.officeCancel,
    officeExport: office.officeExport,
    exportDocument: output.exportDocument,
    fontCheck: output.fontCheck,
    print: async () => ({ status: 'ok' }),
    importPublished: imports.importPublished,
    importCancel: imports.importCancel,
    setDocumentState: async (arg) => {
      state.title = arg.title;
      state.dirty = arg.dirty;
      return { status: 'ok' };
    },
  };
  const guarded = Object.fromEntries(
    (Object.keys(hostMethods) as HostMethod[]).map((m) => [
      m,
      guardHandler(m, async (arg, event) => {
        calls.push({ method: m, arg });
        const fault = faults[m];
        if (fault) {
          delete faults[m];
          throw fault;
        }
        return (services[m] as Service<typeof m>)(arg as never, event);
      }, isTestPage),
    ]),
  ) as Record<HostMethod, (event: { senderFrame: SenderFrameLike }, arg: unknown) => Promise<unknown>>;

  const host: TestHost = {
    dir,
    dataDir,
    answers,
    calls,
    state,
    faults,
    files,
    async attach(page) {
      await page.exposeBinding(BINDING, async (source, method: string, argJson: string) => {
        // main's own IPC guard: our page's top frame, a known method, the argument and result parsed
        if (!Object.prototype.hasOwnProperty.call(hostMethods, method)) throw new Error(`refused: unknown method ${method}`);
        const senderFrame = { url: source.frame.url(), parent: source.frame.parentFrame() };
        return JSON.stringify(await guarded[method as HostMethod]({ senderFrame }, JSON.parse(argJson)));
      });
      await page.addInitScript(
        ({ methods, binding, global }) => {
          const w = window as unknown as Record<string, unknown>;
          const call = w[binding] as (m: string, a: string) => Promise<string>;
          const listeners = new Set<(e: unknown) => void>();
          const api: Record<string, unknown> = {
            kind: 'test',
            onShellEvent(listener: (e: unknown) => void) {
              listeners.add(listener);
              return () => listeners.delete(listener);
            },
          };
          for (const m of methods) api[m] = (arg: unknown) => call(m, JSON.stringify(arg ?? {})).then((t) => JSON.parse(t) as unknown);
          w.__gkbgShellEvent = (e: unknown) => {
            for (const l of listeners) l(e);
          };
          Object.defineProperty(window, global, { value: Object.freeze(api), writable: false, configurable: false });
        },
        { methods: Object.keys(hostMethods), binding: BINDING, global: HOST_GLOBAL },
      );
    },
    async shell(page, event) {
      await page.evaluate((e) => (window as unknown as { __gkbgShellEvent: (e: unknown) => void }).__gkbgShellEvent(e), event);
    },
    async openFromOs(page, path) {
      await host.shell(page, { type: 'open-file', file: files.handles.grant(path) });
    },
    async dispose() {
      await office.dispose();
      await imports.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return host;
}
