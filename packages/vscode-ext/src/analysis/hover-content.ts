// What the hover shows at an offset, without `vscode` (the editor benchmark runs it): the VM
// under the cursor, the field the cursor is on (from the parsed document's position index) and
// the rendered markdown. The full card on `kind` and `metadata.name`; a short field hover on
// anything under `spec`; nothing elsewhere.

import { VMI_TEMPLATE_PATH, type PathSegment } from '@l1vh/core';
import { fieldEffect } from '../render/field-effects.js';
import { fieldHoverMarkdown, hoverMarkdown, type CommandLinks, type FieldFocus, type FieldProblem } from '../render/hover-markdown.js';
import { vmAt, type DocumentAnalysis, type VmAnalysis } from './document-analysis.js';

export interface HoverContent {
  vm: VmAnalysis;
  markdown: string;
  /** Offsets of the hovered key (the hover's range). */
  start: number;
  end: number;
}

/** Problems reported between two offsets of the document (diagnostic messages). */
export type ProblemsIn = (start: number, end: number) => readonly FieldProblem[];

const NO_PROBLEMS: ProblemsIn = () => [];

export function hoverContent(analysis: DocumentAnalysis, offset: number, targetLabel: string, links: (vm: VmAnalysis) => CommandLinks, problems: ProblemsIn = NO_PROBLEMS): HoverContent | undefined {
  const vm = vmAt(analysis, offset);
  if (!vm || offset < vm.start || offset > vm.end) return undefined;
  const field = vm.object.source.doc.positions().pathAt(offset);
  const base = vm.object.source.path;
  if (!field || !startsWith(field.path, base)) return undefined;
  const rel = field.path.slice(base.length);
  const head = rel[0];
  const onCard = head === 'kind' || (head === 'metadata' && rel[1] === 'name' && rel.length === 2);
  if (!onCard && head !== 'spec') return undefined;
  const start = field.span.keyStart ?? field.span.start;
  const end = field.span.keyEnd ?? field.span.end;
  // The card shows places as lines; the field hover compares offsets (core's own form).
  if (onCard) return { vm, markdown: hoverMarkdown(vm.item, analysis.files, targetLabel, links(vm)), start, end };
  const path = analysis.parse.file.path;
  const item = vm.item;
  const vmiSpec = [...VMI_TEMPLATE_PATH[item.kind], 'spec'];
  const focus: FieldFocus = {
    label: rel.join('.'),
    // Effects that quote the domain XML get it (explained once more, then cached per VM).
    effect: fieldEffect(item, startsWith(rel, vmiSpec) ? rel.slice(vmiSpec.length) : undefined, item.kind === 'VirtualMachine' ? rel.slice(1) : undefined, () => vm.explain(true).item),
    contains: (spot) => spot.file === path && spot.offset >= start && spot.offset <= field.span.end,
    problems: problems(start, field.span.end),
  };
  return { vm, markdown: fieldHoverMarkdown(item, focus, links(vm)), start, end };
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}
