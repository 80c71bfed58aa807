/**
 * What reaches the file area from outside the toolbar: the shell's events (menu commands, files opened by the OS, files
 * given before the page listened), Ctrl+N/O/S/Shift+S/P in a browser (in Electron the menu's accelerators do it), and
 * the browser's question when a tab with unsaved changes closes (Electron asks in main).
 */
import { useEffect, useRef } from 'react';
import type { ReportHost, ShellEvent } from '../../shared/ipc/contract.js';
import type { DocumentController, ExportKind } from './useDocument.js';

export interface ShellHandlers {
  doc: DocumentController;
  /** called instead of `doc.exportDocument(kind)` when given */
  onExport?: ((kind: ExportKind) => void) | undefined;
  onImport?: (() => void) | undefined;
  onPrint?: (() => void) | undefined;
  onRollup?: (() => void) | undefined;
  onReview?: (() => void) | undefined;
}

export function useShellCommands(host: ReportHost, handlers: ShellHandlers): void {
  // Handlers read the latest controller through a ref so listeners registered once never act on stale state.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const run = (e: ShellEvent) => {
      const { doc: d, onExport: ex, onImport: im, onPrint: pr } = latest.current;
      if (e.type === 'open-file') {
        void d.openFile(e.file);
        return;
      }
      const exportAs = (k: ExportKind) => (ex ? ex(k) : void d.exportDocument(k));
      switch (e.command) {
        case 'new':
          return void d.newDraft();
        case 'open':
          return void d.open();
        case 'save':
          return void d.save();
        case 'saveAs':
          return void d.saveAs();
        case 'nextYear':
          return void d.nextYear();
        case 'exportDocx':
          return exportAs('docx');
        case 'exportPdf':
          return exportAs('pdf');
        case 'exportReview':
          return exportAs('review-docx');
        case 'print':
          return pr ? pr() : void d.print();
        case 'import':
          return im?.();
        case 'rollup':
          return latest.current.onRollup?.();
        case 'review':
          return latest.current.onReview?.();
        default:
          return undefined; // undo/redo: the editor's history
      }
    };
    const off = host.onShellEvent?.(run);
    // files given by the OS before the page was listening (double-click on a .gkbg to start the app)
    void host
      .pendingOpens({})
      .then((files) => {
        const first = files[0];
        if (first) run({ type: 'open-file', file: first });
      })
      .catch(() => undefined);
    if (host.kind === 'electron') return off;
    const onKey = (ev: KeyboardEvent) => {
      if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
      const k = ev.key.toLowerCase();
      const command = k === 'n' ? 'new' : k === 'o' ? 'open' : k === 's' ? (ev.shiftKey ? 'saveAs' : 'save') : k === 'p' && !ev.shiftKey ? 'print' : null;
      if (!command) return;
      ev.preventDefault();
      run({ type: 'command', command });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      off?.();
      window.removeEventListener('keydown', onKey);
    };
  }, [host]);

  // Closing a browser tab with unsaved changes asks (Electron asks in main).
  useEffect(() => {
    if (host.kind === 'electron' || !handlers.doc.dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [host, handlers.doc.dirty]);
}
