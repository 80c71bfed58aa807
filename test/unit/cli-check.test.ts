/**
 * The command line: `check` on several files at once (the first test as a user runs it, a real `npm run -s report`
 * process; the rest in this process), and options every command refuses when it doesn't know them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { acceptWarning } from '../../shared/report/acceptance.js';
import { evaluate } from '../../shared/rules/index.js';
import { draftToReport, newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { runCli, runCliProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
const published = (name: string) => join(import.meta.dirname, '..', 'fixtures', 'published', `${name}.txt`);

const report = runCli;

/** Report data JSON of a department's report whose table 三 balances, unless `carriedForward` is given. */
function dataFile(name: string, year: number, carriedForward = 2): string {
  const cells: Record<string, number> = {};
  for (const c of FORMAT_2021.cells) if (!c.sumOf) cells[c.key] = 0;
  Object.assign(cells, { 'apply.new.natural': 5, 'apply.granted.natural': 3, 'apply.carried_forward.natural': carriedForward });
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify({ format: '2021', year, level: 'department', cells }));
  return f;
}

type JsonCheck = { file: string; ok: boolean; error?: string; findings?: { rule: string; severity: string }[] };

describe('report check on several files', () => {
  const good = dataFile('good.json', 2024);
  const broken = dataFile('broken.json', 2024, 4);
  const missing = join(dir, 'nope.json');

  it('prints each file under a header naming it, and exits with the worst of all', async () => {
    const r = runCliProcess(['check', good, broken, published('urumqi-county-2024')]);
    expect(r.code).toBe(1);
    const blocks = r.out.split(/^== /m).slice(1);
    expect(blocks.map((b) => b.slice(0, b.indexOf(' =='))) ).toEqual([good, broken, published('urumqi-county-2024')]);
    expect(blocks[0]).not.toMatch(/错误 \[/);
    expect(blocks[1]).toMatch(/错误 \[T3-BAL\]/);
    expect(blocks[2]).toMatch(/\[F-KPZ\]/);
    expect(r.out).toMatch(/共检查 3 个文件：1 个无错误，2 个有错误，0 个无法读取。/);

    expect((await report('check', good, good)).code).toBe(0);
  });

  it('a published report in markdown or under another name is read as a report, never as a broken JSON file', async () => {
    const text = readFileSync(published('urumqi-county-2024'), 'utf8');
    const md = join(dir, 'report.md');
    const unnamed = join(dir, 'report.data');
    writeFileSync(md, text);
    writeFileSync(unnamed, text);
    for (const f of [md, unnamed]) {
      const r = await report('check', f);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/\[F-KPZ\]/);
    }
    // a draft that is damaged stays a damaged draft, not a text to import
    const damaged = join(dir, 'damaged.gkbg');
    writeFileSync(damaged, 'not json at all');
    expect((await report('check', damaged)).code).toBe(2);
  });

  it('an unreadable file among them: named on stderr, the others still checked, exit 2', async () => {
    const r = await report('check', broken, missing, good);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${missing}：无法读取「${basename(missing)}」：文件不存在`);
    expect(r.out).toContain(`== ${broken} ==`);
    expect(r.out).toContain(`== ${good} ==`);
    expect(r.out).toMatch(/1 个无错误，1 个有错误，1 个无法读取/);
  });

  it('--json prints an array of {file, ok, error?, findings?}, one per file, also for one file', async () => {
    const r = await report('check', good, missing, broken, '--json');
    expect(r.code).toBe(2);
    const checks = JSON.parse(r.out) as JsonCheck[];
    expect(checks.map((c) => [c.file, c.ok])).toEqual([
      [good, true],
      [missing, false],
      [broken, true],
    ]);
    expect(checks[1]?.error).toMatch(/文件不存在/);
    expect(checks[1]?.findings).toBeUndefined();
    expect(checks[2]?.findings?.some((f) => f.rule === 'T3-BAL' && f.severity === 'error')).toBe(true);

    const one = JSON.parse((await report('check', good, '--json')).out) as JsonCheck[];
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ file: good, ok: true });
  });

  it('--previous applies to each file', async () => {
    const previous = dataFile('prev.json', 2023, 7);
    const other = dataFile('other.json', 2024);
    const checks = JSON.parse((await report('check', good, other, '--previous', previous, '--json')).out) as JsonCheck[];
    expect(checks.map((c) => c.findings?.some((f) => f.rule === 'XY-CARRY'))).toEqual([true, true]);
  });
});

describe('report check on a draft with accepted warnings', () => {
  it('shows an accepted warning as accepted, with the clerk\'s explanation, apart from the open ones', async () => {
    const draft = newDraft({ year: 2024, organ: '某县人民政府', level: 'government' });
    draft.meta.title = '某县人民政府政务公开年报';
    const titleWarning = evaluate(draftToReport(draft)).find((f) => f.rule === 'F-TITLE');
    if (!titleWarning) throw new Error('F-TITLE expected');
    draft.acceptedWarnings = [...acceptWarning([], titleWarning, '按本县惯例的标题')];
    const f = join(dir, 'accepted.gkbg');
    writeFileSync(f, serializeDraft(draft));
    const r = await report('check', f);
    expect(r.out).toContain('已接受 [F-TITLE]');
    expect(r.out).toContain('（说明：按本县惯例的标题）');
    expect(r.out).not.toMatch(/^警告 \[F-TITLE\]/m);
    expect(r.out).toMatch(/1 个已接受的警告/);
    const json = JSON.parse((await report('check', f, '--json')).out) as { findings: { rule: string; accepted?: { explanation: string } }[] }[];
    expect(json[0]?.findings.find((x) => x.rule === 'F-TITLE')?.accepted).toEqual({ explanation: '按本县惯例的标题' });
  });
});

describe('options a command does not know are refused, for every command', () => {
  it('a misspelt --previous is refused with exit 2, naming it (it used to turn the cross-year rules off silently)', async () => {
    const previous = dataFile('prev2.json', 2023, 7);
    const r = await report('check', dataFile('cur.json', 2024), '--previos', previous);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/未知的选项「--previos」（是否想用 --previous？）/);
    expect(r.out).toBe('');
  });

  it.each([
    ['data', ['--json']],
    ['check', ['--fnial']],
    ['export', ['--docx', join(dir, 'o.docx'), '--stritc']],
    ['import', ['--out', join(dir, 'o.gkbg'), '--jsn']],
    ['next', ['--out', join(dir, 'n.gkbg'), '-f']],
  ])('%s', async (command, options) => {
    const r = await report(command, dataFile(`${command}.json`, 2024), ...options);
    expect(r.code).toBe(2);
    const named = options[options.length - 1] ?? '';
    expect(r.err).toContain(`未知的选项「${named}」`);
    expect(r.err).toContain(`用法：report ${command}`);
  });

  it('a value option without its value, a flag given a value, an option twice, a second file where one is taken', async () => {
    const f = dataFile('one.json', 2024);
    expect((await report('check', f, '--previous')).err).toMatch(/选项「--previous」后面缺少值/);
    expect((await report('check', f, '--json=yes')).err).toMatch(/选项「--json」不带值/);
    expect((await report('check', f, '--json', '--json')).err).toMatch(/选项「--json」只能给一次/);
    const two = await report('data', f, f);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(/多余的参数/);
  });
});
