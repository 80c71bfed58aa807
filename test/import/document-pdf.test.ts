/**
 * Our own exported PDF imports back to the same report: the urumqi sample printed the way the app prints it
 * (HTML writer → Debian Chromium, renderPdf), read from its text layer (readPdf: Kangxi radicals, lines broken
 * at the page width, page numbers, table 三's header repeated on every page) and parsed — cells, title, organ,
 * year, 落款 and every section's text as the original.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/main/services/export/pdf.js';
import { readPdf } from '../../electron/main/services/import/pdf.js';
import { parsePublished, type Uncertain } from '../../shared/import/index.js';
import { SECTION_KEYS } from '../../shared/report/format.js';
import type { Report } from '../../shared/report/model.js';
import { buildDocModel } from '../../shared/render/model.js';
import { loadReportText, toReportData } from '../../shared/schema/reportData.js';
import { useTestFonts } from '../output/tools.js';

useTestFonts();

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');


function fixture(name: string): Report {
  const loaded = loadReportText(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'data', `${name}.json`), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.report;
}

describe('our exported PDF, imported back', () => {
  const original = fixture('urumqi-county-2024');
  let back: Report;
  let uncertain: Uncertain[];
  beforeAll(async () => {
    const pdf = await renderPdf(original);
    ({ report: back, uncertain } = parsePublished(await readPdf(pdf)));
  }, 120_000);

  it('every cell as exported (totals as printed)', () => {
    const want = toReportData(original, { keepPrintedTotals: true }).cells;
    const got = toReportData(back, { keepPrintedTotals: true }).cells;
    expect(Object.entries(want).filter(([k, v]) => got[k] !== v)).toEqual([]);
  });

  it('the title as printed (over two lines), its organ, level, year and 落款', () => {
    expect(back.title).toBe(buildDocModel(original).title);
    expect(back.organ).toBe(original.organ);
    expect(back.level).toBe(original.level);
    expect(back.year).toBe(original.year);
    expect(back.signature).toEqual(original.signature);
    expect(uncertain.filter((u) => ['title', 'organ', 'year', 'signature'].includes(u.target))).toEqual([]);
  });

  it('every section’s text, in its own section (nothing left in 前言), with no heading missed — but for its known gap', () => {
    for (const key of SECTION_KEYS) expect(squash(back.sections?.[key]), key).toBe(squash(original.sections?.[key]));
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
  });

});
