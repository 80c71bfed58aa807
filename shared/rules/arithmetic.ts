/**
 * Arithmetic (spec §4, errors): T3-BAL, and the sums T3-ROW / T3-SUM7 / T4-SUM read from the format's cell
 * definitions (`sumOf`, `rule`) — a printed total of an imported report against the sum of its parts.
 * Totals a draft doesn't store are computed, so they can't disagree; a check is skipped while a figure it
 * needs is blank (V-BLANK says so), but for a published report's column that can't balance whatever its blanks hold.
 */
import { APPLY_COLUMNS, balanceRowKeys, sumsOf, type CellDef, type SumRule } from '../report/format.js';
import type { Report, SumNotAddingUp } from '../report/model.js';
import { parseCell } from '../report/numbers.js';
import { prepare, type CellProblem, type Prepared } from './prepare.js';
import type { Finding } from './types.js';

/** 「三、（七）总计·自然人」 → row 「（七）总计」, column 「自然人」. */
function nameParts(def: CellDef | undefined): { row: string; col: string } {
  const name = (def?.name ?? '').replace(/^[一二三四]、/, '');
  const dot = name.lastIndexOf('·');
  return dot < 0 ? { row: name, col: '' } : { row: name.slice(0, dot), col: name.slice(dot + 1) };
}

function sumChecks(p: Prepared, out: Finding[]): void {
  for (const def of p.format.cells) {
    const printed = p.printed(def.key);
    if (printed === null) continue;
    for (const { sumOf, rule } of sumsOf(def)) {
      const f = sumCheck(p, def, printed, sumOf, rule);
      if (f) out.push(f);
    }
  }
}

/** A printed total against one sum of its parts (parts as printed or computed; blank parts left out). */
function sumCheck(p: Prepared, def: CellDef, printed: number, sumOf: readonly string[], rule: SumRule): Finding | null {
  // a part printed but not readable (an imported report's doubt: the figures around it are in doubt too) can't be
  // judged; nor a figure whose column is a guess, but in its own row's sum (the row's figures add up whichever column
  // each stands in)
  if (sumOf.some((part) => unreadCell(p, part))) return null;
  if (p.columnGuessed(def.key) || (rule !== 'T3-ROW' && sumOf.some((part) => p.columnGuessed(part)))) return null;
  let sum = 0;
  let any = false;
  const terms: string[] = [];
  const total = nameParts(def);
  // a part by the name that tells it from the others: its column in a row's sum, its row in a column's
  const partName = (part: string) => {
    const n = nameParts(p.format.cellByKey.get(part));
    return n.row === total.row ? n.col : n.row;
  };
  for (const part of sumOf) {
    const v = p.value(part);
    if (v === null) continue;
    any = true;
    sum += v;
    if (v !== 0) terms.push(`${partName(part)} ${v}`);
  }
  if (!any || sum === printed) return null;
  const partsText = terms.length === 0 ? '各项均为 0' : terms.length === 1 ? `各项之和 = ${terms[0]}` : `${terms.join(' + ')} = ${sum}`;
  const where = rule === 'T3-ROW' ? `「${total.row}」行` : rule === 'T3-SUM7' ? `「${total.col}」列` : `「${total.row}」`;
  return p.finding(rule, `${where}：表中${rule === 'T3-SUM7' ? total.row : total.col} ${printed}，${partsText}，相差 ${Math.abs(printed - sum)}`, {
    cells: [def.key, ...sumOf],
    target: def.key,
  });
}

/**
 * A sum of an imported table whose printed figures fail however they are read (`printed.sumsNotAddingUp`): run
 * together and no cut adds up, or one too many and no figure left out or two joined adds up. Wrong in the report
 * whichever reading is meant, so reported though its cells are unread or unplaced (a total read and placed is judged
 * by `sumCheck`).
 */
function unplaceableSums(p: Prepared, out: Finding[]): void {
  for (const s of p.report.printed?.sumsNotAddingUp ?? []) {
    const def = p.format.cellByKey.get(s.total);
    const rule = s.rule ?? (def ? sumsOf(def).find((x) => x.sumOf.every((k) => s.parts.includes(k)))?.rule : undefined);
    // (a column's total is read; its parts, run together, are not — unless the report's text settled them since)
    const judgedAsPlaced = s.unplaceable === 'column' ? ![s.total, ...s.parts].some((k) => unreadCell(p, k)) : p.printed(s.total) !== null && !p.columnGuessed(s.total);
    if (!def || !rule || judgedAsPlaced) continue;
    const where = s.unplaceable === 'table' ? '「表四」' : s.unplaceable === 'column' ? `「${nameParts(def).col}」列` : `「${nameParts(def).row}」`;
    out.push(p.finding(rule, `${where}：${unplaceableWhy(s)}：原表的数字有误，请对照原文核对`, { cells: [s.total, ...s.parts], target: rule === 'T3-BAL' ? (s.parts[2] ?? s.total) : s.total }));
  }
}

function unplaceableWhy(s: SumNotAddingUp): string {
  if (s.unplaceable === 'glued') return `原文数字连在一起（${s.printed}），无论怎样拆分，各项之和都不等于总计`;
  if (s.unplaceable === 'table') {
    const count = s.printed.split(' ').length;
    const odd = count > s.parts.length + 1 ? '多出的数字' : '空白';
    return `原文有 ${count} 个数字（${s.printed}），应为 ${s.parts.length + 1} 个，无论${odd}是哪一格，总有一栏的各项之和不等于总计`;
  }
  if (s.unplaceable === 'column') {
    const sum = s.rule === 'T3-BAL' ? '第一项加第二项都不等于第三项加第四项' : '（七）总计都不等于各项之和';
    return `本列有数字连在一起的行（${s.printed}），无论怎样拆分，${sum}`;
  }
  if (s.unplaceable === 'uncut') return `原文数字连在一起（${s.printed}），数字比本行的 ${s.parts.length + 1} 格多，无论怎样拆分都对不上各格`;
  return `原文本行有 ${s.printed.split(' ').length} 个数字（${s.printed}），比应有的多一个，无论舍去哪一个或合并哪两个，各项之和都不等于总计`;
}

/** A report as published (imported: its blanks are the report's, not cells still to type). */
function published(p: Prepared): boolean {
  return p.report.printed !== undefined;
}

/** A cell whose figure the imported report prints but the import could not read (`printed.unread`). */
function unreadCell(p: Prepared, key: string): boolean {
  return p.report.printed?.unread?.includes(key) ?? false;
}

/** A figure known in full: entered, printed, or computed from parts none of which is blank, unread or unplaced. */
function complete(p: Prepared, key: string): boolean {
  if (unreadCell(p, key) || p.columnGuessed(key)) return false;
  const def = p.format.cellByKey.get(key);
  if (!def?.sumOf || p.printed(key) !== null) return p.value(key) !== null;
  return def.sumOf.every((part) => complete(p, part));
}

/** One column of table 三 as T3-BAL reads it: its four figures (blank = null) and whether each is known in full. */
interface BalanceColumn {
  col: (typeof APPLY_COLUMNS)[number];
  /** 第一项, 第二项, 第三项（七）总计, 第四项 */
  keys: [string, string, string, string];
  values: [number | null, number | null, number | null, number | null];
  complete: boolean;
}

function balanceColumns(p: Prepared): BalanceColumn[] {
  const [first, second, seventh, fourth] = balanceRowKeys();
  if (!p.format.cellByKey.has('apply.new.total')) return [];
  return APPLY_COLUMNS.map((col) => {
    const key = (r: string) => `apply.${r}.${col.key}`;
    const keys: BalanceColumn['keys'] = [key(first), key(second), key(seventh), key(fourth)];
    const values: BalanceColumn['values'] = [p.value(keys[0]), p.value(keys[1]), p.value(keys[2]), p.value(keys[3])];
    return { col, keys, values, complete: keys.every((k) => complete(p, k)) && values.every((v) => v !== null) };
  });
}

/**
 * A published report's column of table 三 with blank figures that can't balance whatever they hold (counts are never
 * negative): they all stand on the side already larger. (A draft's blanks are still being typed:
 * `balanceHints`.) The side's known figures, and how much larger it is at the least; null when it could balance.
 */
function surelyUnbalanced(p: Prepared, { keys, values }: BalanceColumn): { left: string; right: string; atLeast: number } | null {
  // (an unreadable figure leaves the figures around it in doubt too: no judgement)
  if (!published(p) || keys.some((k) => p.columnGuessed(k) || unreadCell(p, k))) return null;
  const unknown = keys.map((_, i) => values[i] === null);
  const known = values.map((v, i) => (unknown[i] ? 0 : (v ?? 0)));
  const side = (i: number, j: number) => ({ sum: (known[i] ?? 0) + (known[j] ?? 0), open: unknown[i] || unknown[j] });
  const [l, r] = [side(0, 1), side(2, 3)];
  const atLeast = l.open && !r.open ? l.sum - r.sum : r.open && !l.open ? r.sum - l.sum : 0;
  if (atLeast <= 0) return null;
  const term = (i: number, name: string) => (unknown[i] ? `${name}（空白）` : `${name} ${known[i]}`);
  return {
    left: `${term(0, '第一项')} + ${term(1, '第二项')}${l.open ? ` ≥ ${l.sum}` : ` = ${l.sum}`}`,
    right: `${term(2, '第三项（七）总计')} + ${term(3, '第四项')}${r.open ? ` ≥ ${r.sum}` : ` = ${r.sum}`}`,
    atLeast,
  };
}

/** T3-BAL: per column, 第一项 + 第二项 = 第三项（七）总计 + 第四项 (totals as printed when present). */
function balance(p: Prepared, out: Finding[]): void {
  let detailFailed = false;
  for (const column of balanceColumns(p)) {
    const { col, keys, values, complete: known } = column;
    // a computed 总计 column follows from the detail columns (one finding, not two); a printed one is a fact of its own
    if (col.key === 'total' && detailFailed && keys.every((k) => p.printed(k) === null)) continue;
    if (!known) {
      const sure = surelyUnbalanced(p, column);
      if (!sure) continue;
      if (col.key !== 'total') detailFailed = true;
      const message = `「${col.label}」列：${sure.left}，${sure.right}，空白的格无论填多少都对不上，至少相差 ${sure.atLeast}`;
      out.push(p.finding('T3-BAL', message, { cells: [...keys], target: keys[3] }));
      continue;
    }
    const [a, b, c, d] = values.map((v) => v ?? 0) as [number, number, number, number];
    if (a + b === c + d) continue;
    if (col.key !== 'total') detailFailed = true;
    out.push(
      p.finding('T3-BAL', `「${col.label}」列：第一项 ${a} + 第二项 ${b} = ${a + b}，第三项（七）总计 ${c} + 第四项 ${d} = ${c + d}，相差 ${Math.abs(a + b - c - d)}`, {
        cells: [...keys],
        target: keys[3],
      }),
    );
  }
}

/** A column of table 三 still being filled whose figures so far don't balance: a quiet hint, not a finding. */
export interface BalanceHint {
  /** the column's 第四项 cell, where T3-BAL will sit once the column is complete */
  target: string;
  cells: string[];
  /** (第一项 + 第二项) − (第三项（七）总计 + 第四项), blanks counted as 0 */
  difference: number;
  message: string;
}

/**
 * The running balance of each column of table 三 that still has blanks (T3-BAL takes over once it is complete):
 * so the clerk sees the difference as they type.
 */
export function balanceHints(report: Report): BalanceHint[] {
  const out: BalanceHint[] = [];
  for (const { col, keys, values, complete: known } of balanceColumns(prepare(report))) {
    if (known || values.every((v) => v === null)) continue;
    const [a, b, c, d] = values.map((v) => v ?? 0) as [number, number, number, number];
    const difference = a + b - (c + d);
    if (difference === 0) continue;
    const side = difference > 0 ? '第三项（七）总计与第四项之和还少' : '第一项与第二项之和还少';
    out.push({ target: keys[3], cells: [...keys], difference, message: `「${col.label}」列尚未平衡：${side} ${Math.abs(difference)}（还有空格未填）` });
  }
  return out;
}

export function arithmeticRules(p: Prepared, out: Finding[]): void {
  balance(p, out);
  sumChecks(p, out);
  unplaceableSums(p, out);
}

/**
 * The one V-NUM message: the cell, what it holds, and why that is not valid for it (`parseCell`'s reason) — what the
 * clerk filled in, or what a published report printed there.
 */
function vNumMessage(prob: CellProblem, printed = false): string {
  const raw = prob.raw;
  if (typeof raw === 'number' && !Number.isFinite(raw)) return `「${prob.def.name}」的数值无效，请重新填写`;
  const shown = typeof raw === 'string' ? `「${raw.length > 12 ? `${raw.slice(0, 12)}…` : raw}」` : String(raw);
  return `「${prob.def.name}」${printed ? '原文印的是' : '填的是'} ${shown}：${prob.message}`;
}

/** Cells a published report prints no valid value in (left blank by the import): each is its own V-NUM. */
function printedInvalid(p: Prepared): CellProblem[] {
  return (p.report.printed?.invalid ?? []).flatMap(({ cell, printed }) => {
    const def = p.format.cellByKey.get(cell);
    const parsed = def ? parseCell(printed, def.kind) : null;
    return def && parsed && !parsed.ok ? [{ def, raw: printed, message: parsed.message }] : [];
  });
}

/** V-NUM (invalid values) and V-BLANK (blank entered cells, one finding per table). */
export function valueRules(p: Prepared, out: Finding[]): void {
  for (const prob of p.problems) {
    out.push(p.finding('V-NUM', vNumMessage(prob), { cells: [prob.def.key], target: prob.def.key }));
  }
  for (const prob of printedInvalid(p)) {
    out.push(p.finding('V-NUM', vNumMessage(prob, true), { cells: [prob.def.key], target: prob.def.key }));
  }
  const blanks = new Map<string, string[]>();
  // a figure printed but not readable (an imported report) is not a blank of the report: the import says so
  const unread = new Set(p.report.printed?.unread ?? []);
  // a published report prints its totals: a blank one is a blank of the report too (a draft computes them)
  const totalsPrinted = published(p);
  for (const def of p.format.cells) {
    if ((def.sumOf && !totalsPrinted) || unread.has(def.key)) continue;
    const raw = p.report.cells[def.key];
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
      const list = blanks.get(def.table) ?? [];
      list.push(def.key);
      blanks.set(def.table, list);
    }
  }
  const tableNames: Record<string, string> = { active: '二', apply: '三', review: '四' };
  for (const [table, keys] of blanks) {
    const advice = p.stage === 'final' ? '定稿前请填写，没有的填 0' : '完成前请填写，没有的填 0';
    // an imported row printing too few figures: its blank is somewhere in the row, not where its figures were placed
    const unsure = blankRowsUnplaced(p, keys);
    const sure = keys.filter((k) => !unsure.some((row) => row.includes(k)));
    const firstName = p.format.cellByKey.get(sure[0] ?? '')?.name ?? '';
    const said = [
      ...(sure.length ? [`「${firstName}」${sure.length > 1 ? `等 ${sure.length} 个单元格` : ''}为空白`] : []),
      ...(unsure.length ? [`${unsure.map((r) => `「${rowName(p, r)}」`).join('')}${unsure.length > 1 ? '各行' : '一行'}原文少印了数字，有单元格空白，是哪一格无法从原文判断`] : []),
    ];
    out.push(
      p.finding('V-BLANK', `表${tableNames[table] ?? table}中${said.join('；')}：${advice}（空白不等于 0）`, {
        cells: [...sure, ...unsure.flat()],
        target: sure[0] ?? unsure[0]?.[0],
      }),
    );
  }
}

/** Imported rows holding one of these blanks whose blank's column is a guess (`printed.blankUnplaced`). */
function blankRowsUnplaced(p: Prepared, blankKeys: readonly string[]): string[][] {
  return (p.report.printed?.blankUnplaced ?? []).filter((row) => row.some((k) => blankKeys.includes(k)));
}

/** A row's name: its first cell's name up to the column (「三、（一）予以公开·自然人」 → 「三、（一）予以公开」). */
function rowName(p: Prepared, row: readonly string[]): string {
  const name = p.format.cellByKey.get(row[0] ?? '')?.name ?? '';
  return name.split('·')[0] ?? name;
}
