/**
 * Units of a roll-up: their names as reports give them, the roster (a list of names, one a line) and how a report's
 * organ is matched to a roster entry — exactly, or as the same name with or without the county's prefix
 * (「县教育局」 ↔ 「某某县教育局」) or its 「人民政府」 (「某某镇」 ↔ 「某某镇人民政府」).
 */
export const ROSTER_MAX_LINES = 1000;

/**
 * Names compared without spaces, with half-width brackets, and without a final 「人民政府」/「政府」: a township's report is
 * titled 「某某镇…年度报告」 and signed 「某某镇人民政府」, and the roster may give either (「某县政府办公室」 keeps its name).
 */
export function normaliseUnitName(name: string): string {
  const compact = name.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  const place = compact.replace(/(人民政府|政府)$/, '');
  return place.length >= 2 ? place : compact;
}

/** A roster file's text: one unit a line; blank lines, 「#」 comments and leading numbering (1. 1、 （1）) dropped. */
export function parseRoster(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, ROSTER_MAX_LINES)) {
    const line = raw
      .trim()
      .replace(/^(\d+[.、．]|[（(]\d+[）)])\s*/, '')
      .replace(/[，,;；。]+$/, '')
      .trim();
    if (line === '' || line.startsWith('#')) continue;
    const key = normaliseUnitName(line);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(line.slice(0, 200));
  }
  return out;
}

/** The roster entry a unit's name stands for: the same name, else the one name that ends the other; null if none. */
export function matchRoster(unit: string, roster: readonly string[]): string | null {
  const u = normaliseUnitName(unit);
  if (u === '') return null;
  const exact = roster.find((r) => normaliseUnitName(r) === u);
  if (exact !== undefined) return exact;
  const loose = roster.filter((r) => {
    const n = normaliseUnitName(r);
    return n.length >= 2 && (u.endsWith(n) || n.endsWith(u));
  });
  return loose.length === 1 ? (loose[0] ?? null) : null;
}
