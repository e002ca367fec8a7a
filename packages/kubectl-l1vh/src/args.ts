// Pure argument parsing (node:util parseArgs); usage errors are values.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export const COMMON_OPTIONS = {
  output: { type: 'string', short: 'o' },
  profile: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  cluster: { type: 'string' },
  namespace: { type: 'string', short: 'n' },
  'all-namespaces': { type: 'boolean', short: 'A' },
  'request-timeout': { type: 'string' },
  verbose: { type: 'string', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: negativeValuesAttached(argv, options), options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}

/**
 * `--request-timeout -5`: kubectl (pflag) takes the next argument as a string flag's value even when
 * it starts with '-'; node's parseArgs calls that ambiguous. A negative number after a string
 * option is attached as `--name=-5`, so the option's own check can say what is wrong with it.
 */
function negativeValuesAttached(argv: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const stringFlags = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    stringFlags.add(`--${name}`);
    if (o.short) stringFlags.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (stringFlags.has(a) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a.startsWith('--') ? a : `--${longName(a, options)}`}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

function longName(short: string, options: NonNullable<ParseArgsConfig['options']>): string {
  return Object.entries(options).find(([, o]) => o.short === short.slice(1))![0];
}
