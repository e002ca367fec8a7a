// The text of a VM's read-only document (domain XML preview, full explanation), without
// `vscode`: the preview provider and the editor benchmark both render through it.

import type { ExplainItem, SourceFiles } from '@l1vh/core';
import { findVm, type DocumentAnalysis, type VmKey } from './document-analysis.js';

/** Renders a VM's explain result (places as line/col in `files`), or says why there is none (`missing`). */
export type VmRender = (item: ExplainItem | undefined, missing: string, files: SourceFiles) => string;

export function vmDocumentText(analysis: DocumentAnalysis, key: VmKey, sourceName: string, render: VmRender): string {
  const vm = findVm(analysis, key);
  // Both documents show the domain XML, so explain with it (cached per VM like the rest).
  return render(vm?.explain(true).item, `${key.kind} ${key.namespace}/${key.name} is no longer in ${sourceName}`, analysis.files);
}
