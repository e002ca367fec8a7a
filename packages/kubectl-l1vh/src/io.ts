// The plugin's window on the world. Tests pass a fake; bin.ts passes nodeIO().
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';

export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  isSymlink: boolean;
  size: number;
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whole stdin (for "-"). */
  readStdin(): Promise<Buffer>;
  readFile(path: string): Buffer;
  stat(path: string): FileStat;
  lstat(path: string): FileStat;
  readDir(path: string): string[];
  realpath(path: string): string;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal (progress is shown only then). */
  stderrIsTTY: boolean;
}

const toStat = (s: import('node:fs').Stats): FileStat => ({ isFile: s.isFile(), isDirectory: s.isDirectory(), isSymlink: s.isSymbolicLink(), size: s.size });

export function nodeIO(): CliIO {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    readFile: (p) => readFileSync(p),
    stat: (p) => toStat(statSync(p)),
    lstat: (p) => toStat(lstatSync(p)),
    readDir: (p) => readdirSync(p),
    realpath: (p) => realpathSync(p),
    cwd: process.cwd(),
    env: process.env,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}
