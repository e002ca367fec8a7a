// Which live VMs and VMIs become whatif inputs, and which node each runs on today.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@l1vh/core';
import type { ClusterClient, ListScope, ResourceRef } from '@l1vh/cluster-client';
import { listLiveFleet } from '../../src/cluster/live-fleet.js';

const vm = (ns: string, name: string): KubeObject => ({ metadata: { namespace: ns, name, uid: `uid-${name}`, resourceVersion: '7' }, spec: { runStrategy: 'Always', template: { spec: { domain: { devices: {} } } } }, status: { ready: true } });
const vmi = (ns: string, name: string, nodeName: string | undefined, phase: string, owner?: string): KubeObject => ({
  metadata: { namespace: ns, name, uid: `uid-vmi-${name}`, ...(owner ? { ownerReferences: [{ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', name: owner, uid: `uid-${owner}` }] } : {}) },
  spec: { domain: { devices: {} } },
  status: { phase, ...(nodeName ? { nodeName } : {}) },
});

function client(vms: KubeObject[], vmis: KubeObject[]): ClusterClient & { scopes: unknown[] } {
  const scopes: unknown[] = [];
  return {
    server: 'https://x',
    context: 'test',
    namespace: 'default',
    scopes,
    get: async () => null,
    list: async (ref: ResourceRef, scope: ListScope) => {
      scopes.push({ plural: ref.plural, ...scope });
      return ref.plural === 'virtualmachines' ? vms : vmis;
    },
  };
}

describe('listLiveFleet', () => {
  it('VMs and standalone VMIs are inputs without status; VM-owned VMIs give their VM a node; finished VMIs hold none', async () => {
    const c = client(
      [vm('a', 'web'), vm('a', 'halted')],
      [vmi('a', 'web', 'n1', 'Running', 'web'), vmi('a', 'lone', 'n2', 'Running'), vmi('a', 'done', 'n2', 'Succeeded'), vmi('a', 'orphan', 'n3', 'Scheduled', 'gone')],
    );
    const fleet = await listLiveFleet(c, undefined);
    expect(fleet.sources.map((s) => s.path)).toEqual(['vm/a/web', 'vm/a/halted', 'vmi/a/lone', 'vmi/a/done', 'vmi/a/orphan']);
    expect([...fleet.runningOn]).toEqual([['a/web', 'n1'], ['a/lone', 'n2'], ['a/orphan', 'n3']]);
    const web = fleet.sources[0]!.value as KubeObject;
    expect(web).toMatchObject({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachine', metadata: { namespace: 'a', name: 'web', uid: 'uid-web' } });
    expect(web.status).toBeUndefined();
    expect(web.metadata?.resourceVersion).toBeUndefined();
    expect(c.scopes).toEqual([{ plural: 'virtualmachines' }, { plural: 'virtualmachineinstances' }]);
  });

  it('lists one namespace when given', async () => {
    const c = client([], []);
    await listLiveFleet(c, 'team');
    expect(c.scopes).toEqual([{ plural: 'virtualmachines', namespace: 'team' }, { plural: 'virtualmachineinstances', namespace: 'team' }]);
  });
});
