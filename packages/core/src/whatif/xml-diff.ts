// A unified line diff of two domain XMLs (jsdiff's patch without its "====" banner).

import { createTwoFilesPatch } from 'diff';

/** `--- before` / `+++ after` hunks with 3 lines of context; null when both are equal or either is absent. */
export function unifiedDiff(before: string | null, after: string | null, labels: { before: string; after: string }): string | null {
  if (before === null || after === null || before === after) return null;
  const patch = createTwoFilesPatch(labels.before, labels.after, withNewline(before), withNewline(after), '', '', { context: 3 });
  return patch.replace(/^=+\n/, '');
}

const withNewline = (s: string): string => (s.endsWith('\n') ? s : s + '\n');
