// A supplementalPoolThreadCount sizes a list in every virtio disk's <driver>: a uint32 of 4e9
// (KubeVirt caps it only from below) would allocate four billion ids per disk. Above the preview limit
// (docs/limits.md) explain renders nothing and says no node can run it (verdict unschedulable).
import { describe, expect, it } from 'vitest';
import { explainAll, loadObjects, loadProfile } from '../../src/index.js';
import { MAX_PREVIEW_POOL_THREADS } from '../../src/convert/iothreads-plan.js';

const vmi = (count: number): string => `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: {name: pool, namespace: default}
spec:
  domain:
    ioThreadsPolicy: supplementalPool
    ioThreads: {supplementalPoolThreadCount: ${count}}
    memory: {guest: 1Gi}
    devices:
      disks:
        - {name: root, disk: {bus: virtio}}
  volumes:
    - {name: root, containerDisk: {image: quay.io/containerdisks/fedora:latest}}
`;

function explain(count: number): { verdict: string; error: string | null; xml: string | null; ms: number } {
  const t0 = performance.now();
  const loaded = loadObjects([{ path: 'pool.yaml', text: vmi(count) }]);
  expect(loaded.findings).toEqual([]);
  const [e] = explainAll(loaded.objects, loadProfile([]).profile);
  return { verdict: e!.item.verdict, error: e!.item.error ?? null, xml: e!.item.domainXml, ms: performance.now() - t0 };
}

describe('supplemental IO-thread pool size', () => {
  it('renders a pool at the limit: every thread listed in the disk driver', () => {
    const r = explain(MAX_PREVIEW_POOL_THREADS);
    expect(r.error).toBeNull();
    expect(r.xml).toContain(`<iothreads>${MAX_PREVIEW_POOL_THREADS}</iothreads>`);
    expect(r.xml!.match(/<iothread id="\d+"/g)?.length).toBe(MAX_PREVIEW_POOL_THREADS);
  });

  it('refuses a uint32-sized pool at its field, never as a preview limit, quickly', () => {
    const r = explain(4294967295);
    expect(r.xml).toBeNull();
    expect(r.verdict).toBe('unschedulable');
    expect(r.error).toMatch(/^spec\.domain\.ioThreads\.supplementalPoolThreadCount: 4294967295 IO threads: KubeVirt accepts this/);
    expect(r.error).not.toContain('preview limit');
    expect(r.ms).toBeLessThan(1000);
  });
});
