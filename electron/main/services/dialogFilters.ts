/**
 * The file-type filters of main's native dialogs, one place for the glue and the tests: which files the clerk is
 * offered to open, import and export. Fresh arrays each time (Electron's FileFilter is mutable).
 */

export interface DialogFilter {
  name: string;
  extensions: string[];
}

export function draftFileFilters(): DialogFilter[] {
  return [{ name: '报告草稿（*.gkbg）', extensions: ['gkbg'] }];
}

/** What the importer reads (the type is found from the content; the extension only narrows the dialog). */
export function importFileFilters(): DialogFilter[] {
  return [
    { name: '已发布的报告（Word、PDF、网页、文本）', extensions: ['docx', 'pdf', 'html', 'htm', 'txt', 'md'] },
    { name: '所有文件', extensions: ['*'] },
  ];
}

export function exportFileFilters(kind: 'docx' | 'pdf' | 'review-docx'): DialogFilter[] {
  return kind === 'pdf' ? [{ name: 'PDF 文件', extensions: ['pdf'] }] : [{ name: 'Word 文档', extensions: ['docx'] }];
}
