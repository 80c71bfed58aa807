/** The document title every host shows (window title, browser tab): file name, unsaved mark 「*」, app name. */
export const APP_TITLE = '政府信息公开年度报告';

export function documentWindowTitle(fileName: string, dirty: boolean): string {
  const name = fileName.trim() || '未命名';
  return `${dirty ? '*' : ''}${name} - ${APP_TITLE}`;
}

/** The last path segment of a Windows or POSIX path (the renderer has no `path` module). */
export function fileNameOf(path: string | null): string {
  if (!path) return '';
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
