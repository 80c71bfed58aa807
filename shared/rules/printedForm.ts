/**
 * What a published report printed where it departs from the format (`report.printed`, filled by the importer):
 * F-SECTIONS compares each printed heading with the canonical one and says precisely what differs; F-OLD names
 * the 2019 table labels a later report still prints.
 */
import { FORMAT_2021, OLD_LABELS, SECTIONS, applyRows, formatIdForYear } from '../report/format.js';
import type { Prepared } from './prepare.js';
import type { Finding } from './types.js';

const NUMERALS = '一二三四五六七八九十';

interface Numbering {
  /** the numeral as printed, e.g. 「三」, or '' when none */
  numeral: string;
  /** how it is written: 「三、」, 「三.」, 「（三）」, 「第三部分」… */
  printed: string;
  rest: string;
}

const NUMBERED = [
  /^([一二三四五六七八九十]+)\s*([、.．，,:：\s])\s*/,
  /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*/,
  /^第\s*([一二三四五六七八九十]+)\s*(部分|章|节)\s*[、.．，,:：]?\s*/,
];

function splitNumbering(heading: string): Numbering {
  const t = heading.trim();
  for (const re of NUMBERED) {
    const m = re.exec(t);
    if (m) return { numeral: m[1] ?? '', printed: m[0].trim(), rest: t.slice(m[0].length) };
  }
  return { numeral: '', printed: '', rest: t };
}

/** Full-width and half-width forms of the same punctuation, for saying 「标点不同」 rather than 「文字不同」. */
function punctuationFree(s: string): string {
  return s.replace(/[\s、,，.．:：;；()（）"“”]/g, '');
}

/** What differs between a printed heading and the canonical one, in Chinese; empty when they are the same. */
export function headingDifferences(printed: string, canonical: string): string[] {
  if (printed === canonical) return [];
  const want = splitNumbering(canonical);
  const got = splitNumbering(printed);
  const out: string[] = [];
  if (!got.printed) out.push(`缺少序号「${want.printed}」`);
  else if (got.numeral !== want.numeral) out.push(`序号印作「${got.numeral}」，应为「${want.numeral}」`);
  if (got.printed && `${got.numeral}、` !== got.printed) {
    out.push(/^[（(]/.test(got.printed) ? `序号写作「${got.printed}」（二级标题的写法），应为「${want.numeral}、」` : `序号写作「${got.printed}」，应为「${want.numeral}、」`);
  }
  if (got.rest !== want.rest) {
    if (got.rest.replace(/\s+/g, '') === want.rest) out.push('标题中多了空格');
    else if (punctuationFree(got.rest) === punctuationFree(want.rest)) out.push(`标点不同：印作「${got.rest}」，应为「${want.rest}」`);
    else out.push(`文字不同：印作「${got.rest}」，应为「${want.rest}」`);
  } else if (/\s$/.test(printed)) out.push('标题中多了空格');
  return out;
}

/** F-SECTIONS: each printed heading of an imported report against the canonical one. */
export function printedHeadingRule(p: Prepared, out: Finding[]): void {
  const printed = p.report.printed?.headings;
  if (!printed) return;
  SECTIONS.forEach((s, i) => {
    const heading = printed[s.key];
    if (heading === undefined) return;
    const diffs = headingDifferences(heading.trim(), s.heading);
    if (diffs.length === 0) return;
    out.push(
      p.finding('F-SECTIONS', `第${NUMERALS[i] ?? ''}部分标题印作「${heading.trim()}」，与规定的「${s.heading}」不一致：${diffs.join('；')}（六个部分的标题须一字不差）`, {
        section: s.key,
      }),
    );
  });
}

/** A printed 2019 label's row (format.ts OLD_LABELS), its 2021 label and the row's cells. */
function currentLabel(old: string): { label?: string; cells: string[] } {
  const bare = (s: string) => s.replace(/\s+/g, '').replace(/^\d+[.、．]/, '');
  for (const [row, label2019] of OLD_LABELS) {
    if (bare(label2019) !== bare(old)) continue;
    const active = FORMAT_2021.activeGroups.flatMap((g) => g.rows).find((r) => r.key === row);
    const apply = applyRows(true).find((r) => `apply.${r.key}` === row);
    const cells = FORMAT_2021.cells.filter((c) => c.key.startsWith(`${row}.`)).map((c) => c.key);
    return { label: active?.label ?? apply?.label, cells };
  }
  return { cells: [] };
}

/** F-OLD: 2019-format labels printed in a report for 2021 or later (the single （六） row is judged from the cells). */
export function printedOldLabelsRule(p: Prepared, out: Finding[]): void {
  const labels = p.report.printed?.oldLabels ?? [];
  if (formatIdForYear(p.report.year) === '2019' || p.format.id === '2019') return;
  for (const old of new Set(labels.map((l) => l.trim()).filter((l) => l && !/其他处理/.test(l)))) {
    const now = currentLabel(old);
    out.push(
      p.finding(
        'F-OLD',
        `表格仍印有2019年格式的标签「${old}」${now.label ? `，2021年格式（国办公开办函〔2021〕30号）为「${now.label}」` : '，应按2021年格式（国办公开办函〔2021〕30号）印制'}`,
        now.cells.length > 0 ? { cells: now.cells, target: now.cells[0] } : {},
      ),
    );
  }
}
