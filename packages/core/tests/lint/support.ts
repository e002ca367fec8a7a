// Table-driven rule tests (typescript-eslint's RuleTester shape): each case is a manifest, an
// optional cluster profile, and for invalid cases the findings of the rule under test as
// {messageId, line, column}. Positions are 1-based and read off the manifest text by hand.

import { createSourceFile, lintSources, loadProfile, type LintConfig, type RuleId } from '@l1vh/core';
import { describe, expect, it } from 'vitest';

export interface ValidCase {
  name: string;
  manifest: string;
  profile?: string;
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  /** Substrings the rendered message must contain. */
  message?: string[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export const FILE = 'manifest.yaml';

export function ruleFindings(ruleId: RuleId, manifest: string, profileYaml?: string, config: LintConfig = {}): (ExpectedError & { severity: string; text: string })[] {
  const { profile } = loadProfile(profileYaml ? [{ path: 'cluster.yaml', text: profileYaml }] : []);
  const result = lintSources([{ path: FILE, text: manifest }], profile, { config });
  const file = createSourceFile(FILE, manifest);
  return result.findings
    .filter((f) => f.ruleId === ruleId)
    .map((f) => {
      const pos = file.lines.linePos(f.range!.start);
      return { messageId: f.messageId!, line: pos.line, column: pos.col, severity: f.severity, text: f.message };
    });
}

export function runRuleTests(ruleId: RuleId, cases: RuleCases): void {
  describe(ruleId, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(ruleFindings(ruleId, c.manifest, c.profile)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = ruleFindings(ruleId, c.manifest, c.profile);
        expect(got.map(({ messageId, line, column }) => ({ messageId, line, column }))).toEqual(c.errors.map(({ messageId, line, column }) => ({ messageId, line, column })));
        c.errors.forEach((e, i) => {
          for (const part of e.message ?? []) expect(got[i]!.text).toContain(part);
        });
      });
    }
  });
}

export interface ClusterOptions {
  gates?: string[];
  hypervisor?: string;
  useEmulation?: boolean;
  /** Hypervisor devices the single node exposes. */
  devices?: ('kvm' | 'mshv')[];
  nodeLabels?: Record<string, string>;
  extra?: string;
  /** status.observedKubeVirtVersion (default v1.10.0, i.e. main). */
  version?: string;
}

/** A one-node cluster profile as `kubectl get kubevirt,nodes -o yaml` would print it. */
export function cluster(o: ClusterOptions = {}): string {
  const gates = (o.gates ?? ['ConfigurableHypervisor']).map((g) => `        - ${g}`).join('\n');
  const devices = (o.devices ?? ['mshv']).map((d) => `      devices.kubevirt.io/${d}: "1000"`).join('\n');
  const labels = Object.entries({ 'kubernetes.io/arch': 'amd64', 'kubevirt.io/schedulable': 'true', ...o.nodeLabels })
    .map(([k, v]) => `      ${k}: "${v}"`)
    .join('\n');
  return `apiVersion: v1
kind: List
items:
- apiVersion: kubevirt.io/v1
  kind: KubeVirt
  metadata: {name: kubevirt, namespace: kubevirt}
  spec:
    configuration:
      developerConfiguration:
        useEmulation: ${o.useEmulation === true}
        featureGates:
${gates}
      hypervisors:
      - name: ${o.hypervisor ?? 'hyperv-direct'}
  status: {observedKubeVirtVersion: ${o.version ?? 'v1.10.0'}}
- apiVersion: v1
  kind: Node
  metadata:
    name: node-1
    labels:
${labels}
  status:
    allocatable:
      cpu: "16"
      memory: 64Gi
${devices}
      devices.kubevirt.io/tun: "1000"
      devices.kubevirt.io/vhost-net: "1000"
${o.extra ?? ''}`;
}

/** A small VM; `spec` lines are inserted under spec.template.spec.domain (6 spaces deep… see callers). */
export const VM = `apiVersion: kubevirt.io/v1
kind: VirtualMachine
metadata:
  name: vm1
spec:
  runStrategy: Always
  template:
    spec:
      domain:
        devices: {}
        resources:
          requests:
            memory: 1Gi
`;
