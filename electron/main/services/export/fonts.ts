/**
 * Font check before export (spec §5: warn when the machine lacks the named fonts). On Linux (and any
 * system with fontconfig) `fc-list` says what is installed and `fc-match` what a missing name is
 * replaced with. The parsing and the decision are pure functions, tested on their own.
 */
import { execFile } from 'node:child_process';
import { FONTS, type FontRole } from '../../../../shared/render/typography.js';

export interface FontStatus {
  role: FontRole;
  /** the font the document names */
  name: string;
  installed: boolean;
  /** the first installed fallback when the named font is missing */
  fallback: string | null;
  /** what the system substitutes for the named font (fc-match), when it is missing */
  substitute: string | null;
  /** the font that will actually be used, as far as we can tell */
  using: string | null;
}

export interface FontCheck {
  /** false when fontconfig isn't there (then nothing is known) */
  checked: boolean;
  fonts: FontStatus[];
  /** named fonts that are missing */
  missing: string[];
  /** a Chinese summary for the export dialog and the command line; empty when all fonts are installed */
  message: string;
}

const ROLE_NAMES: Record<FontRole, string> = { title: '标题', body: '正文', heading: '一级标题', kai: '二级标题', table: '表格' };

/** Unescape fontconfig's backslash escapes (「\-」, 「\,」 in names). */
function unescapeFc(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/** Split one fontconfig family value into its names (localised names are comma-separated). */
function familyNames(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? '';
    if (ch === '\\' && i + 1 < value.length) {
      cur += value[i + 1];
      i++;
    } else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * Installed family names from `fc-list --format '%{family}\n'` output, or from plain `fc-list` output
 * (「/path/file.ttf: Family A,Family B:style=Regular」).
 */
export function parseFcList(output: string): Set<string> {
  const names = new Set<string>();
  for (const raw of output.split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '') continue;
    // Plain fc-list: "file: families:style=…"; the path may itself contain ': ' rarely, so split on the first ': '.
    const colon = line.indexOf(': ');
    if (colon > 0 && (line.startsWith('/') || /^[A-Za-z]:[\\/]/.test(line))) line = line.slice(colon + 2);
    const style = line.search(/:(style|lang|weight)=/);
    if (style >= 0) line = line.slice(0, style);
    for (const n of familyNames(line)) names.add(n);
  }
  return names;
}

/** The family `fc-match --format '%{family}'` printed (first name only). */
export function parseFcMatch(output: string): string | null {
  const first = familyNames(output.trim().split(/\r?\n/)[0] ?? '')[0];
  return first ? unescapeFc(first) : null;
}

/** Which named fonts are installed, and what is used instead of each missing one. */
export function resolveFonts(installed: ReadonlySet<string>, substitutes: ReadonlyMap<string, string | null> = new Map()): FontCheck {
  const lower = new Set([...installed].map((n) => n.toLowerCase()));
  const has = (n: string) => lower.has(n.toLowerCase());
  const fonts: FontStatus[] = (Object.keys(FONTS) as FontRole[]).map((role) => {
    const spec = FONTS[role];
    if (has(spec.name)) return { role, name: spec.name, installed: true, fallback: null, substitute: null, using: spec.name };
    const fallback = spec.fallbacks.find(has) ?? null;
    const substitute = substitutes.get(spec.name) ?? null;
    return { role, name: spec.name, installed: false, fallback, substitute, using: fallback ?? substitute };
  });
  const missing = fonts.filter((f) => !f.installed).map((f) => f.name);
  const message =
    missing.length === 0
      ? ''
      : `本机缺少公文字体：${fonts
          .filter((f) => !f.installed)
          .map((f) => `${f.name}（${ROLE_NAMES[f.role]}，将以${f.using ? `「${f.using}」` : '系统默认字体'}代替）`)
          .join('；')}。导出的 DOCX 仍写明规定字体，在装有这些字体的电脑上打开即按规定显示；PDF 使用代替字体。`;
  return { checked: true, fonts, missing, message };
}

type Exec = (file: string, args: readonly string[]) => Promise<string>;

const execText: Exec = (file, args) =>
  new Promise((resolve, reject) => {
    execFile(file, [...args], { encoding: 'utf8', timeout: 15_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
  });

/** Check the machine's fonts with fontconfig; `checked: false` when it isn't available. */
export async function checkFonts(exec: Exec = execText): Promise<FontCheck> {
  let listing: string;
  try {
    listing = await exec('fc-list', ['--format', '%{family}\n']);
  } catch {
    return { checked: false, fonts: [], missing: [], message: '无法检查本机字体（未找到 fontconfig），请确认已安装仿宋_GB2312、方正小标宋简体、楷体_GB2312、黑体、宋体。' };
  }
  const installed = parseFcList(listing);
  const substitutes = new Map<string, string | null>();
  for (const spec of Object.values(FONTS)) {
    if (installed.has(spec.name)) continue;
    try {
      // Ask for a face that covers Chinese: without `lang` fontconfig may answer a Latin-only default (DejaVu)
      // that is never used for the report's text.
      substitutes.set(spec.name, parseFcMatch(await exec('fc-match', ['--format', '%{family}\n', `${spec.name}:lang=zh-cn`])));
    } catch {
      substitutes.set(spec.name, null);
    }
  }
  return resolveFonts(installed, substitutes);
}
