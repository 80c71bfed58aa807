/**
 * The host API, declared once (engineering §2): every method the renderer may call on its host, with a zod
 * schema for the argument and the result. Implemented by the Electron preload (one ipcRenderer.invoke per
 * method), the browser host (development in a plain browser) and the end-to-end test host (Playwright
 * exposeBinding backed by the real Node services). Main validates every argument with these schemas.
 *
 * Drafts cross the boundary as their file text (validated by `parseDraftText` on the side that reads it),
 * so the one draft schema is the only definition of what a draft is.
 *
 * Paths belong to main (engineering §3): the page never names a path main then reads or writes. Main hands out a
 * `FileRef` — an opaque `id` plus a name and location to show — for every file it found itself (its dialogs, the
 * recent list, recovery records, files the OS opened) and the page refers to the file by that id only.
 */
import { z } from 'zod';
import { MAX_DRAFT_BYTES } from '../schema/draft.js';
import { officeHostMethods } from '../rollup/host.js';

/** Every IPC channel is `${CHANNEL_PREFIX}${method}`; main refuses any other. */
export const CHANNEL_PREFIX = 'gkbg:';

const path = z.string().min(1).max(4096);
/** At most MAX_DRAFT_BYTES bytes, so at most as many characters (the byte limit itself is `parseDraftText`'s). */
const draftText = z.string().max(MAX_DRAFT_BYTES);
const failure = z.object({ status: z.literal('error'), message: z.string() });
const canceled = z.object({ status: z.literal('canceled') });

/** An opaque file id main handed out: 128 random bits, never a path. */
export const FILE_ID = /^f-[0-9a-f]{32}$/;
export const fileId = z.string().regex(FILE_ID);
/** A file main knows: its id, and its name and location for display only (never sent back as a path). */
export const fileRef = z.object({ id: fileId, name: z.string().max(300), location: z.string().max(4096) });
export type FileRef = z.infer<typeof fileRef>;

export const openedDraft = z.object({ status: z.literal('opened'), file: fileRef, text: draftText });
export const savedDraft = z.object({ status: z.literal('saved'), file: fileRef });
/** The file changed on disk since this page opened or saved it (another clerk, another copy of the app): not written. */
export const changedOnDisk = z.object({ status: z.literal('changed-on-disk'), message: z.string() });
/** What a save does when the file changed on disk: ask (the default), keep both (save as a new file beside it), overwrite. */
export const ifChangedOnDisk = z.enum(['ask', 'keep-both', 'overwrite']);
export type IfChangedOnDisk = z.infer<typeof ifChangedOnDisk>;
const exported = z.object({ status: z.literal('saved'), path });

/** An autosaved draft; `problem` says why a damaged one can't be restored (it is listed, never silently skipped). */
export const recoveryEntry = z.object({
  id: z.string().max(200),
  savedAt: z.string(),
  file: fileRef.nullable(),
  title: z.string().max(300),
  problem: z.string().max(500).optional(),
  /** 'not-saved': kept after 「不保存」 on a draft that had no file (its only copy); else left by a crash */
  reason: z.enum(['crash', 'not-saved']).optional(),
});
export const RECOVERY_LIST_MAX = 100;
/** At most this many files the OS gave at start pass to the page at a time (the rest wait for the next call). */
export const PENDING_OPENS_MAX = 20;
/** The newest entries, and how many older ones there are beyond them (offered once these are dealt with). */
export const recoveryList = z.object({ entries: z.array(recoveryEntry).max(RECOVERY_LIST_MAX), more: z.number().int().min(0) });

/** A draft that doesn't open, with the copies that might: its `.bak` and the latest autosave of it, with their times. */
export const damagedDraft = z.object({
  status: z.literal('damaged'),
  message: z.string(),
  file: fileRef,
  backup: z.object({ savedAt: z.string() }).nullable(),
  recovery: z.object({ id: z.string().max(200), savedAt: z.string() }).nullable(),
});

export const hostMethods = {
  /** Ask for a draft file and read it (text validated by the caller with parseDraftText). */
  openDraft: { arg: z.object({}).strict(), result: z.union([openedDraft, damagedDraft, canceled, failure]) },
  /** Read a draft main already knows (recent list, file association, single instance); `copy: 'backup'` its `.bak`. */
  openDraftAt: { arg: z.object({ file: fileId, copy: z.literal('backup').optional() }).strict(), result: z.union([openedDraft, damagedDraft, failure]) },
  /** Atomic save; `file` null or `saveAs` asks where. Never silently over a file changed on disk (`ifChanged`). */
  saveDraft: {
    arg: z.object({ file: fileId.nullable(), text: draftText, saveAs: z.boolean(), suggestedName: z.string().max(200), ifChanged: ifChangedOnDisk.optional() }).strict(),
    result: z.union([savedDraft, changedOnDisk, canceled, failure]),
  },
  recentFiles: { arg: z.object({}).strict(), result: z.array(fileRef).max(20) },
  /** Written a few seconds after each change; `id` identifies the editing session's draft, `file` where it lives. */
  autosave: {
    /** `reason: 'not-saved'`: the clerk chose 「不保存」 and this is the draft's only copy — kept, offered at the next start */
    arg: z.object({ id: z.string().min(1).max(200), file: fileId.nullable(), title: z.string().max(300), text: draftText, reason: z.literal('not-saved').optional() }).strict(),
    result: z.union([z.object({ status: z.literal('ok') }), failure]),
  },
  listRecovery: { arg: z.object({}).strict(), result: recoveryList },
  readRecovery: { arg: z.object({ id: z.string().min(1).max(200) }).strict(), result: z.union([openedDraft.extend({ file: fileRef.nullable() }), failure]) },
  discardRecovery: { arg: z.object({ id: z.string().min(1).max(200) }).strict(), result: z.object({ status: z.literal('ok') }) },
  /** Export the report held in `text` (a draft); asks where to save. */
  exportDocument: {
    // 'bundle': the publication bundle (DOCX, PDF, HTML fragment, JSON, 审核单 with SHA-256) into a folder main asks for
    arg: z.object({ text: draftText, kind: z.enum(['docx', 'pdf', 'review-docx', 'bundle']), suggestedName: z.string().max(200) }).strict(),
    result: z.union([exported, canceled, failure]),
  },
  print: { arg: z.object({ text: draftText }).strict(), result: z.union([z.object({ status: z.literal('ok') }), canceled, failure]) },
  /** Ask for a published report (DOCX/PDF/TXT/HTML) and import it; `pasted` imports text instead. */
  importPublished: {
    arg: z.object({ pasted: z.string().max(2_000_000).optional() }).strict(),
    /** `result` is the importer's JSON (draft text plus its source check), validated by the renderer */
    result: z.union([z.object({ status: z.literal('imported'), name: z.string(), result: z.string() }), canceled, failure]),
  },
  /** Stop the import under way (it runs in a worker): its `importPublished` answers `canceled`. */
  importCancel: { arg: z.object({}).strict(), result: z.object({ status: z.literal('ok') }) },
  /** Which of the report's named fonts this machine has, for the warning before export. */
  fontCheck: { arg: z.object({}).strict(), result: z.array(z.object({ font: z.string(), installed: z.boolean(), fallback: z.string() })) },
  /** Files the OS asked to open before the page was listening (double-click at start); each is returned once. */
  pendingOpens: { arg: z.object({}).strict(), result: z.array(fileRef).max(PENDING_OPENS_MAX) },
  /** Tell the shell the window title and whether there are unsaved changes (close/quit asks). */
  setDocumentState: { arg: z.object({ title: z.string().max(300), dirty: z.boolean() }).strict(), result: z.object({ status: z.literal('ok') }) },
  /** 汇总下级单位报告 and 批量核查: jobs in main's worker pool (shared/rollup/host.ts) */
  ...officeHostMethods,
} as const;

export type HostMethod = keyof typeof hostMethods;
export type HostArg<M extends HostMethod> = z.infer<(typeof hostMethods)[M]['arg']>;
export type HostResult<M extends HostMethod> = z.infer<(typeof hostMethods)[M]['result']>;

/** The object a host exposes to the renderer (`window.reportHost`). */
export type ReportHost = { [M in HostMethod]: (arg: HostArg<M>) => Promise<HostResult<M>> } & {
  /** which implementation this is: the UI hides what a host can't do (e.g. recovery in a plain browser) */
  readonly kind: 'electron' | 'browser' | 'test';
  /** menu commands and OS file opens pushed by the shell (Electron menu, double-click, second instance) */
  onShellEvent?: (listener: (event: ShellEvent) => void) => () => void;
};

export const shellCommands = [
  'new',
  'open',
  'save',
  'saveAs',
  'nextYear',
  'import',
  'rollup',
  'review',
  'exportDocx',
  'exportPdf',
  'exportReview',
  'print',
  'undo',
  'redo',
] as const;
export type ShellCommand = (typeof shellCommands)[number];
/** `open-file`: a file given by the OS (double-click, second instance) or the menu's 最近打开 */
export const shellEvent = z.union([
  z.object({ type: z.literal('command'), command: z.enum(shellCommands) }),
  z.object({ type: z.literal('open-file'), file: fileRef }),
]);
export type ShellEvent = z.infer<typeof shellEvent>;

export const HOST_GLOBAL = 'reportHost';
/** The one channel main sends on (shell events); never a handled invoke channel. */
export const SHELL_EVENT_CHANNEL = `${CHANNEL_PREFIX}@shell-event`;
