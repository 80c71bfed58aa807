/** The renderer's file handling: `useDocument(host)` and `<FileToolbar doc host />` (see their file headers). */
export { useDocument, AUTOSAVE_DELAY_MS, defaultYear, suggestedName, formatSavedAt, type DocumentController, type RecoveryOffer, type ExportKind, type ConfirmChoice } from './useDocument.js';
export { FileToolbar, type FileToolbarProps } from './FileToolbar.js';
export { MessageBanner, RecoveryDialog } from './FileDialogs.js';
