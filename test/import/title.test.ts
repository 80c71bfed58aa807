/** A printed title of the wrong form is reported and not carried into the draft (it would be printed again). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/index.js';
import { buildDocModel } from '../../shared/render/model.js';
import { evaluate } from '../../shared/rules/index.js';
import { draftToReport } from '../../shared/schema/draft.js';

const sample = (name: string) =>
  importText(readFileSync(join(__dirname, '..', 'fixtures', 'published', `${name}.txt`), 'utf8'), { kind: 'text', name, evaluate: (r) => evaluate(r) });

describe('imported titles', () => {
  it('xinyuan: the printed title stays in the source check, the draft prints the standard one', () => {
    const r = sample('xinyuan-county-2024');
    expect(r.report.title).toBe('新源县政府信息公开工作年度报告（2024年度）');
    expect(r.sourceCheck.map((f) => f.rule)).toContain('F-TITLE');
    expect(r.draft.meta.title).toBeUndefined();
    expect(r.uncertain.find((u) => u.target === 'title')?.reason).toContain('新源县2024年政府信息公开工作年度报告');
    expect(buildDocModel(draftToReport(r.draft)).title).toBe('新源县2024年政府信息公开工作年度报告');
  });

  it('xinxiang: a title of the standard form is kept as it is', () => {
    const r = sample('xinxiang-county-office-2024');
    expect(r.sourceCheck.map((f) => f.rule)).not.toContain('F-TITLE');
    expect(r.draft.meta.title).toBe('新乡县人民政府办公室2024年政府信息公开工作年度报告');
  });
});
