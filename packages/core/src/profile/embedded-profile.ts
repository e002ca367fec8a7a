// The profile used when the user gives none: KubeVirt main with ConfigurableHypervisor and
// hyperv-direct, and one schedulable amd64 node exposing /dev/mshv (an L1VH-capable Azure node).

export const EMBEDDED_PROFILE_NAME = '<embedded default profile>';

export const EMBEDDED_PROFILE_YAML = `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: KubeVirt
  metadata:
    name: kubevirt
    namespace: kubevirt
  spec:
    configuration:
      developerConfiguration:
        featureGates:
        - ConfigurableHypervisor
      hypervisors:
      - name: hyperv-direct
  status:
    observedKubeVirtVersion: v1.10.0
    phase: Deployed
- apiVersion: v1
  kind: Node
  metadata:
    name: l1vh-node-1
    labels:
      kubernetes.io/arch: amd64
      kubernetes.io/os: linux
      kubevirt.io/schedulable: "true"
  status:
    allocatable:
      cpu: "16"
      memory: 64Gi
      pods: "110"
      devices.kubevirt.io/mshv: "1000"
      devices.kubevirt.io/tun: "1000"
      devices.kubevirt.io/vhost-net: "1000"
    nodeInfo:
      architecture: amd64
      operatingSystem: linux
`;
