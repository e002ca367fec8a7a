import { cluster, runRuleTests, VM } from './support.js';

const pvc = (name: string, mode: string): string => `- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: ${name}, namespace: default}
  spec: {volumeMode: ${mode}}
`;
const withVolumes = VM.replace('        devices: {}\n', '        devices:\n          disks:\n          - name: data\n          - name: logs\n') +
  `      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: blk-data
      - name: logs
        persistentVolumeClaim:
          claimName: fs-data
`;
const profile = cluster({ extra: pvc('blk-data', 'Block') + pvc('fs-data', 'Filesystem') });

runRuleTests('libvirt-schema-quirk', {
  valid: [
    { name: 'a VM that cannot launch gets no XML', manifest: VM, profile: cluster({ devices: ['kvm'] }) },
    // Lint builds no XML and stays quiet about the empty sysinfo sections every domain has;
    // explain reports them from its XML (tests/explain/schema-quirks.test.ts).
    { name: 'a plain launched VM', manifest: VM },
  ],
  invalid: [
    {
      name: 'block PVC volume: name on <source>; filesystem PVC: none',
      manifest: withVolumes,
      profile,
      errors: [{ messageId: 'blockSourceName', line: 18, column: 9, message: ['"data"'] }],
    },
  ],
});
