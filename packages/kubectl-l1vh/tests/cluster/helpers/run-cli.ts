// Runs main() in-process with captured output and a controlled environment.
import { main } from '../../../src/main.js';
import { nodeIO } from '../../../src/io.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export async function runCli(argv: string[], env: Record<string, string | undefined> = {}, stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const started = Date.now();
  const io = {
    ...nodeIO(),
    stdout: (t: string) => void (stdout += t),
    stderr: (t: string) => void (stderr += t),
    readStdin: async () => Buffer.from(stdin),
    env: { PATH: process.env.PATH, HOME: '/nonexistent-home', ...env },
    stderrIsTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr, ms: Date.now() - started };
}
