// kubectl-l1vh: returns an exit code; never calls process.exit.
import { UsageError } from './args.js';
import { L1VH_VERSION } from './project.js';
import { isClusterError } from '@l1vh/cluster-client';
import type { CliIO } from './io.js';
import { EXIT } from './report.js';

export const HELP = `kubectl l1vh: what a KubeVirt VM becomes on a cluster, before it is deployed.

Usage: kubectl l1vh COMMAND [options]

Commands:
  explain (FILE|DIR|-|vm/NAME|vmi/NAME)...
                            hypervisor and why, domain XML, overhead, launcher resources
  domain (FILE|DIR|-)...    only the libvirt domain XML, one document per VM (virsh define --validate)
  lint (FILE|DIR|-)...      workspace lint: rules with ids and severities; -o text|json|sarif|junit,
                            --fail-on error|warning|info; .l1vh.yaml configures it
  cluster                   is the cluster (or --profile) ready for L1VH? gates, hypervisor, nodes
  snapshot                  capture the cluster as a profile: kubectl l1vh snapshot > cluster.yaml
  verify [-n NS|-A]         compare predictions with running VMIs' launcher pods
  report [-o openmetrics|table]
                            count running VMIs by hypervisor and L1VH fallback reason
  whatif [FILE|DIR|-]... --hypervisor|--feature-gate|--use-emulation|--kubevirt-version|--node-device ...
                            every VM before → after a cluster change; per-node requests vs allocatable
  version                   the plugin's version and the KubeVirt versions it models (also --version)

Exit codes:
  0  success (no error findings; for explain and domain, every VM runs)
  1  findings at or above --fail-on, a VM that will not run (explain, domain), a VM that stops
     running (whatif), or invalid input manifests
  2  usage, configuration, I/O or internal error
  3  the cluster could not be read (unreachable, TLS, 401/403, timeout, bad kubeconfig)

Cluster flags (as kubectl): --kubeconfig FILE, --context NAME, --cluster NAME, -n/--namespace NS,
  -A/--all-namespaces, --request-timeout 0|30s|1m|SECONDS (default 30s; 0 = no limit), -v LEVEL.
  A malformed or missing kubeconfig exits 3, like any other failure to read the cluster.

Run 'kubectl l1vh COMMAND --help' for a command's options.
`;

type Command = (argv: string[], io: CliIO) => Promise<number>;

/**
 * Each command is loaded when it runs: the bundle then evaluates only the modules that command
 * needs at start-up (cold start), not every command's formatters and tables.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  domain: async () => (await import('./commands/domain.js')).domainCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  cluster: async () => (await import('./commands/cluster.js')).clusterCommand,
  snapshot: async () => (await import('./commands/snapshot.js')).snapshotCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  report: async () => (await import('./commands/report.js')).reportCommand,
  whatif: async () => (await import('./commands/whatif.js')).whatifCommand,
  version: async () => (await import('./commands/version.js')).versionCommand,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(HELP);
    return EXIT.OK;
  }
  if (name === '--version') {
    io.stdout(`kubectl-l1vh ${L1VH_VERSION}\n`);
    return EXIT.OK;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`kubectl-l1vh: unknown command "${name}"\n\n${HELP}`);
    return EXIT.USAGE;
  }
  try {
    return await (await load())(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kubectl-l1vh ${name}: ${e.message}\nRun 'kubectl l1vh ${name} --help' for usage.\n`);
      return EXIT.USAGE;
    }
    if (isClusterError(e)) {
      io.stderr(`kubectl-l1vh ${name}: ${e.message}\n`);
      return EXIT.CLUSTER;
    }
    throw e;
  }
}
