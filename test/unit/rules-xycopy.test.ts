/**
 * XY-COPY: more than half of this year's narrative repeating last year's (years and figures changed or not), not
 * counting the prescribed headings, the 统计期限 sentence, the app's data sentences or sentences whose figures are all 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySentence } from '../../shared/report/narrative.js';
import { nextYearDraft, REVIEW_MARK } from '../../shared/report/nextYear.js';
import { draftToReport, reportToDraft } from '../../shared/schema/draft.js';
import { FORMAT_2021 } from '../../shared/report/format.js';
import type { Report, Sections } from '../../shared/report/model.js';
import { toReportData } from '../../shared/schema/reportData.js';
import { asDraft, cleanReport, fixture, only, run, rulesOf } from './rules-support.js';

/** This year's report (2024) with last year's narrative `sections` (and this year's figures as last year's). */
function withLastYear(sections: Sections, tweak?: (r: Report) => void): Report {
  const r = asDraft(cleanReport());
  r.previous = { year: 2023, format: '2021', cells: { ...r.cells }, sections };
  tweak?.(r);
  return r;
}

/** Each section's text through `edit`. */
function mapSections(s: Sections, edit: (text: string) => string): Sections {
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, edit(v ?? '')]));
}

const thisYear = (): Sections => cleanReport().sections ?? {};

describe('XY-COPY', () => {
  it('fires on a report that copies last year’s, listing the copied passages', () => {
    const f = only(run(withLastYear(mapSections(thisYear(), (t) => t.replace(/2024/g, '2023')))), 'XY-COPY');
    expect(f).toHaveLength(1);
    const finding = f[0];
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(/^正文 \d+ 字中有 \d+ 字（100%）与2023年报告相同或只改了年份、数字和个别字词/);
    expect(finding?.message).toContain('雷同段落：「一、总体情况」“');
    // the copied sentences of each section, the first passage is the span
    expect([...new Set(finding?.passages?.map((p) => p.section))]).toEqual(['overview', 'problems', 'other']);
    expect(finding?.span).toEqual(finding?.passages?.[0]);
    const sections = thisYear();
    for (const p of finding?.passages ?? []) expect(p.end).toBeLessThanOrEqual((sections[p.section] ?? '').length);
    // a format heading between two copied sentences (「（二）依申请公开情况。」) is not marked as copied
    const marked = (finding?.passages ?? []).map((p) => (sections[p.section] ?? '').slice(p.start, p.end));
    expect(marked.filter((t) => /[（(][一二三四五][）)](主动公开|依申请公开|政府信息管理|政府信息公开平台建设|平台建设|监督保障)[^。\n]{0,4}[。\n]/.test(t))).toEqual([]);
    // the preface is the standard wording: never a passage
    expect(finding?.passages?.some((p) => p.section === 'preface')).toBe(false);
  });

  it('fires on a lightly edited copy: years and figures changed, a few words too', () => {
    const edited = mapSections(thisYear(), (t) =>
      t
        .replace(/2024/g, '2023')
        .replace(/\d+(?=\s*[条件])/g, (n) => String(Number(n) + 7))
        .replace('信息更新不及时', '信息发布不够及时'),
    );
    const f = only(run(withLastYear(edited)), 'XY-COPY');
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toMatch(/（100%）/);
  });

  it('counts a sentence with a word changed as copied, and a rewritten one not', () => {
    const own = ['今年新开设乡村振兴专题栏目，集中发布惠农补贴政策。', '群众留言全部按期答复，满意率明显提升。', '全年组织政务公开业务培训两次。'];
    const lastYear = ['今年新开设乡村振兴专题专栏，集中发布惠农补贴政策。', '群众留言全部按期答复，满意率明显提升。', '全年组织政务公开业务培训两次。'];
    const r = withLastYear({ overview: lastYear.join('') });
    r.sections = { overview: own.join('') };
    expect(only(run(r), 'XY-COPY')[0]?.passages).toEqual([{ section: 'overview', start: 0, end: own.join('').length }]);
    r.sections = { overview: ['我县首次开展政务公开开放日活动，邀请群众代表走进政府。', ...own.slice(1)].join('') };
    expect(only(run(r), 'XY-COPY')[0]?.passages).toEqual([{ section: 'overview', start: 27, end: r.sections.overview?.length }]);
  });

  it('fires on next year’s draft started from this one (text carried over, marked 【请核对】), the marks aside', () => {
    const source = reportToDraft(cleanReport(), new Set(FORMAT_2021.cells.filter((c) => !c.sumOf).map((c) => c.key)));
    const next = nextYearDraft(source).draft;
    expect(next.sections.overview).toContain(REVIEW_MARK);
    const f = only(run(draftToReport(next)), 'XY-COPY');
    expect(f[0]?.message).toMatch(/（100%）与2024年报告相同/);
  });

  it('is quiet on a rewritten report (last year’s narrative is another text)', () => {
    const other = fixture('xinxiang-county-office-2024').sections ?? {};
    expect(rulesOf(run(withLastYear(other)))).not.toContain('XY-COPY');
  });

  it('is quiet without last year’s narrative, or when less than half repeats', () => {
    expect(rulesOf(run(asDraft(cleanReport())))).not.toContain('XY-COPY');
    expect(rulesOf(run(withLastYear({})))).not.toContain('XY-COPY');
    // last year's 五 and 六 only: about a third of this year's narrative
    const s = thisYear();
    expect(rulesOf(run(withLastYear({ problems: s.problems ?? '', other: s.other ?? '' })))).not.toContain('XY-COPY');
  });

  /** Two sentences of each year's own, and `standard` written alike both years (`year` in it replaced). */
  function narrative(year: number, standard: string): Sections {
    const own = year === 2024 ? '今年新开设两个专题栏目。\n群众留言全部按期答复。' : '去年完善了公开指南内容。\n财政预决算全部按时公开。';
    return { overview: `${standard.replace(/YEAR/g, String(year))}\n${own}` };
  }
  const dataSentence = (n: number) => applySentence({ format: '2021', cells: { 'apply.new.natural': n, 'apply.granted.natural': n } });
  const STANDARD: readonly [string, (year: number) => string][] = [
    ['the prescribed headings', () => '三、收到和处理政府信息公开申请情况\n（四）政府信息公开平台建设'],
    ['the 统计期限 sentence', () => '本年度报告中所列数据的统计期限为YEAR年1月1日至YEAR年12月31日，特此说明。'],
    ['a sentence whose figures are all 0', () => '本年度共收到政府信息公开申请0件，办结0件，结转下年度0件，行政复议0件，行政诉讼0件。'],
    ['the data sentence the app builds from the tables', (year) => dataSentence(year === 2024 ? 12 : 7)],
  ];

  for (const [what, standard] of STANDARD) {
    it(`does not count ${what}`, () => {
      const r = withLastYear(narrative(2023, standard(2023)));
      r.sections = narrative(2024, standard(2024));
      expect(rulesOf(run(r))).not.toContain('XY-COPY');
    });
  }

  it('counts the same narrative when its own sentences are copied too', () => {
    const standard = `${STANDARD.map(([, s]) => s(2024)).join('\n')}\n另外还新建了政务公开专区。`;
    const r = withLastYear(narrative(2024, standard));
    r.sections = narrative(2024, standard);
    expect(only(run(r), 'XY-COPY')[0]?.message).toMatch(/（100%）/);
  });

  it('merges copied sentences next to each other into one passage, with exact offsets', () => {
    const a = '今年继续推进政务公开标准化规范化建设，覆盖全部乡镇。';
    const b = '完善政府信息公开指南和目录，方便群众查找所需信息内容。';
    const c = '新开设“办事一次成”专栏，集中发布高频事项办理流程。';
    const r = withLastYear({ overview: `${a}${b}另写的一句话，与今年完全不同的内容。`, problems: c });
    r.sections = { overview: `${a}${b}我县首次开展政务公开开放日活动，邀请群众代表走进政府。`, problems: c };
    const f = only(run(r), 'XY-COPY')[0];
    expect(f?.passages).toEqual([
      { section: 'overview', start: 0, end: a.length + b.length },
      { section: 'problems', start: 0, end: c.length },
    ]);
  });
});

describe('XY-COPY from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xycopy-'));
  const write = (name: string, r: Report) => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(toReportData(r)));
    return f;
  };
  const current = asDraft(cleanReport());
  const thisFile = write('2024.json', current);
  const lastFile = write('2023.json', { ...current, year: 2023, sections: mapSections(thisYear(), (t) => t.replace(/2024/g, '2023')) });

  function check(...args: string[]) {
    const r = spawnSync('npm', ['run', '-s', 'report', '--', 'check', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
    const json = JSON.parse(r.stdout) as { findings?: { rule: string; message: string; sections?: string[] }[] }[];
    return json[0]?.findings ?? [];
  }

  it('runs with last year’s text from --previous, and not without it', () => {
    const found = check(thisFile, '--previous', lastFile);
    expect(found.filter((f) => f.rule === 'XY-COPY').map((f) => f.message)).toEqual([expect.stringMatching(/与2023年报告相同/)]);
    expect(check(thisFile).map((f) => f.rule)).not.toContain('XY-COPY');
  });

  it('names in the JSON the sections whose text was copied, where a reviewer looks', () => {
    const copy = check(thisFile, '--previous', lastFile).find((f) => f.rule === 'XY-COPY');
    expect(copy?.sections).toEqual(expect.arrayContaining(['overview']));
  });
});
