/**
 * Typography of the exported report (spec §5, GB/T 9704-2012): paper, margins, line pitch, fonts and
 * sizes — the one place both writers (HTML and DOCX) and the font check read them from.
 */

/** A4 in twips (1/1440 inch), as constants: 210 × 297 mm. */
export const PAGE_TWIPS = { width: 11906, height: 16838 } as const;
/** Margins in twips: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (版心 156 × 225 mm). */
export const MARGIN_TWIPS = { top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;
/** Width of the text area in twips (156 mm). */
export const TEXT_WIDTH_TWIPS = PAGE_TWIPS.width - MARGIN_TWIPS.left - MARGIN_TWIPS.right;
/**
 * Fixed line pitch: 22 lines fill the 225 mm text area (12756 twips / 22 ≈ 579.8), so 578 twips
 * (28.9 pt), inside the spec's 560–580.
 */
export const LINE_TWIPS = 578;
export const LINE_PT = LINE_TWIPS / 20;
/** The page number's 一字线 sits 7 mm below the text area (GB/T 9704-2012 7.5). */
export const PAGE_NUMBER_GAP_MM = 7;
/**
 * How far below the middle of its line 宋体 sets the 一字线 (its em box sits low in the line box), measured in the
 * printed ink (test/output/tools.ts folioInk): the folio's line is raised by this much so the dash itself is 7 mm
 * below the text — Chromium's line box and LibreOffice's (Word's: as LibreOffice's) differ by a little.
 */
export const FOLIO_DASH_DROP_MM = { html: 0.55, docx: 0.5 } as const;

/** The grid of GB/T 9704: 28 characters a line, 22 lines a page. */
export const CHARS_PER_LINE = 28;
export const LINES_PER_PAGE = 22;
/** Text area in points (156 × 225 mm). */
export const TEXT_WIDTH_PT = TEXT_WIDTH_TWIPS / 20;
export const TEXT_HEIGHT_PT = (PAGE_TWIPS.height - MARGIN_TWIPS.top - MARGIN_TWIPS.bottom) / 20;
/**
 * Character pitch of the body: 156 mm ÷ 28 = 15.79 pt is a little under the 16 pt face, so every character is set
 * 0.3 pt tighter (letter-spacing in the HTML, character spacing of −6 twips in the DOCX — Word, WPS and LibreOffice
 * alike; LibreOffice cannot set a 16 pt face on a grid narrower than 16 pt) — 28 × 15.7 pt = 439.6 pt, justified to the line,
 * with room for LibreOffice's rounding.
 */
export const BODY_SPACING_TWIPS = -6;
export const CHAR_PITCH_PT = 16 + BODY_SPACING_TWIPS / 20;


export interface FontSpec {
  /** the name documents ask for (what a clerk's Word/WPS has) */
  name: string;
  /** names tried in order when `name` is missing */
  fallbacks: readonly string[];
  /** CSS generic family, last resort */
  generic: 'serif' | 'sans-serif';
}

export type FontRole = 'title' | 'body' | 'heading' | 'kai' | 'table';

export const FONTS: Record<FontRole, FontSpec> = {
  title: { name: '方正小标宋简体', fallbacks: ['小标宋', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '宋体', 'SimSun', 'Songti SC'], generic: 'serif' },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'FangSong_GB2312', 'STFangsong'], generic: 'serif' },
  heading: { name: '黑体', fallbacks: ['SimHei', 'STHeiti', 'Heiti SC'], generic: 'sans-serif' },
  kai: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'KaiTi_GB2312', 'STKaiti'], generic: 'serif' },
  table: { name: '宋体', fallbacks: ['SimSun', 'NSimSun', 'STSong', 'Songti SC'], generic: 'serif' },
};

/** Digits and Latin letters in the body are set in Times New Roman (spec §5). */
export const LATIN_FONT = { name: 'Times New Roman', fallbacks: ['Liberation Serif', 'Tinos'] } as const;

/** Sizes in points. */
export const SIZES = {
  /** 2号 */
  title: 22,
  /** 3号 */
  body: 16,
  /** table 二: 10.5–12 pt (小四) */
  tableActive: 12,
  /** tables 三 and 四: 9–10.5 pt */
  tableApply: 10,
  tableReview: 10,
  /** the 审核单's tables (an internal sheet, set small to fit one page) */
  reviewSheet: 9,
  /** 4号 page numbers */
  pageNumber: 14,
} as const;

/**
 * Leading and vertical cell padding of the tables (both writers): table 三's 28 rows fit one page at 10 pt with
 * 1.15 leading and 1 pt padding; the other tables are airier.
 */
export const TABLE_LEADING = { active: 1.3, apply: 1.15, review: 1.3, findings: 1.2, files: 1.2, states: 1.2, signoff: 1.3 } as const;
/** (the sign-off boxes' padding leaves room to sign) */
export const TABLE_PAD_PT = { active: 3.5, apply: 1, review: 2, findings: 1.5, files: 1.5, states: 1.5, signoff: 8 } as const;
/** the sign-off table's name and date rows are not for signing: ordinary padding */
export const SIGNOFF_LABEL_PAD_PT = 3;

/** Characters per line of the title at 22 pt in the 156 mm text area (longer titles break in two). */
export const TITLE_CHARS_PER_LINE = Math.floor(TEXT_WIDTH_TWIPS / (SIZES.title * 20));

/** The printed page number, 「— 3 —」 (em dashes, spaces, Arabic digits). */
export function pageNumberText(n: number | string): string {
  return `— ${n} —`;
}

/**
 * The DOCX grid (`w:docGrid` linesAndChars): 28 characters in the 156 mm line, as `charSpace` — the grid pitch's
 * difference from the 16 pt body size in 1/4096 pt, rounded away from zero so 28 × pitch never exceeds the line.
 */
export const DOCX_CHAR_SPACE = Math.floor((TEXT_WIDTH_PT / CHARS_PER_LINE - SIZES.body) * 4096);

/** Width of a text in characters of the grid: CJK and full-width one, ASCII (Times New Roman digits, Latin) half. */
export function textWidthChars(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0020-\u007e]/.test(ch) ? 0.5 : 1;
  return w;
}
