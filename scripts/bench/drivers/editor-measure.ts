// What editor-driver and workspace-index-driver share: the open document as VS Code keeps it,
// one-character edits, and the hover + preview re-render measured after each edit, so the two
// drivers' figures differ only by what they set up around them.
import { AnalysisCache, keyOf, vmAt, type SourceDocument } from '../../../packages/vscode-ext/src/analysis/document-analysis.js';
import { hoverContent } from '../../../packages/vscode-ext/src/analysis/hover-content.js';
import { vmDocumentText } from '../../../packages/vscode-ext/src/analysis/vm-document.js';
import { previewText } from '../../../packages/vscode-ext/src/render/preview-text.js';

/** The hover card's command links (their targets do not matter here). */
export const links = (): { preview: string; explain: string } => ({ preview: 'command:p', explain: 'command:e' });

/** p-th percentile of `xs` (0 when empty). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** An open editor document: text and version, as VS Code keeps them (outside the timings). */
export class OpenDocument {
  private version = 1;
  readonly doc: SourceDocument;

  constructor(
    readonly name: string,
    public text: string,
  ) {
    const self = this;
    this.doc = {
      uri: { scheme: 'file', fsPath: `/bench/${name}`, toString: () => `file:///bench/${name}` },
      get version() {
        return self.version;
      },
      getText: () => self.text,
    };
  }

  /** The whole text replaced (a new file opened in the same editor). */
  replace(text: string): void {
    this.text = text;
    this.version++;
  }

  /** VS Code's side of a one-character replacement at `at`: new text, new version, the change event. */
  type(at: number, ch: string): { rangeOffset: number; rangeLength: number; text: string } {
    this.text = this.text.slice(0, at) + ch + this.text.slice(at + 1);
    this.version++;
    return { rangeOffset: at, rangeLength: 1, text: ch };
  }

  /** Offsets of a digit of each `cores:`/`memory:` value: where a user edits. */
  digitTargets(): number[] {
    return [...this.text.matchAll(/(?:cores|memory): "?(\d)/g)].map((m) => m.index + m[0].length - 1);
  }
}

/**
 * One edit-and-look at `at`: toggle the digit, then hover (AnalysisCache.update + hoverContent,
 * what HoverProvider runs); toggle it again, then re-render the VM's preview (update +
 * vmDocumentText, what the preview provider runs). Milliseconds of each, and whether a hover showed.
 */
export function editAndLook(cache: AnalysisCache, open: OpenDocument, at: number, label: string): { hoverMs: number; renderMs: number; shown: boolean } {
  const toggle = (): ReturnType<OpenDocument['type']> => open.type(at, open.text[at] === '2' ? '3' : '2');
  let change = toggle();
  let t0 = performance.now();
  cache.update(open.doc, [change], open.text.length);
  const shown = hoverContent(cache.get(open.doc), at, label, links) !== undefined;
  const hoverMs = performance.now() - t0;
  const vm = vmAt(cache.get(open.doc), at);
  const key = vm && keyOf(vm);
  change = toggle();
  t0 = performance.now();
  cache.update(open.doc, [change], open.text.length);
  if (key) vmDocumentText(cache.get(open.doc), key, open.name, previewText);
  return { hoverMs, renderMs: performance.now() - t0, shown };
}
