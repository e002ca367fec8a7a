// A configurator reads the VMI and context and fills slots of the domain. It returns an error
// message (KubeVirt's wording) to abort conversion, or nothing.

import type { ConverterContext } from './context.js';
import type { DomainBuild } from './domain-model.js';

export type Configurator = (ctx: ConverterContext, domain: DomainBuild) => string | void;
