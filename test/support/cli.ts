/**
 * The command line in a test: `runCli` runs its `main` in this process (what it printed and its exit code), the way
 * most tests call it; `runCliProcess` runs it as a user does, a real `npm run -s report` process — slow (a process and
 * a TypeScript load a call), so kept for the tests about the process itself: its exit code and streams.
 */
import { spawnSync } from 'node:child_process';
import { main } from '../../electron/cli/report.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

export function runCliProcess(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync('npm', ['run', '-s', 'report', '--', ...argv], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
