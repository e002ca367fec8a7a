// An in-memory CliIO: files are given as path → text (paths relative to `cwd` or absolute);
// directories are every prefix of a file path. Output is captured.
import { dirname, resolve } from 'node:path';
import type { CliIO, FileStat } from '../../src/io.js';
import { main } from '../../src/main.js';

export interface FakeIO extends CliIO {
  out: string;
  err: string;
}

export function fakeIO(files: Record<string, string>, opts: { cwd?: string; stdin?: string } = {}): FakeIO {
  const cwd = opts.cwd ?? '/work';
  const abs = new Map(Object.entries(files).map(([p, t]) => [resolve(cwd, p), t]));
  const dirs = new Set<string>();
  for (const p of abs.keys()) for (let d = dirname(p); ; d = dirname(d)) {
    dirs.add(d);
    if (d === dirname(d)) break;
  }
  const enoent = (p: string): Error => Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
  const stat = (p: string): FileStat => {
    const a = resolve(cwd, p);
    if (abs.has(a)) return { isFile: true, isDirectory: false, isSymlink: false, size: Buffer.byteLength(abs.get(a)!) };
    if (dirs.has(a)) return { isFile: false, isDirectory: true, isSymlink: false, size: 0 };
    throw enoent(p);
  };
  const io: FakeIO = {
    out: '',
    err: '',
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readStdin: async () => Buffer.from(opts.stdin ?? ''),
    readFile: (p) => {
      const t = abs.get(resolve(cwd, p));
      if (t === undefined) throw enoent(p);
      return Buffer.from(t);
    },
    stat,
    lstat: stat,
    readDir: (p) => {
      const a = resolve(cwd, p);
      const names = new Set<string>();
      for (const f of [...abs.keys(), ...dirs]) if (dirname(f) === a && f !== a) names.add(f.slice(a.length + 1));
      return [...names];
    },
    realpath: (p) => resolve(cwd, p),
    cwd,
    env: {},
    stderrIsTTY: false,
  };
  return io;
}

export async function run(argv: string[], files: Record<string, string>, opts: { cwd?: string; stdin?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIO(files, opts);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Manifests used across the CLI tests. Positions in expectations are read off these texts. */
export const VM_OK = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: ok
spec:
  template:
    spec:
      domain:
        devices: {}
        resources:
          requests:
            memory: 1Gi
  runStrategy: Always
`;

/** Cannot launch: its nodeSelector matches no node (no-launch at metadata.name, 4:3). */
export const VM_PENDING = VM_OK.replace('name: ok', 'name: pending').replace('    spec:\n      domain:', '    spec:\n      nodeSelector:\n        disktype: ssd\n      domain:');

/** 64Mi guest: memory-too-small (warning) at 12:13. */
export const VM_SMALL = VM_OK.replace('name: ok', 'name: small').replace('memory: 1Gi', 'memory: 64Mi');

export const CLUSTER_NO_MSHV = `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: KubeVirt
  metadata: {name: kubevirt, namespace: kubevirt}
  spec:
    configuration:
      developerConfiguration:
        featureGates: [ConfigurableHypervisor]
      hypervisors:
      - name: hyperv-direct
  status: {observedKubeVirtVersion: v1.10.0}
- apiVersion: v1
  kind: Node
  metadata:
    name: kvm-node
    labels: {kubernetes.io/arch: amd64, kubevirt.io/schedulable: "true"}
  status:
    allocatable: {cpu: "8", memory: 32Gi, devices.kubevirt.io/kvm: "1000", devices.kubevirt.io/tun: "1000", devices.kubevirt.io/vhost-net: "1000"}
`;

/** Quiet config: only the rule a test is about reports. */
export const ONLY_NO_LAUNCH = `rules:
  libvirt-schema-quirk: off
  memory-too-small: off
`;
