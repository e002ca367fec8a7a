// One formatter per output format of whatif; an unknown -o lists these names.
import type { LocatedWhatIfResult } from '@l1vh/core';
import { formatWhatIfJson } from './whatif-json.js';
import { formatWhatIfText } from './whatif-text.js';

export interface WhatIfReport {
  /** With places as line/col (locateWhatIf). */
  result: LocatedWhatIfResult;
  /** Text only: print each changed domain XML as a unified diff. */
  showXmlDiff: boolean;
}

export const WHATIF_FORMATS = {
  text: formatWhatIfText,
  json: formatWhatIfJson,
} as const satisfies Record<string, (r: WhatIfReport) => string>;

export type WhatIfFormat = keyof typeof WHATIF_FORMATS;
