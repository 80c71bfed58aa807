/**
 * What an imported report printed where it departs from the format (Report.printed): each section's heading as
 * printed, so F-SECTIONS can judge a published report whose headings are not verbatim — from the parser, and
 * through `report check` on a published file (loadReportFile).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportFile } from '../../electron/main/services/reportFiles.js';
import { parsePublished, textDocument } from '../../shared/import/index.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { makeText, richData } from './make.js';

const reworded = (): string =>
  makeText(richData(FORMAT_2021, 2024), { layout: 'rows' })
    .replace(/^一、总体情况\n+/m, '一、总体情况。')
    .replace('四、政府信息公开行政复议、行政诉讼情况', '四、因政府信息公开申请行政复议、提起行政诉讼的情况')
    .replace('六、其他需要报告的事项', '六．其他需要报告的事项');

describe('printed headings', () => {
  it('each found section keeps its heading as printed: reworded, run in with its text, numbered otherwise', () => {
    const { report } = parsePublished(textDocument(reworded()));
    expect(report.printed?.headings).toEqual({
      overview: '一、总体情况',
      active: '二、主动公开政府信息情况',
      requests: '三、收到和处理政府信息公开申请情况',
      review: '四、因政府信息公开申请行政复议、提起行政诉讼的情况',
      problems: '五、存在的主要问题及改进情况',
      other: '六．其他需要报告的事项',
    });
    // a long line run in with its heading is still a heading; its text stays in the section
    expect(report.sections?.overview?.startsWith('2024 年度，')).toBe(true);
  });

  it('a heading worded otherwise between two found ones (「一、工作概况」) is taken, as printed; a table row 「四、…」 is not', () => {
    const text = makeText(richData(FORMAT_2021, 2024), { layout: 'cell-per-line' })
      .replace('一、总体情况', '一、工作概况')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '四、复议诉讼');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.overview).toBe('一、工作概况');
    expect(report.printed?.headings?.review).toBe('四、复议诉讼');
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
    expect(report.sections?.overview).toBeTruthy();
  });

  it('a heading worded otherwise with a year in it (「一、2023年工作开展情况」) is taken too', () => {
    const text = makeText(richData(FORMAT_2021, 2024), { layout: 'cell-per-line' }).replace('一、总体情况', '一、2024年工作开展情况');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.overview).toBe('一、2024年工作开展情况');
    expect(report.sections?.overview).toBeTruthy();
  });

  it('an excerpt cut inside part 一, its heading worded otherwise (「一 、政府信息公开工作的基本概况」): still section 一', () => {
    const text = ['某镇2024年政府信息公开工作年度报告', '根据《条例》要求，编制本报告。', '一 、政府信息公开工作的基本概况', '（一）主动公开情况。2024年，我镇主动公开信息120条。', '（二）依申请公开情况。2024年，我镇未收到申请。'].join('\n');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.overview).toBe('一 、政府信息公开工作的基本概况');
    expect(report.sections?.overview).toContain('主动公开信息120条');
    // a numbered line of the preface that names no overview is not taken
    const other = parsePublished(textDocument(text.replace('一 、政府信息公开工作的基本概况', '一、加强组织领导')));
    expect(other.report.printed?.headings?.overview).toBeUndefined();
  });

  it('with no heading found after it, a later part in mostly its own words (「二、主动公开情况」 after 「一、概述」) is that part', () => {
    const text = ['某镇2021年政府信息公开工作年度报告', '一、概述', '2021年，我镇较好地完成了政务公开工作。', '二、主动公开情况', '（一）主动公开的文件数量：0件；', '（二）主动公开的主要类别：机构设置、工作动态。'].join('\n');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.active).toBe('二、主动公开情况');
    expect(report.sections?.active).toContain('主动公开的文件数量');
    expect(report.sections?.overview).not.toContain('主动公开的文件数量');
    // an older format's part of other words (「二、组织领导和制度建设情况」) is no 主动公开
    const older = parsePublished(textDocument(text.replace('二、主动公开情况', '二、组织领导和制度建设情况')));
    expect(older.report.printed?.headings?.active).toBeUndefined();
  });

  it('a point of part 一 numbered and worded as a heading (「三、主动公开政府信息情况。…」) gives way to the heading under its own number', () => {
    const text = makeText(richData(FORMAT_2021, 2024), { layout: 'rows' }).replace(
      /(一、总体情况\n)/,
      '$1一、加强组织领导。确定专人负责。\n三、主动公开政府信息情况。2024年，我局无相关政务信息公开。\n四、依申请公开政府信息情况。我局全年未收到申请。\n',
    );
    expect(text).toContain('三、主动公开政府信息情况。2024年');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.active).toBe('二、主动公开政府信息情况');
    expect(report.sections?.overview).toContain('我局无相关政务信息公开');
  });

  it('a reworded heading closed by a full stop (「一、区发改局信息公开总体情况概述。」) is section 一, as printed', () => {
    const text = makeText(richData(FORMAT_2021, 2024), { layout: 'cell-per-line' }).replace('一、总体情况', '一、区发改局信息公开总体情况概述。');
    const { report } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.overview).toBe('一、区发改局信息公开总体情况概述');
    expect(report.sections?.overview).toBeTruthy();
  });

  it('a heading numbered wrongly but with its own words (「二、收到和处理…」 after 「二、主动公开…」) is its section’s, as printed', () => {
    const text = makeText(richData(FORMAT_2021, 2024), { layout: 'rows' }).replace('三、收到和处理政府信息公开申请情况', '二、收到和处理政府信息公开申请情况');
    const { report, uncertain } = parsePublished(textDocument(text));
    expect(report.printed?.headings?.requests).toBe('二、收到和处理政府信息公开申请情况');
    expect(uncertain.filter((u) => u.target.startsWith('sections.'))).toEqual([]);
  });

  it('the 2019 labels a 2021 table still prints, as the table reader found them', () => {
    const old = (l: string) => (l === '2.其他法律行政法规禁止公开' ? '2.其他法律法规禁止公开' : l);
    const { report } = parsePublished(textDocument(makeText(richData(FORMAT_2021, 2024), { layout: 'rows', label: old })));
    expect(report.printed?.oldLabels).toEqual(['2.其他法律法规禁止公开']);
    expect(parsePublished(textDocument(makeText(richData(FORMAT_2021, 2024), { layout: 'rows' }))).report.printed?.oldLabels).toBeUndefined();
  });

  it('`report check` on a published file keeps them on the Report it returns', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'printed-')), 'report.txt');
    writeFileSync(path, reworded());
    const loaded = await loadReportFile(path);
    expect(loaded.ok && loaded.report.printed?.headings?.review).toBe('四、因政府信息公开申请行政复议、提起行政诉讼的情况');
  });
});
