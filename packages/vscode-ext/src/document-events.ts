// The one debounced change listener: after typing pauses, a document's diagnostics, previews and
// CodeLenses are refreshed together (its analysis follows every edit incrementally).

import * as vscode from 'vscode';

export class Debouncer implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly delayMs: number,
    private readonly run: (document: vscode.TextDocument) => void,
  ) {}

  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const old = this.timers.get(key);
    if (old) clearTimeout(old);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.run(document);
    }, this.delayMs));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** The document's length in UTF-16 units, without building its text. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
