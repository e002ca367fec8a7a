// Deterministic editor workspace for the index benchmark: FILES YAML files of VMs (the corpus
// generator, 2 VMs each, in team-* folders) plus context/ files holding what the extension's
// workspace index collects (cluster instancetypes and preferences, PVCs, DataVolumes,
// Namespaces) and refs/ VMs that name them.
//   node scripts/bench/gen-workspace.mjs OUT_DIR [files=5000]

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from './gen-corpus.mjs';

export const CONTEXT_FILES = 100;

export function generateWorkspace(outDir, files = 5000) {
  const vmFiles = files - 2 * CONTEXT_FILES;
  const corpus = generateCorpus(outDir, vmFiles, 2);
  mkdirSync(join(outDir, 'context'), { recursive: true });
  mkdirSync(join(outDir, 'refs'), { recursive: true });
  for (let i = 0; i < CONTEXT_FILES; i++) {
    writeFileSync(join(outDir, 'context', `ctx-${String(i).padStart(3, '0')}.yaml`), [
      `apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineClusterInstancetype\nmetadata:\n  name: ws-it-${i}\nspec:\n  cpu:\n    guest: 2\n  memory:\n    guest: ${(i % 8) + 1}Gi\n`,
      `apiVersion: instancetype.kubevirt.io/v1beta1\nkind: VirtualMachineClusterPreference\nmetadata:\n  name: ws-pref-${i}\nspec:\n  devices:\n    preferredDiskBus: virtio\n`,
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ws-pvc-${i}\n  namespace: ws-ns-${i}\nspec:\n  accessModes: [ReadWriteOnce]\n  volumeMode: Filesystem\n  resources:\n    requests:\n      storage: 10Gi\n`,
      `apiVersion: cdi.kubevirt.io/v1beta1\nkind: DataVolume\nmetadata:\n  name: ws-dv-${i}\n  namespace: ws-ns-${i}\nspec:\n  source:\n    blank: {}\n  storage:\n    resources:\n      requests:\n        storage: 5Gi\n`,
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ws-ns-${i}\n`,
    ].join('---\n'));
    writeFileSync(join(outDir, 'refs', `vm-${String(i).padStart(3, '0')}.yaml`),
      `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: ref-${i}\n  namespace: ws-ns-${i}\nspec:\n  runStrategy: Always\n  instancetype:\n    name: ws-it-${i}\n  preference:\n    name: ws-pref-${i}\n  template:\n    spec:\n      domain:\n        devices: {}\n      volumes:\n      - name: data\n        persistentVolumeClaim:\n          claimName: ws-pvc-${i}\n`);
  }
  return { files: vmFiles + 2 * CONTEXT_FILES, vms: corpus.manifests + CONTEXT_FILES };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out = '.bench/workspace', files = '5000'] = process.argv.slice(2);
  const r = generateWorkspace(out, Number(files));
  console.log(`workspace: ${r.files} files, ${r.vms} VMs in ${out}`);
}
