// Remedies (quick fixes) on exact before/after texts written by hand: lint the "before" text,
// take the finding's remedy, apply it, compare with "after", and lint again: the finding is gone
// and the file still parses.

import { applyEdits, lintSources, loadProfile, remedyFor, type Finding } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

const FILE = 'manifest.yaml';
const { profile } = loadProfile([]);

function findings(text: string): Finding[] {
  return lintSources([{ path: FILE, text }], profile).findings;
}

function theFinding(text: string, ruleId: string, messageId: string): Finding {
  const matching = findings(text).filter((f) => f.ruleId === ruleId && f.messageId === messageId);
  expect(matching, `${ruleId}/${messageId} findings`).toHaveLength(1);
  return matching[0]!;
}

interface Case {
  name: string;
  rule: string;
  messageId: string;
  before: string;
  after: string;
  title: string;
}

const CR_HEAD = `apiVersion: kubevirt.io/v1
kind: KubeVirt
metadata:
  name: kubevirt
  namespace: kubevirt
spec:
  configuration:
`;

const CASES: Case[] = [
  {
    name: 'networkInterface is renamed to defaultNetworkInterface',
    rule: 'ignored-kubevirt-setting',
    messageId: 'unknownKey',
    before: `${CR_HEAD}    network:\n      networkInterface: masquerade\n`,
    after: `${CR_HEAD}    network:\n      defaultNetworkInterface: masquerade\n`,
    title: 'Rename networkInterface to defaultNetworkInterface',
  },
  {
    name: 'a quoted featuregates key keeps its quotes',
    rule: 'ignored-kubevirt-setting',
    messageId: 'unknownKey',
    before: `${CR_HEAD}    developerConfiguration:\n      "featuregates": [LiveMigration]\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      "featureGates": [LiveMigration]\n`,
    title: 'Rename featuregates to featureGates',
  },
  {
    name: 'gate appended to an indented block list, after its trailing comment',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n        - LiveMigration   # keep\n    hypervisors:\n    - name: hyperv-direct\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n        - LiveMigration   # keep\n        - ConfigurableHypervisor\n    hypervisors:\n    - name: hyperv-direct\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'gate inserted into a flow list',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates: [LiveMigration, Snapshot]\n    hypervisors: [{name: hyperv-direct}]\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates: [LiveMigration, Snapshot, ConfigurableHypervisor]\n    hypervisors: [{name: hyperv-direct}]\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'gate put into an empty flow list',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates: []\n    hypervisors:\n    - name: hyperv-direct\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: hyperv-direct\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'featureGates added to developerConfiguration, lists flush with their key as in the file',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `${CR_HEAD}    developerConfiguration:\n      useEmulation: false\n    hypervisors:\n    - name: hyperv-direct\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n      - ConfigurableHypervisor\n      useEmulation: false\n    hypervisors:\n    - name: hyperv-direct\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'developerConfiguration added when absent, in a file indenting lists by 2',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `${CR_HEAD}    hypervisors:\n      - name: hyperv-direct\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n        - ConfigurableHypervisor\n    hypervisors:\n      - name: hyperv-direct\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'second document of a CRLF file, last line without a newline',
    rule: 'ignored-kubevirt-setting',
    messageId: 'hypervisorsWithoutGate',
    before: `apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: kubevirt\r\n---\r\n${CR_HEAD.replaceAll('\n', '\r\n')}    hypervisors:\r\n    - name: hyperv-direct\r\n    developerConfiguration:\r\n      featureGates:\r\n      - LiveMigration`,
    after: `apiVersion: v1\r\nkind: Namespace\r\nmetadata:\r\n  name: kubevirt\r\n---\r\n${CR_HEAD.replaceAll('\n', '\r\n')}    hypervisors:\r\n    - name: hyperv-direct\r\n    developerConfiguration:\r\n      featureGates:\r\n      - LiveMigration\r\n      - ConfigurableHypervisor\r\n`,
    title: 'Enable the ConfigurableHypervisor feature gate',
  },
  {
    name: 'HyperVLayered replaced by ConfigurableHypervisor',
    rule: 'obsolete-hyperv-layered',
    messageId: 'gate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n      - HyperVLayered\n    hypervisors:\n    - name: hyperv-direct\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n      - ConfigurableHypervisor\n    hypervisors:\n    - name: hyperv-direct\n`,
    title: 'Replace HyperVLayered with ConfigurableHypervisor',
  },
  {
    name: 'HyperVLayered dropped from a block list that already has ConfigurableHypervisor',
    rule: 'obsolete-hyperv-layered',
    messageId: 'gate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n      - ConfigurableHypervisor\n      - HyperVLayered\n      - LiveMigration\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates:\n      - ConfigurableHypervisor\n      - LiveMigration\n`,
    title: 'Remove HyperVLayered (ConfigurableHypervisor is already enabled)',
  },
  {
    name: 'HyperVLayered dropped from a flow list that already has ConfigurableHypervisor',
    rule: 'obsolete-hyperv-layered',
    messageId: 'gate',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor, HyperVLayered]\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n`,
    title: 'Remove HyperVLayered (ConfigurableHypervisor is already enabled)',
  },
  {
    name: 'hyperv-layered renamed to hyperv-direct',
    rule: 'obsolete-hyperv-layered',
    messageId: 'name',
    before: `${CR_HEAD}    hypervisors:\n    - name: "hyperv-layered"\n`,
    after: `${CR_HEAD}    hypervisors:\n    - name: "hyperv-direct"\n`,
    title: 'Replace "hyperv-layered" with "hyperv-direct"',
  },
  {
    name: 'type="mshv" in a hook sidecar script becomes type="hyperv"',
    rule: 'no-mshv-domain-type',
    messageId: 'xmlType',
    before: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\ndata:\n  script.sh: |\n    sed -i 's/type="kvm"/type="mshv"/' $1\n`,
    after: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: hook\ndata:\n  script.sh: |\n    sed -i 's/type="kvm"/type="hyperv"/' $1\n`,
    title: 'Replace "mshv" with "hyperv"',
  },
  {
    name: 'virsh --virttype MSHV',
    rule: 'no-mshv-domain-type',
    messageId: 'virttype',
    before: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n  cmd: virsh domcapabilities --virttype MSHV\n`,
    after: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: probe\ndata:\n  cmd: virsh domcapabilities --virttype hyperv\n`,
    title: 'Replace "MSHV" with "hyperv"',
  },
  {
    name: 'a domainType field',
    rule: 'no-mshv-domain-type',
    messageId: 'field',
    before: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mshv-settings\ndata:\n  domainType: 'mshv'\n`,
    after: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mshv-settings\ndata:\n  domainType: 'hyperv'\n`,
    title: 'Replace "mshv" with "hyperv"',
  },
  {
    name: 'mshv as a KubeVirt hypervisor name becomes hyperv-direct',
    rule: 'no-mshv-domain-type',
    messageId: 'hypervisorName',
    before: `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: mshv\n`,
    after: `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: hyperv-direct\n`,
    title: 'Replace "mshv" with "hyperv-direct"',
  },
  {
    name: 'a misspelled VM field takes the schema\'s closest name',
    rule: 'unknown-field',
    messageId: 'didYouMean',
    before: `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  runStrategy: Halted\n  template:\n    spec:\n      domain:\n        devcies: {}\n`,
    after: `apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: a}\nspec:\n  runStrategy: Halted\n  template:\n    spec:\n      domain:\n        devices: {}\n`,
    title: 'Rename devcies to devices',
  },
];

describe('lint remedies', () => {
  for (const c of CASES) {
    it(`${c.rule}/${c.messageId}: ${c.name}`, () => {
      const remedy = remedyFor(theFinding(c.before, c.rule, c.messageId), c.before);
      expect(remedy?.title).toBe(c.title);
      const fixed = applyEdits(c.before, remedy!.edits);
      expect(fixed).toBe(c.after);
      const after = findings(fixed);
      expect(after.filter((f) => f.ruleId === c.rule && f.messageId === c.messageId)).toEqual([]);
      expect(after.filter((f) => !f.ruleId).map((f) => f.code)).toEqual([]);
    });
  }

  it('no rename next to the right key (it would duplicate the key)', () => {
    const text = `${CR_HEAD}    network:\n      defaultNetworkInterface: bridge\n      networkInterface: masquerade\n`;
    expect(remedyFor(theFinding(text, 'ignored-kubevirt-setting', 'unknownKey'), text)).toBeUndefined();
  });

  it('no remedy where the fix is a judgement call', () => {
    const single = `${CR_HEAD}    hypervisor: hyperv-direct\n`;
    expect(remedyFor(theFinding(single, 'ignored-kubevirt-setting', 'unknownKey'), single)).toBeUndefined();
    const extra = `${CR_HEAD}    developerConfiguration:\n      featureGates: [ConfigurableHypervisor]\n    hypervisors:\n    - name: hyperv-direct\n    - name: kvm\n`;
    expect(remedyFor(theFinding(extra, 'ignored-kubevirt-setting', 'extraHypervisors'), extra)).toBeUndefined();
  });

  it('no remedy when the text moved under the finding (stale offsets)', () => {
    const text = `${CR_HEAD}    hypervisors:\n    - name: hyperv-layered\n`;
    const f = theFinding(text, 'obsolete-hyperv-layered', 'name');
    expect(remedyFor(f, text.replace('hyperv-layered', 'kvm'))).toBeUndefined();
    expect(remedyFor(f, '')).toBeUndefined();
  });
});
