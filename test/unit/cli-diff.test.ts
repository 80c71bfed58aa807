/**
 * `report diff <a> <b> [--json]`: the JSON as a user gets it (a real `npm run -s report` process), the listing and
 * the refusals through the command line's `main` in this process (quicker).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/report.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-diff-'));
const fixtures = join(import.meta.dirname, '..', 'fixtures');
const data = join(fixtures, 'data', 'xinxiang-county-office-2024.json');
const published = join(fixtures, 'published', 'xinxiang-county-office-2024.txt');

function report(...args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'report', '--', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The sample's report data with 行政许可 changed, a word of 五 changed, and table 三 unbalanced. */
function edited(): string {
  const json = JSON.parse(readFileSync(data, 'utf8')) as { cells: Record<string, number | null>; sections: Record<string, string> };
  json.cells['active.licensing.decisions'] = 99;
  json.cells['apply.new.natural'] = (json.cells['apply.new.natural'] ?? 0) + 1;
  json.sections.problems = `${json.sections.problems ?? ''}下一步将进一步加强培训。`;
  const f = join(dir, 'edited.json');
  writeFileSync(f, JSON.stringify(json));
  return f;
}

/** The command line in this process: exit code and what it printed. */
async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

type DiffJson = {
  cells: { key: string; from: unknown; to: unknown }[];
  sections: { section: string; added: string[]; removed: string[] }[];
  findings: { added: { rule: string }[]; resolved: { rule: string }[] };
};

describe('report diff', () => {
  const after = edited();

  it('--json prints exactly cells, sections and findings in the agreed shape', () => {
    const r = report('diff', data, after, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as DiffJson;
    expect(Object.keys(json)).toEqual(['cells', 'sections', 'findings']);
    expect(json.cells).toEqual([
      { key: 'active.licensing.decisions', from: json.cells[0]?.from, to: 99 },
      { key: 'apply.new.natural', from: json.cells[1]?.from, to: Number(json.cells[1]?.from) + 1 },
    ]);
    expect(json.sections).toEqual([{ section: 'problems', added: ['下一步将进一步加强培训。'], removed: [] }]);
    expect(Object.keys(json.findings)).toEqual(['added', 'resolved']);
    for (const f of json.findings.added) expect(Object.keys(f)).toEqual(['rule', 'severity', 'message', 'target']);
    expect(json.findings.added.map((f) => f.rule)).toContain('T3-BAL');
  });

  it('compares report data with the published report the importer reads', () => {
    const r = report('diff', published, after, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as DiffJson;
    expect(json.cells.map((c) => c.key)).toEqual(['active.licensing.decisions', 'apply.new.natural']);
  });

  it('prints a readable Chinese listing without --json', async () => {
    const r = await run('diff', data, after);
    expect(r.code).toBe(0);
    expect(r.out).toContain('表格：2 个单元格有变化');
    expect(r.out).toMatch(/二、行政许可·本年处理决定数量：\d+ → 99/);
    expect(r.out).toContain('「五、问题及改进」');
    expect(r.out).toMatch(/新增：…\S*〔下一步将进一步加强培训。〕\n/);
    expect(r.out).toMatch(/检查结果：新出现 \d+ 项，已解决 \d+ 项/);
    expect(r.out).toMatch(/新出现 错误 \[T3-BAL\]/);
  });

  it('shows a changed word with the words either side', async () => {
    const json = JSON.parse(readFileSync(data, 'utf8')) as { sections: Record<string, string> };
    const overview = json.sections.overview ?? '';
    json.sections.overview = overview.replace('新乡县人民政府', '新乡县政府');
    const f = join(dir, 'reworded.json');
    writeFileSync(f, JSON.stringify(json));
    const r = await run('diff', data, f);
    // 「人民政府」 is one word: the change is that word, shown between the words around it
    expect(overview.startsWith('2024 年度，新乡县人民政府办公室认真落实')).toBe(true);
    expect(r.out).toContain('    改为：2024 年度，新乡县〔人民政府 → 政府〕办公室认真落实');
  });

  it('says so when nothing changed', async () => {
    const r = await run('diff', data, data);
    expect(r.code).toBe(0);
    expect(r.out).toContain('表格：无变化');
    expect(r.out).toContain('正文：无改动');
  });

  it('exits 2 for an unreadable file, a missing file, a file too few, and an unknown option', async () => {
    const garbage = join(dir, 'garbage.json');
    writeFileSync(garbage, '{not json');
    const unreadable = await run('diff', data, garbage);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain('garbage.json');
    expect((await run('diff', join(dir, 'nope.json'), data)).code).toBe(2);
    expect((await run('diff', data)).code).toBe(2);
    const unknown = await run('diff', data, after, '--jsn');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--json');
  });
});
