// <memballoon>: model none when autoattachMemBalloon is false; otherwise the virtio model with
// stats, iommu for SEV/PV and freePageReporting on|off (compute/balloon.go; manager.go
// isFreePageReportingEnabled).

import type { VirtualMachineInstance } from '../../api/kubevirt-types.js';
import type { KubeVirtConfig } from '../../profile/kubevirt-config.js';
import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import { needsVirtioIommu, virtioModel } from '../device-settings.js';

const DEFAULT_STATS_PERIOD = 10;
const FREE_PAGE_REPORTING_DISABLED_ANNOTATION = 'kubevirt.io/free-page-reporting-disabled';

/** IsHighPerformanceVMI: dedicated CPUs, realtime, or hugepages. */
export function isHighPerformanceVmi(vmi: VirtualMachineInstance): boolean {
  const d = vmi.spec.domain;
  return d.cpu?.dedicatedCpuPlacement === true || d.cpu?.realtime !== undefined || d.memory?.hugepages !== undefined;
}

/** Free page reporting is on unless the cluster, the balloon, a high-performance VMI or the annotation turns it off. */
export function freePageReportingEnabled(vmi: VirtualMachineInstance, config: KubeVirtConfig): boolean {
  return !(
    config.virtualMachineOptions?.disableFreePageReporting !== undefined ||
    vmi.spec.domain.devices.autoattachMemBalloon === false ||
    isHighPerformanceVmi(vmi) ||
    vmi.metadata.annotations?.[FREE_PAGE_REPORTING_DISABLED_ANNOTATION] === 'true'
  );
}

/** The cluster's memBalloonStatsPeriod (virt-handler passes it; default 10). */
function statsPeriod(config: KubeVirtConfig): number {
  const p = config['memBalloonStatsPeriod'];
  return typeof p === 'number' ? p : DEFAULT_STATS_PERIOD;
}

export const configureBalloon: Configurator = (ctx, domain) => {
  if (ctx.vmi.spec.domain.devices.autoattachMemBalloon === false) {
    domain.devices.memballoon.push(el('memballoon', { model: 'none' }));
    return;
  }
  const period = statsPeriod(ctx.config);
  domain.devices.memballoon.push(
    el('memballoon', { model: virtioModel(ctx), freePageReporting: freePageReportingEnabled(ctx.vmi, ctx.config) ? 'on' : 'off' }, [
      period !== 0 && el('stats', { period }),
      needsVirtioIommu(ctx) && el('driver', { iommu: 'on' }),
    ]),
  );
};
