// Free page reporting (manager_test.go "should set freePageReporting") and serial console logging
// (manager.go isSerialConsoleLogEnabled, compute/console_test.go).
import { describe, expect, it } from 'vitest';
import { convert, devicesNamed, UID, vmi, type VmiOptions } from './support.js';

const CLUSTER = (options: string) => `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata: {name: kubevirt, namespace: kubevirt}
spec:
  configuration:
    virtualMachineOptions: {${options}}
status: {observedKubeVirtVersion: v1.10.0}
`;

const balloon = (o: VmiOptions, kubevirtYaml?: string) => devicesNamed(convert(vmi(o), { kubevirtYaml }).domainXml, 'memballoon')[0];

describe('memballoon free page reporting', () => {
  it('is on for an ordinary VMI, with stats every 10 s', () => {
    expect(balloon({})).toBe('<memballoon model="virtio-non-transitional" freePageReporting="on"><stats period="10"></stats></memballoon>');
  });
  it('is off when the cluster disables it', () => {
    expect(balloon({}, CLUSTER('disableFreePageReporting: {}'))).toContain('freePageReporting="off"');
  });
  it('is off for hugepages, realtime, dedicated CPUs and the opt-out annotation', () => {
    expect(balloon({ domain: { memory: { hugepages: { pageSize: '1Gi' } }, resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } } })).toContain('freePageReporting="off"');
    expect(balloon({ domain: { cpu: { realtime: {} } } })).toContain('freePageReporting="off"');
    expect(balloon({ domain: { cpu: { dedicatedCpuPlacement: true, cores: 1, sockets: 1, threads: 1 } } })).toContain('freePageReporting="off"');
    expect(balloon({ annotations: { 'kubevirt.io/free-page-reporting-disabled': 'true' } })).toContain('freePageReporting="off"');
  });
  it('is model none without the balloon', () => {
    expect(balloon({ devices: { autoattachMemBalloon: false } })).toBe('<memballoon model="none"></memballoon>');
  });
});

describe('serial console log', () => {
  const serial = (o: VmiOptions, kubevirtYaml?: string) => devicesNamed(convert(vmi(o), { kubevirtYaml }).domainXml, 'serial')[0];
  const log = `<log file="/var/run/kubevirt-private/${UID}/virt-serial0-log" append="on"></log>`;

  it('logs by default', () => {
    expect(serial({})).toBe(
      `<serial type="unix"><target port="0"></target><source mode="bind" path="/var/run/kubevirt-private/${UID}/virt-serial0"></source>${log}</serial>`,
    );
  });
  it('does not log when the cluster disables it, unless the VMI asks', () => {
    const off = CLUSTER('disableSerialConsoleLog: {}');
    expect(serial({}, off)).not.toContain('<log');
    expect(serial({ devices: { logSerialConsole: true } }, off)).toContain(log);
  });
  it('does not log when the VMI opts out', () => {
    expect(serial({ devices: { logSerialConsole: false } })).not.toContain('<log');
  });
  it('has no console or serial when autoattachSerialConsole is false', () => {
    const xml = convert(vmi({ devices: { autoattachSerialConsole: false } })).domainXml;
    expect(devicesNamed(xml, 'serial')).toEqual([]);
    expect(devicesNamed(xml, 'console')).toEqual([]);
  });
});
