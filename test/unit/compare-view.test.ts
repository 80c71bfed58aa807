/** The compare view's markup (server-rendered): a labelled dialog, cells with their format labels, words marked. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CompareView } from '../../renderer/compare/CompareView.js';
import { compareDrafts } from '../../shared/compare/compare.js';
import { nestCells, type Cells } from '../../shared/report/model.js';
import { newDraft, type DraftFile } from '../../shared/schema/draft.js';

function draft(cells: Cells, overview: string, format: '2021' | '2019' = '2021'): DraftFile {
  const d = newDraft({ year: 2024, format, organ: '某县人民政府', level: 'government' });
  d.cells = nestCells(cells);
  d.sections = { ...d.sections, overview };
  return d;
}

const render = (from: DraftFile, to: DraftFile) =>
  renderToStaticMarkup(createElement(CompareView, { comparison: compareDrafts(from, to), fromLabel: '送审稿', toLabel: '修改稿', onClose: () => undefined }));

describe('CompareView', () => {
  const html = render(draft({ 'apply.new.natural': 16 }, '本年度共收到政府信息公开申请16件。'), draft({ 'apply.new.natural': 21 }, '本年度共受理政府信息公开申请21件。'));

  it('is a modal dialog named by its heading', () => {
    const id = /role="dialog" aria-modal="true" aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<h2 id="${id}">比较：送审稿 → 修改稿</h2>`);
    expect(html).toContain('aria-label="关闭"');
  });

  it('shows each changed cell with its label from the format and both values', () => {
    expect(html).toContain('<th scope="row">三、一、本年新收政府信息公开申请数量·自然人</th><td><del>16</del></td><td><ins>21</ins></td>');
    expect(html).toContain('表格（1 处变化）');
  });

  it('marks removed words on the older side and added words on the newer side', () => {
    const sides = html.match(/<div class="cmp-text">.*?<\/div>/g) ?? [];
    expect(sides).toHaveLength(2);
    expect(sides[0]).toContain('<del>收到</del>');
    expect(sides[0]).not.toContain('<ins>');
    expect(sides[1]).toContain('<ins>受理</ins>');
    expect(sides[1]).not.toContain('<del>');
    expect(html).toContain('一、总体情况<small>删除 2 处，新增 2 处</small>');
  });

  it('lists the findings that appeared and were resolved', () => {
    expect(html).toContain('新出现的问题（');
    expect(html).toContain('已解决的问题（');
  });

  it('lists the cells only one format has when the formats differ', () => {
    const mixed = render(draft({ 'active2019.licensing.decisions': 40 }, '', '2019'), draft({ 'active.licensing.decisions': 40 }, ''));
    expect(mixed).toContain('两个版本的格式不同（2019年格式 / 2021年格式）');
    expect(mixed).toContain('<li>二、行政许可·处理决定数量：40</li>');
    expect(mixed).toContain('<li>二、行政许可·本年处理决定数量：40</li>');
  });
});
