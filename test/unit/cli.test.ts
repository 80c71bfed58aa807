/** The command line's commands, exit codes and output (exit code 2 also as a user gets it, from a real process). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_2021 } from '../../shared/report/format.js';
import { newDraft, serializeDraft } from '../../shared/schema/draft.js';
import { nestCells } from '../../shared/report/model.js';
import { runCli, runCliProcess } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));

const report = runCli;

/** A consistent full report: every detail cell 1 except carried_forward, which balances. */
function balancedCells(): Record<string, number> {
  const cells: Record<string, number> = {};
  for (const c of FORMAT_2021.cells) if (!c.sumOf) cells[c.key] = 0;
  cells['apply.new.natural'] = 5;
  cells['apply.granted.natural'] = 3;
  cells['apply.carried_forward.natural'] = 2;
  return cells;
}

const SECTIONS = {
  overview: '（一）主动公开 本年主动公开信息。（二）依申请公开 本年新收政府信息公开申请5件。（三）政府信息管理 加强管理。（四）政府信息公开平台建设 完善平台。（五）监督保障 开展工作考核、社会评议，无责任追究情况。',
  active: '见下表。',
  requests: '见下表。',
  review: '本年度未发生政府信息公开行政复议、行政诉讼。',
  problems: '（一）存在的问题 公开不够及时。（二）改进情况 加强培训。',
  other: '本年度没有产生信息公开处理费。',
};

describe('report command line', () => {
  it('data prints report data JSON for a draft, with computed totals', async () => {
    const d = newDraft({ year: 2024, organ: '某县人民政府' });
    d.cells = nestCells(balancedCells());
    const f = join(dir, 'a.gkbg');
    writeFileSync(f, serializeDraft(d));
    const r = await report('data', f);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.out);
    expect(data.format).toBe('2021');
    expect(data.year).toBe(2024);
    expect(data.cells['apply.new.total']).toBe(5);
    expect(data.cells['apply.processed_total.natural']).toBe(3);
  });

  it('check exits 0 without errors, 1 with errors (and --json lists them), 2 when unreadable', async () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ format: '2021', year: 2024, level: 'department', cells: balancedCells(), sections: SECTIONS }));
    const ok = await report('check', good, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)[0].findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ format: '2021', year: 2024, cells: { ...balancedCells(), 'apply.carried_forward.natural': 4 } }));
    const bad = await report('check', broken, '--json');
    expect(bad.code).toBe(1);
    const bal = JSON.parse(bad.out)[0].findings.find((f: { rule: string }) => f.rule === 'T3-BAL');
    expect(bal).toMatchObject({ severity: 'error' });
    expect(bal.cells).toContain('apply.carried_forward.natural');
    expect(bal.message).toMatch(/相差 2/);

    const text = await report('check', broken);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/错误 \[T3-BAL\]/);

    const missing = runCliProcess(['check', join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/文件不存在/);

    const corrupt = join(dir, 'corrupt.gkbg');
    writeFileSync(corrupt, '{"app":"gov-disclosure-report","schemaVersion":2,');
    const c = await report('check', corrupt);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/损坏|截断/);
  });

  it('check --previous turns on the cross-year rules', async () => {
    const prev = join(dir, 'prev.json');
    writeFileSync(prev, JSON.stringify({ format: '2021', year: 2023, cells: { ...balancedCells(), 'apply.carried_forward.natural': 7 } }));
    const cur = join(dir, 'cur.json');
    writeFileSync(cur, JSON.stringify({ format: '2021', year: 2024, cells: balancedCells() }));
    const r = await report('check', cur, '--previous', prev, '--json');
    const rules = JSON.parse(r.out)[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('XY-CARRY');
    const without = JSON.parse((await report('check', cur, '--json')).out)[0].findings.map((f: { rule: string }) => f.rule);
    expect(without).not.toContain('XY-CARRY');
  });

  it('an unknown command prints the usage and exits 2', async () => {
    const r = await report('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/用法/);
  });
});
