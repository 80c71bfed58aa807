/** What the clerk is told on opening an imported report or a roll-up draft. */
import { describe, expect, it } from 'vitest';
import { importedNotice } from '../../renderer/files/documentNames.js';

describe('the notice on opening an imported draft', () => {
  it('lists the importer\'s doubts only when there are some', () => {
    expect(importedNotice('某县2024年报告.docx', 3, 'published')).toContain('导入时存疑的 3 处列在右侧「需核对」中');
    const none = importedNotice('某县2024年报告.docx', 0, 'published');
    expect(none).not.toContain('0 处');
    expect(none).toContain('已导入「某县2024年报告.docx」');
  });

  it('a roll-up draft is opened, not imported, and says where the units\' figures are shown', () => {
    const rollup = importedNotice('某某县人民政府2024年报告（汇总）', 0, 'rollup');
    expect(rollup).toMatch(/^已打开汇总草稿「某某县人民政府2024年报告（汇总）」/);
    expect(rollup).toContain('各单位的数字');
    expect(rollup).not.toContain('导入');
  });
});
