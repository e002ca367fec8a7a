// <watchdog>: i6300esb on amd64, diag288 on s390x, unsupported on arm64 (compute/watchdog.go).

import type { Watchdog } from '../../api/kubevirt-types.js';
import { el } from '../../xml/element.js';
import type { Configurator } from '../configurator.js';
import type { Arch } from '../context.js';
import { userAlias } from '../device-settings.js';

/** Per architecture: the watchdog model and the VMI field that configures it, or the error. */
const WATCHDOG_BY_ARCH: Readonly<Record<Arch, { model: string; field: 'i6300esb' | 'diag288' } | { error: string }>> = {
  amd64: { model: 'i6300esb', field: 'i6300esb' },
  s390x: { model: 'diag288', field: 'diag288' },
  arm64: { error: 'watchdog is not supported on architecture ARM64' },
};

export const configureWatchdog: Configurator = (ctx, domain) => {
  const wd: Watchdog | undefined = ctx.vmi.spec.domain.devices.watchdog;
  if (!wd) return;
  const kind = WATCHDOG_BY_ARCH[ctx.arch];
  if ('error' in kind) return kind.error;
  const spec = wd[kind.field];
  if (!spec) return `watchdog ${wd.name} can't be mapped, no watchdog type specified`;
  domain.devices.watchdog.push(el('watchdog', { model: kind.model, action: spec.action ?? '' }, [el('alias', { name: userAlias(wd.name) })]));
  return undefined;
};
