import { cluster, runRuleTests } from './support.js';

const pvc = (name: string, mode: string): string => `- apiVersion: v1
  kind: PersistentVolumeClaim
  metadata: {name: ${name}, namespace: default}
  spec: {volumeMode: ${mode}}
`;
const profile = cluster({ extra: pvc('blk-data', 'Block') + pvc('fs-data', 'Filesystem') });
const vm = (claim: string, target = 'lun: {}'): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
spec:
  template:
    spec:
      domain:
        devices:
          disks:
          - name: data
            ${target}
        resources: {requests: {memory: 1Gi}}
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: ${claim}}
  runStrategy: Always
`;

runRuleTests('lun-on-filesystem', {
  valid: [
    { name: 'a lun on a block PVC', manifest: vm('blk-data'), profile },
    { name: 'a plain disk on a filesystem PVC', manifest: vm('fs-data', 'disk: {}'), profile },
  ],
  invalid: [
    { name: 'a lun on a filesystem PVC', manifest: vm('fs-data'), profile, errors: [{ messageId: 'lunOnFile', line: 12, column: 13, message: ['"data"', 'volumeMode Filesystem', 'volumeMode: Block'] }] },
    { name: 'a lun on a PVC the profile does not know', manifest: vm('elsewhere'), profile, errors: [{ messageId: 'lunOnFile', line: 12, column: 13, message: ['"elsewhere" is not in the cluster profile'] }] },
  ],
});
