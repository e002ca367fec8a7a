// What the hover shows at an offset, without `vscode` (the editor benchmark runs it): the VM
// under the cursor, the field the cursor is on (from the parsed document's position index) and
// the rendered markdown. Hovers only on kind, metadata.name and anything under spec.

import type { PathSegment } from '@l1vh/core';
import { hoverMarkdown, type CommandLinks, type FieldFocus } from '../render/hover-markdown.js';
import { vmAt, type DocumentAnalysis, type VmAnalysis } from './document-analysis.js';

export interface HoverContent {
  vm: VmAnalysis;
  markdown: string;
  /** Offsets of the hovered key (the hover's range). */
  start: number;
  end: number;
}

export function hoverContent(analysis: DocumentAnalysis, offset: number, targetLabel: string, links: (vm: VmAnalysis) => CommandLinks): HoverContent | undefined {
  const vm = vmAt(analysis, offset);
  if (!vm || offset < vm.start || offset > vm.end) return undefined;
  const field = vm.object.source.doc.positions().pathAt(offset);
  const base = vm.object.source.path;
  if (!field || !startsWith(field.path, base)) return undefined;
  const rel = field.path.slice(base.length);
  const head = rel[0];
  const onObject = head === 'kind' || head === 'spec' || (head === 'metadata' && rel[1] === 'name' && rel.length === 2);
  if (!onObject) return undefined;
  const start = field.span.keyStart ?? field.span.start;
  const end = field.span.keyEnd ?? field.span.end;
  const path = analysis.parse.file.path;
  const focus: FieldFocus | undefined = head === 'spec' && rel.length > 1
    ? { label: rel.join('.'), contains: (spot) => spot.file === path && spot.offset >= start && spot.offset <= field.span.end }
    : undefined;
  return { vm, markdown: hoverMarkdown(vm.item, targetLabel, focus, links(vm)), start, end };
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}
