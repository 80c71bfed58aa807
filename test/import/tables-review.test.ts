/**
 * Table 四 as real reports print it: one row of fifteen after a one- or many-line header, three five-column
 * tables each with its own header, a vertical header a character per line, a markdown table; and no table at
 * all when the text holds only other tables' figures.
 */
import { describe, expect, it } from 'vitest';
import { readReview } from '../../shared/import/tables.js';
import { tokenise } from '../../shared/import/text.js';

const FIGURES = [2, 1, 0, 1, 4, 0, 0, 1, 0, 1, 3, 0, 0, 0, 3];

function read(text: string) {
  const r = readReview(tokenise(text.split('\n').map((t) => ({ text: t }))));
  const values = ['reconsideration', 'sued_direct', 'sued_after'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => r.cells[`review.${b}.${c}`]));
  return { values, uncertain: r.uncertain };
}

const COLUMNS = '结果维持 结果纠正 其他结果 尚未审结 总计';
const five = (b: number) => FIGURES.slice(b * 5, b * 5 + 5).join(' ');

describe('table 四 layouts', () => {
  it('three five-column tables, each with its own header and a caption', () => {
    const text = ['表4-1 行政复议情况', COLUMNS, five(0), '表4-2 行政诉讼（未经复议直接起诉）', COLUMNS, five(1), '表4-3 行政诉讼（复议后起诉）', COLUMNS, five(2)].join('\n');
    expect(read(text)).toEqual({ values: FIGURES, uncertain: [] });
  });

  it('the header spread over many lines, then the fifteen figures on one line', () => {
    const header = ['行政复议', '行政诉讼', '结果', '维持', '结果', '纠正', '其他', '结果', '尚未', '审结', '总计', '未经复议直接起诉', '复议后起诉', ...COLUMNS.split(' '), ...COLUMNS.split(' ')];
    expect(read([...header, FIGURES.join(' ')].join('\n'))).toEqual({ values: FIGURES, uncertain: [] });
  });

  it('a vertical header, a character per line column by column (PDF text), then the figures', () => {
    const text = ['行政复议 行政诉讼', '结  结  其  尚  总  未经复议直接起诉 复议后起诉', '果  果  他  未  计  结  结  其  尚  总', '维  纠  结  审  果  果  他  未', '持  正  果  结  维  纠  结  审', FIGURES.join(' ')].join('\n');
    expect(read(text)).toEqual({ values: FIGURES, uncertain: [] });
  });

  it('a markdown table, header rule and all', () => {
    const text = [
      '| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      `| ${COLUMNS.split(' ').join(' | ')} | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |`,
      `| | | | | | ${COLUMNS.split(' ').join(' | ')} | ${COLUMNS.split(' ').join(' | ')} |`,
      `| ${FIGURES.join(' | ')} |`,
    ].join('\n');
    expect(read(text)).toEqual({ values: FIGURES, uncertain: [] });
  });

  it('figures of other tables, with no header of table 四 before them, are not table 四', () => {
    const text = ['政府信息公开行政复议、行政诉讼情况见下表', '| 规章 | 0 | 0 | 0 |', '| 行政规范性文件 | 2 | 0 | 8 |', '| 行政许可 | 0 |', '| 行政处罚 | 2 |', '| 行政事业性收费 | 172 |'].join('\n');
    const { values, uncertain } = read(text);
    expect(values.every((v) => v === null)).toBe(true);
    expect(uncertain.map((u) => u.reason)).toEqual(['未能在原文中找到表四（行政复议、行政诉讼）的数字，请对照原文填写']);
  });
});

describe('table 四 printed but not readable', () => {
  it('seventeen digits run together that no cut settles: every cell is unread (a doubt), not a blank of the report', () => {
    const r = readReview(tokenise([`${COLUMNS} ${COLUMNS} ${COLUMNS}`, '00202000001324015'].map((t) => ({ text: t }))));
    const unread = new Set(r.uncertain.filter((u) => u.unread).map((u) => u.target));
    expect(Object.entries(r.cells).filter(([, v]) => v === null).map(([k]) => k).every((k) => unread.has(k))).toBe(true);
    expect(unread.size).toBe(15);
  });

  it('no figures under the header at all is not unread: the table is empty as printed (V-BLANK says so)', () => {
    const r = readReview(tokenise([`${COLUMNS} ${COLUMNS} ${COLUMNS}`, '五、存在的主要问题及改进情况'].map((t) => ({ text: t }))));
    expect(r.uncertain.some((u) => u.unread)).toBe(false);
  });
});
