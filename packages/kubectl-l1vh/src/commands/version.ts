// kubectl l1vh version (and --version): the plugin's version, from its package.json, and the
// KubeVirt versions it models (the version table's rows, with what each was modelled on).

import { VERSION_KEYS, VERSION_TRAITS } from '@l1vh/core';
import { parse, UsageError } from '../args.js';
import { L1VH_VERSION } from '../project.js';
import type { CliIO } from '../io.js';
import { EXIT } from '../report.js';

export const VERSION_HELP = `Usage: kubectl l1vh version [-o text|json]

Prints the kubectl-l1vh version and the KubeVirt versions it models. A cluster reporting a
version after v1.9 (e.g. v1.10.x) is modelled as "main" as of the date shown.
`;

export function versionInfo() {
  return {
    version: L1VH_VERSION,
    kubevirt: VERSION_KEYS.map((key) => ({ key, label: VERSION_TRAITS[key].label, ...VERSION_TRAITS[key].modelledOn })),
  };
}

export async function versionCommand(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(VERSION_HELP);
    return EXIT.OK;
  }
  if (positionals.length > 0) throw new UsageError(`version takes no arguments (got "${positionals[0]}")`);
  const format = values.output ?? 'text';
  const info = versionInfo();
  if (format === 'json') io.stdout(JSON.stringify(info, null, 2) + '\n');
  else if (format === 'text') io.stdout(versionText(info));
  else throw new UsageError(`unknown output format "${format}" (valid: text, json)`);
  return EXIT.OK;
}

function versionText(info: ReturnType<typeof versionInfo>): string {
  const rows = info.kubevirt.map((k) => `  ${k.key.padEnd(5)} ${k.ref} (${k.date}); virt-launcher: libvirt ${k.launcherLibvirt}, QEMU ${k.launcherQemu}`);
  const main = info.kubevirt.find((k) => k.key === 'main');
  const later = main ? `A cluster reporting a later version (v1.10.x, …) is modelled as main as of ${main.date}.\n` : '';
  return `kubectl-l1vh ${info.version}\nKubeVirt versions modelled:\n${rows.join('\n')}\n${later}`;
}
