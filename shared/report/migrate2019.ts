/**
 * 2019 → 2021 migration of a draft (spec §3.2): the figures that have a 2021 home move there, everything else is kept,
 * visible, as 旧格式数据 in `draft.legacy` — nothing is silently dropped and nothing is guessed:
 * - 本年新制作数量 (made) → 本年制发件数 (issued); 处理决定数量 (decisions) → 本年处理决定数量 for 许可/处罚/强制;
 * - table 三 keeps its rows 1:1, the single 2019 「（六）其他处理」 row stays one row (`apply.other.*`: never split);
 * - 对外公开总数量 is NOT 现行有效件数, 2019 fee item counts are NOT 2021 fee amounts: both stay in `legacy`.
 */
import type { DraftFile } from '../schema/draft.js';
import { flattenCells, nestCells, type Cells, type CellValue } from './model.js';

/** 2019 key → 2021 key, for exactly the figures that mean the same thing. */
export const MIGRATION_2019_MAP: Readonly<Record<string, string>> = {
  'active2019.regulations.made': 'active.regulations.issued',
  'active2019.normative.made': 'active.normative.issued',
  'active2019.licensing.decisions': 'active.licensing.decisions',
  'active2019.punishment.decisions': 'active.punishment.decisions',
  'active2019.coercion.decisions': 'active.coercion.decisions',
};

export interface Migration2019Result {
  draft: DraftFile;
  /** 2019 key → 2021 key of every figure moved */
  mapped: { from: string; to: string }[];
  /** 2019 keys kept under `legacy` (旧格式数据) */
  legacy: string[];
}

function cellValue(v: unknown): CellValue | undefined {
  return v === null || typeof v === 'number' || typeof v === 'string' ? v : undefined;
}

export function migrate2019(draft: DraftFile): Migration2019Result {
  if (draft.format !== '2019') return { draft, mapped: [], legacy: [] };
  const flat = flattenCells(draft.cells);
  const cells: Cells = {};
  const legacyCells: Cells = {};
  const mapped: { from: string; to: string }[] = [];
  const legacy: string[] = [];
  for (const [key, raw] of Object.entries(flat)) {
    const value = cellValue(raw);
    if (value === undefined) continue;
    const target = MIGRATION_2019_MAP[key];
    if (target) {
      cells[target] = value;
      mapped.push({ from: key, to: target });
    } else if (key.startsWith('active2019.')) {
      legacyCells[key] = value;
      legacy.push(key);
    } else {
      // tables 三 and 四 share their keys between the formats (apply.other stays the single row)
      cells[key] = value;
    }
  }
  // Figures already kept from an earlier migration stay too.
  const previousLegacy = flattenCells(draft.legacy?.cells);
  for (const [key, raw] of Object.entries(previousLegacy)) {
    const value = cellValue(raw);
    if (value !== undefined && !(key in legacyCells)) {
      legacyCells[key] = value;
      legacy.push(key);
    }
  }
  const next: DraftFile = {
    ...draft,
    format: '2021',
    cells: nestCells(cells),
    legacy: legacy.length ? { format: '2019', cells: nestCells(legacyCells) } : null,
  };
  return { draft: next, mapped, legacy };
}
