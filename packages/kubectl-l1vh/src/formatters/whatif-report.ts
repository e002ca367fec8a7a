// What a whatif formatter is given (its own module so the formatters and their index don't import each other).
import type { LocatedWhatIfResult } from '@l1vh/core';

export interface WhatIfReport {
  /** With places as line/col (locateWhatIf). */
  result: LocatedWhatIfResult;
  /** Text only: print each changed domain XML as a unified diff. */
  showXmlDiff: boolean;
}
