// The converter's configurators in KubeVirt's order (kubevirt-behaviour.md §3.1) with the API
// defaulter, then the runtime steps virt-launcher applies before defining the domain (§3.0, §3.6).
// File names carry the order; this list is the only registry.

import type { Configurator } from './configurator.js';
import { configureName } from './configurators/01-metadata.js';
import { configureInterfaces } from './configurators/02-interfaces.js';
import { configureTpm } from './configurators/03-tpm.js';
import { configureVsock } from './configurators/04-vsock.js';
import { configureLaunchSecurity } from './configurators/05-launch-security.js';
import { configureChannels } from './configurators/06-channels.js';
import { configureClock } from './configurators/07-clock.js';
import { configureRng } from './configurators/08-rng.js';
import { configureInputs } from './configurators/09-inputs.js';
import { configureBalloon } from './configurators/10-balloon.js';
import { configureGraphics } from './configurators/11-graphics.js';
import { configureSound } from './configurators/12-sound.js';
import { configureHostDevices } from './configurators/13-host-devices.js';
import { configureWatchdog } from './configurators/14-watchdog.js';
import { configureConsole } from './configurators/15-console.js';
import { configurePanicDevices } from './configurators/16-panic.js';
import { configureFeatures } from './configurators/17-features.js';
import { configureSysinfo } from './configurators/18-sysinfo.js';
import { configureOs } from './configurators/19-os.js';
import { configureVirtiofs } from './configurators/20-virtiofs.js';
import { configureDisks } from './configurators/21-disks.js';
import { configureUsbRedirect } from './configurators/22-usb-redirect.js';
import { configureControllers } from './configurators/23-controllers.js';
import { configureQemuCommandLine } from './configurators/24-qemu-cmdline.js';
import { configureCpu } from './configurators/25-cpu.js';
import { configureIOThreads } from './configurators/26-iothreads.js';
import { configureMemory } from './configurators/27-memory.js';
import { configureMemoryBacking } from './configurators/28-memory-backing.js';
import { configureRebootPolicy } from './configurators/29-reboot-policy.js';
import { configureIommufd } from './configurators/30-iommufd.js';
import { configureHypervisorType } from './configurators/31-hypervisor-type.js';
import { adjustForDedicatedCpus } from './configurators/40-dedicated-cpus.js';
import { placePciDevicesOnRootComplex } from './configurators/41-pci-root-complex.js';
import { applyDomainDefaults } from './configurators/50-domain-defaults.js';
import { applyDiskRuntimeFixups } from './configurators/51-disk-runtime-fixups.js';

export const CONFIGURATORS: readonly Configurator[] = [
  configureName,
  configureInterfaces,
  configureTpm,
  configureVsock,
  configureLaunchSecurity,
  configureChannels,
  configureClock,
  configureRng,
  configureInputs,
  configureBalloon,
  configureGraphics,
  configureSound,
  configureHostDevices,
  configureWatchdog,
  configureConsole,
  configurePanicDevices,
  configureFeatures,
  configureSysinfo,
  configureOs,
  configureVirtiofs,
  configureDisks,
  configureUsbRedirect,
  configureControllers,
  configureQemuCommandLine,
  configureCpu,
  configureIOThreads,
  configureMemory,
  configureMemoryBacking,
  configureRebootPolicy,
  configureIommufd,
  configureHypervisorType,
  adjustForDedicatedCpus,
  placePciDevicesOnRootComplex,
  applyDomainDefaults,
];

/** virt-launcher's preStartHook changes before the domain is defined (not part of Convert itself). */
export const RUNTIME_FIXUPS: readonly Configurator[] = [applyDiskRuntimeFixups];
