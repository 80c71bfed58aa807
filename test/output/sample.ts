/**
 * Report data for output tests: the committed sample fixtures (test/fixtures/data/*.json) and a
 * synthetic full report whose every figure is distinct, so a reader that drops or moves one is caught.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FORMAT_2019, FORMAT_2021, enteredCells } from '../../shared/report/format.js';
import type { Cells, Report } from '../../shared/report/model.js';
import { loadReportText } from '../../shared/schema/reportData.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE_DATA_DIR = join(ROOT, 'test', 'fixtures', 'data');

/** A complete 2021-format report: every entered cell gets a distinct figure that adds up. */
export function syntheticReport(): Report {
  const cells: Cells = {};
  let n = 3;
  for (const def of enteredCells(FORMAT_2021)) {
    if (def.kind === 'amount') cells[def.key] = 1234.56;
    else if (def.key.startsWith('apply.carried_forward.') || def.key.startsWith('apply.carried_over.') || def.key.startsWith('apply.new.')) cells[def.key] = 0;
    else cells[def.key] = n++;
  }
  // Make T3-BAL hold: new = processed_total + carried_forward - carried_over, per column.
  for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
    let processed = 0;
    for (const k of Object.keys(cells)) if (k.startsWith('apply.') && k.endsWith(`.${col}`) && !/apply\.(new|carried_over|carried_forward)\./.test(k)) processed += Number(cells[k]);
    cells[`apply.carried_over.${col}`] = 2;
    cells[`apply.carried_forward.${col}`] = 1;
    cells[`apply.new.${col}`] = processed + 1 - 2;
  }
  return {
    format: '2021',
    year: 2024,
    organ: '某某县人民政府',
    level: 'government',
    cells,
    sections: {
      preface:
        '本报告由某某县人民政府办公室根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定编制。数据统计期限为2024年1月1日至2024年12月31日。',
      overview: [
        '2024年，某某县坚持以公开为常态、不公开为例外，全面推进政务公开。',
        '（一）主动公开情况。全年主动公开政府信息2481条，发布政策解读“10”条——其中图解…5条。',
        '（二）依申请公开情况。全年新收申请件数见下表。',
        '（三）政府信息管理。健全“三审三校”制度。',
        '（四）政府信息公开平台建设。优化政府网站栏目。',
        '（五）监督保障。将政务公开纳入年度绩效考核，开展社会评议，未发生责任追究情况。',
      ].join('\n'),
      active: '',
      requests: '',
      review: '',
      problems: '（一）存在的问题\n公开内容的深度还需加强。\n（二）改进情况\n1.加强培训。每季度组织一次业务培训。\n2.完善制度。',
      other: '本年度没有产生信息公开处理费。',
    },
    signature: { organ: '某某县人民政府办公室', date: '2025-02-25' },
  };
}

/** A complete format-2019 report (reporting year 2020): its own table 二, the single （六） row, signed 本年增/减. */
export function synthetic2019Report(): Report {
  const cells: Cells = {};
  let n = 5;
  for (const def of enteredCells(FORMAT_2019)) {
    if (def.kind === 'text') cells[def.key] = '3979.5 万元';
    else if (def.kind === 'signed') cells[def.key] = -(n++);
    else cells[def.key] = n++;
  }
  const base = syntheticReport();
  return { ...base, format: '2019', year: 2020, organ: '某某县交通运输局', level: 'department', cells, signature: { organ: '某某县交通运输局', date: '2021-01-20' } };
}

/** The committed sample reports (name → report), or an empty list before they land. */
export function fixtureReports(): { name: string; report: Report }[] {
  if (!existsSync(FIXTURE_DATA_DIR)) return [];
  return readdirSync(FIXTURE_DATA_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const loaded = loadReportText(readFileSync(join(FIXTURE_DATA_DIR, f), 'utf8'));
      if (!loaded.ok) throw new Error(`${f}: ${loaded.error}`);
      return { name: f.replace(/\.json$/, ''), report: loaded.report };
    });
}

/**
 * A long report (several pages of narrative in every section, standalone （一） headings, a URL and an e-mail address
 * without break opportunities) for pagination: `variant` shifts the text so headings and tables fall elsewhere.
 */
export function longReport(variant: 1 | 2): Report {
  const base = syntheticReport();
  const sentence = (i: number) =>
    `第${i}项工作中，我们坚持以公开为常态、不公开为例外，围绕群众关切的重点领域持续发布政府信息${i * 7}条，及时回应社会关切，做好政策解读和舆情回应工作。`;
  const paras = (from: number, n: number) => Array.from({ length: n }, (_, k) => sentence(from + k) + (k % 2 === 0 ? sentence(from + k + 50) : '')).join('\n');
  const extra = variant === 1 ? 0 : 3;
  return {
    ...base,
    organ: variant === 1 ? '某某市某某区人民政府' : '某某自治县交通运输局',
    sections: {
      preface: `${base.sections?.preface ?? ''}如对本报告有疑问，请与本机关联系（地址：某某县人民路1号，邮编：100000，网址：https://www.example.gov.cn/zwgk/xxgk/ndbg/2024/index_content_annual_report.html，电子邮箱：zhengwugongkai.office@example-county.gov.cn）。`,
      overview: ['（一）主动公开', paras(1, 4 + extra), '（二）依申请公开', paras(10, 3), '（三）政府信息管理', paras(20, 3 + extra), '（四）平台建设', paras(30, 2), '（五）监督保障', paras(40, 3)].join('\n'),
      active: paras(60, 2 + extra),
      requests: paras(70, 3),
      review: paras(80, 1 + extra),
      problems: ['（一）存在的问题', paras(90, 3), '（二）改进情况', '1.加强培训。每季度组织一次业务培训。', paras(100, 2 + extra)].join('\n'),
      other: paras(110, 2),
    },
  };
}
