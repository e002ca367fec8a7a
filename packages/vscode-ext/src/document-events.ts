// The one debounced change listener: after typing pauses, a document's analysis, diagnostics,
// previews and CodeLenses are refreshed together.

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
