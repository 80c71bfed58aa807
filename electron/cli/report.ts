/**
 * `npm run -s report -- <command> …`: the report tools without Electron (Node only).
 * Exit codes: 0 fine, 1 the report has errors, 2 the input can't be read or the usage is wrong.
 */
import { cleanText } from '../../shared/report/cleanText.js';
import { CliError, describeFailure, parseArgs, refuseOverwrites, type CliIo, type Command } from './args.js';
import { checkCommand } from './commands/check.js';
import { dataCommand } from './commands/data.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { nextCommand } from './commands/next.js';
import { rollupCommand } from './commands/rollup.js';
import { xlsxCommand } from './commands/xlsx.js';

export const COMMANDS: Record<string, Command> = {
  data: dataCommand,
  check: checkCommand,
  diff: diffCommand,
  export: exportCommand,
  import: importCommand,
  next: nextCommand,
  rollup: rollupCommand,
  xlsx: xlsxCommand,
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`用法：report <命令> …\n${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}\n`);
    return 2;
  }
  // Text from files (an organ's name, a finding quoting the report) is printed without terminal escapes or bidi controls.
  const printed: CliIo = { out: (t) => io.out(cleanText(t)), err: (t) => io.err(cleanText(t)) };
  try {
    const args = parseArgs(rest, command);
    await refuseOverwrites(args, command);
    return await command.run(args, printed);
  } catch (e) {
    printed.err(`${e instanceof CliError ? e.message : `出错：${describeFailure(e, argv[1] ?? '', 'open')}`}\n`);
    return e instanceof CliError ? e.exitCode : 2;
  }
}

const isEntry = process.argv[1] !== undefined && /report\.(ts|js|mjs|cjs)$/.test(process.argv[1]);
if (isEntry) {
  // `report diff a b | head`: the reader went away — stop quietly, as command-line tools do
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
