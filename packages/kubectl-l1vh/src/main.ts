// kubectl-l1vh: returns an exit code; never calls process.exit.
import { UsageError } from './args.js';
import { explainCommand } from './commands/explain.js';
import type { CliIO } from './io.js';
import { EXIT } from './report.js';

export const HELP = `kubectl l1vh: what a KubeVirt VM becomes on a cluster, before it is deployed.

Usage: kubectl l1vh COMMAND [options]

Commands:
  explain (FILE|DIR|-)...   hypervisor and why, domain XML, overhead, launcher resources

Exit codes:
  0  success (no error findings)
  1  findings at or above --fail-on, or invalid input manifests
  2  usage, configuration, I/O or internal error
  3  the cluster could not be read (unreachable, TLS, 401/403, timeout, bad kubeconfig)

Run 'kubectl l1vh COMMAND --help' for a command's options.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  explain: explainCommand,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return EXIT.OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`kubectl-l1vh: unknown command "${name}"\n\n${HELP}`);
    return EXIT.USAGE;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kubectl-l1vh ${name}: ${e.message}\nRun 'kubectl l1vh ${name} --help' for usage.\n`);
      return EXIT.USAGE;
    }
    throw e;
  }
}
