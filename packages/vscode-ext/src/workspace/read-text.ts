// A workspace file's text as the user sees it: the open document's (edits included), else the
// file on disk; undefined when it cannot be read (deleted meanwhile, no permission).
import * as vscode from 'vscode';

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const key = uri.toString();
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
