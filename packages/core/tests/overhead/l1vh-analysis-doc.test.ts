// The tables in docs/l1vh-memory-overhead-analysis.md are computed by this file from our
// GetMemoryOverhead / launcher renderer / memlock models; the test fails when the document
// drifts from the code (the expected block is printed to copy into the document).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VirtualMachineInstance } from '../../src/api/kubevirt-types.js';
import { memlockLimit } from '../../src/overhead/memlock.js';
import { computeOverhead } from '../../src/overhead/memory-overhead.js';
import { computeLauncherResources } from '../../src/resources/launcher-resources.js';
import { selectHypervisor } from '../../src/select/select-hypervisor.js';
import { REPO_ROOT } from '../support/shared.js';
import { profileOf, vmiOf, type Backend } from './fixtures.js';

const VERSIONS = [['v1.8', 'v1.8.4'], ['v1.9', 'v1.9.0'], ['main', 'v1.10.0-alpha.0']] as const;
const BACKENDS: Backend[] = ['kvm', 'mshv'];
type Domain = VirtualMachineInstance['spec']['domain'];
// Every scenario has the default pod network on a bridge interface, as admission would add.
const d = (domain: Partial<Domain>): VirtualMachineInstance =>
  vmiOf({ networks: [{ name: 'default', pod: {} }], domain: { ...domain, devices: { interfaces: [{ name: 'default', bridge: {} }], ...(domain.devices ?? {}) } } });

const SCENARIOS: [string, VirtualMachineInstance][] = [
  ['requests.memory 2Gi, 1 vCPU', d({ cpu: { sockets: 1, cores: 1, threads: 1 }, resources: { requests: { memory: '2Gi' } } })],
  ['requests.memory 8Gi, 4 vCPUs', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } } })],
  ['guest 8Gi only (instancetype style), 4 vCPUs', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, memory: { guest: '8Gi' } })],
  ['16 dedicated vCPUs, 32Gi', d({ cpu: { sockets: 16, cores: 1, threads: 1, dedicatedCpuPlacement: true }, resources: { requests: { memory: '32Gi' } } })],
  ['8Gi + 1 GPU (VFIO)', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } }, devices: { gpus: [{ name: 'g', deviceName: 'nvidia.com/GA100' }] } })],
  ['8Gi + SEV', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } }, launchSecurity: { sev: {} } })],
  ['8Gi + TPM + exec probe', { ...d({ devices: { tpm: {} }, cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } } }), spec: { ...d({ devices: { tpm: {} }, cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } } }).spec, livenessProbe: { exec: { command: ['true'] } } } }],
];

function run(vmi: VirtualMachineInstance, backend: Backend, version: string) {
  const profile = profileOf({ backend, version });
  const selection = selectHypervisor({ vmi, profile });
  const overhead = computeOverhead(vmi, profile, selection);
  return { profile, selection, overhead, resources: computeLauncherResources(vmi, profile, selection, overhead) };
}

const mi = (b: number): string => (Number.isInteger(b / 1048576) ? `${b / 1048576}Mi` : `${b} B`);

export function generateTables(): string {
  const out: string[] = [];
  // 1. Term by term, one reference VM, both backends, every version.
  const ref = SCENARIOS[1]![1];
  const runs = VERSIONS.flatMap(([v, observed]) => BACKENDS.map((b) => ({ v, b, r: run(ref, b, observed) })));
  const ids = [...new Set(runs.flatMap((x) => x.r.overhead.terms.map((t) => t.id)))];
  out.push(`Reference VM: ${SCENARIOS[1]![0]}, amd64 (bytes; KVM = kvm backend, MSHV = hyperv-direct backend).`, '');
  out.push(`| term | ${runs.map((x) => `${x.v} ${x.b.toUpperCase()}`).join(' | ')} |`);
  out.push(`|---|${runs.map(() => '---:').join('|')}|`);
  for (const id of ids) {
    out.push(`| ${id} | ${runs.map((x) => String(x.r.overhead.terms.find((t) => t.id === id)?.bytes ?? '-')).join(' | ')} |`);
  }
  out.push(`| **total** | ${runs.map((x) => `**${x.r.overhead.totalBytes}**`).join(' | ')} |`, '');

  // 2. Scenario totals and the launcher memory request.
  out.push('Overhead (GetMemoryOverhead) and launcher pod memory request per scenario:', '');
  out.push('| scenario | v1.8/v1.9 KVM | v1.8/v1.9 MSHV | main KVM | main MSHV | main pod memory request (KVM = MSHV) | main pod limits |');
  out.push('|---|---:|---:|---:|---:|---:|---|');
  for (const [name, vmi] of SCENARIOS) {
    const o = (b: Backend, v: string): number => run(vmi, b, v).overhead.totalBytes;
    const k = run(vmi, 'kvm', 'v1.10.0-alpha.0');
    const m = run(vmi, 'mshv', 'v1.10.0-alpha.0');
    const same = JSON.stringify(k.resources.requests) === JSON.stringify(m.resources.requests) ? '' : ' (differs!)';
    const limits = Object.entries(m.resources.limits ?? {}).map(([key, v]) => `${key.replace('devices.kubevirt.io/', '')}=${v}`).join(', ');
    out.push(`| ${name} | ${mi(o('kvm', 'v1.9.0'))} | ${mi(o('mshv', 'v1.9.0'))} | ${mi(o('kvm', 'v1.10.0-alpha.0'))} | ${mi(o('mshv', 'v1.10.0-alpha.0'))} | ${k.resources.requests['memory']}${same} | MSHV: ${limits} |`);
  }
  out.push('');

  // 3. memlock.
  out.push('RLIMIT_MEMLOCK set by virt-handler (bytes, or unlimited; "-" = left at the default):', '');
  const memlockCases: [string, VirtualMachineInstance][] = [
    ['8Gi, no trigger', SCENARIOS[1]![1]],
    ['8Gi + 1 GPU', SCENARIOS[4]![1]],
    ['8Gi + 2 GPUs', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } }, devices: { gpus: [{ name: 'a', deviceName: 'x' }, { name: 'b', deviceName: 'x' }] } })],
    ['8Gi + memLock: Required', d({ cpu: { sockets: 4, cores: 1, threads: 1 }, resources: { requests: { memory: '8Gi' } }, memory: { reservedOverhead: { memLock: 'Required' } } })],
    ['8Gi + SEV', SCENARIOS[5]![1]],
  ];
  out.push(`| case | ${VERSIONS.flatMap(([v]) => BACKENDS.map((b) => `${v} ${b.toUpperCase()}`)).join(' | ')} |`);
  out.push(`|---|${VERSIONS.flatMap(() => BACKENDS.map(() => '---:')).join('|')}|`);
  for (const [name, vmi] of memlockCases) {
    const cells = VERSIONS.flatMap(([, observed]) => BACKENDS.map((b) => {
      const r = run(vmi, b, observed);
      const m = memlockLimit(vmi, b, r.profile.version, r.overhead.totalBytes);
      return m ? String(m.limit) : '-';
    }));
    out.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

describe('docs/l1vh-memory-overhead-analysis.md', () => {
  it('carries the tables our model computes', () => {
    const path = join(REPO_ROOT, 'docs', 'l1vh-memory-overhead-analysis.md');
    expect(existsSync(path)).toBe(true);
    const doc = readFileSync(path, 'utf8');
    const m = /<!-- generated:overhead-tables -->\n([\s\S]*?)\n<!-- \/generated:overhead-tables -->/.exec(doc);
    const tables = generateTables();
    if (!m || m[1] !== tables) console.log(`expected generated block:\n${tables}`);
    expect(m?.[1]).toBe(tables);
  });
});
