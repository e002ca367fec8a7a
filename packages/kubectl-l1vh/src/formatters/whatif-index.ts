// One formatter per output format of whatif; an unknown -o lists these names.
import type { WhatIfReport } from './whatif-report.js';
import { formatWhatIfJson } from './whatif-json.js';
import { formatWhatIfText } from './whatif-text.js';

export const WHATIF_FORMATS = {
  text: formatWhatIfText,
  json: formatWhatIfJson,
} as const satisfies Record<string, (r: WhatIfReport) => string>;

export type WhatIfFormat = keyof typeof WHATIF_FORMATS;
