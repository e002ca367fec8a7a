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
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
  }
}
