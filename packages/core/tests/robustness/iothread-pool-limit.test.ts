// A supplementalPoolThreadCount sizes a list in every virtio disk's <driver>: a uint32 of 4e9
// (KubeVirt caps it only from below) would allocate four billion ids per disk. Above the preview limit
// (docs/limits.md) explain says so instead of rendering.
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

function explain(count: number): { error: string | null; xml: string | null; ms: number } {
  const t0 = performance.now();
  const loaded = loadObjects([{ path: 'pool.yaml', text: vmi(count) }]);
  expect(loaded.findings).toEqual([]);
  const [e] = explainAll(loaded.objects, loadProfile([]).profile);
  return { error: e!.item.error ?? null, xml: e!.item.domainXml, ms: performance.now() - t0 };
}

describe('supplemental IO-thread pool size', () => {
  it('renders a pool at the limit: every thread listed in the disk driver', () => {
    const r = explain(MAX_PREVIEW_POOL_THREADS);
    expect(r.error).toBeNull();
    expect(r.xml).toContain(`<iothreads>${MAX_PREVIEW_POOL_THREADS}</iothreads>`);
    expect(r.xml!.match(/<iothread id="\d+"/g)?.length).toBe(MAX_PREVIEW_POOL_THREADS);
  });

  it('refuses a uint32-sized pool as a preview limit, quickly', () => {
    const r = explain(4294967295);
    expect(r.xml).toBeNull();
    expect(r.error).toMatch(/preview limit: a supplemental pool of 4294967295 IO threads/);
    expect(r.ms).toBeLessThan(1000);
  });
});
