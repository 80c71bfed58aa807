/**
 * Which draft files the OS asked us to open: from the process's argv at start, and from a second instance's argv
 * (single instance). Windows hands over paths with spaces and Chinese characters, sometimes still quoted; Chromium
 * and Electron add switches (`--allow-file-access-from-files`, `--original-process-start-time=…`) that are never files.
 */
import { extname, isAbsolute, resolve } from 'node:path';
import { DRAFT_EXTENSION } from '../../../shared/schema/draft.js';

export function unquote(arg: string): string {
  const t = arg.trim();
  if (t.length >= 2 && ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

/**
 * Draft paths in `argv` (argv[0] is the executable; in development argv[1] is the app folder). Relative paths are
 * resolved against `cwd` (a second instance sends its own working directory).
 */
export function draftPathsFromArgv(argv: readonly string[], cwd: string, options: { skip?: number } = {}): string[] {
  const out: string[] = [];
  for (const raw of argv.slice(options.skip ?? 1)) {
    const arg = unquote(raw);
    if (arg === '' || arg.startsWith('-')) continue;
    let path = arg;
    if (/^file:\/\//i.test(path)) {
      try {
        const u = new URL(path);
        path = decodeURIComponent(u.pathname);
        if (/^\/[a-zA-Z]:\//.test(path)) path = path.slice(1);
      } catch {
        continue;
      }
    }
    if (path.includes('\0')) continue;
    if (extname(path).toLowerCase() !== `.${DRAFT_EXTENSION}`) continue;
    const full = isAbsolute(path) || /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\') ? path : resolve(cwd, path);
    if (!out.includes(full)) out.push(full);
  }
  return out;
}

/**
 * Split a Windows command line as CommandLineToArgvW does (quotes group, `\"` is a literal quote, `""` inside quotes
 * is a quote). Used when a command line arrives as one string (shell verbs, logs).
 */
export function splitWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      let n = 0;
      while (line[i] === '\\') {
        n++;
        i++;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2 === 1) current += '"';
        else inQuotes = !inQuotes;
        has = true;
      } else {
        current += '\\'.repeat(n);
        i--;
        has = true;
      }
    } else if (c === '"') {
      if (inQuotes && line[i + 1] === '"') {
        current += '"';
        i++;
      } else inQuotes = !inQuotes;
      has = true;
    } else if ((c === ' ' || c === '\t') && !inQuotes) {
      if (has) args.push(current);
      current = '';
      has = false;
    } else {
      current += c;
      has = true;
    }
  }
  if (has) args.push(current);
  return args;
}
