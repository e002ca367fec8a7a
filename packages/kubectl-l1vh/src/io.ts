// The plugin's window on the world. Tests pass a fake; bin.ts passes nodeIO().
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, writeSync } from 'node:fs';

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

/**
 * Writes all of `text` to a file descriptor, synchronously. Not process.stdout/stderr: setting
 * up those streams costs ~5 ms of every cold start, and a CLI that writes its output once
 * needs no stream. A non-blocking pipe that is full (EAGAIN) is waited on; a closed stdout
 * (`kubectl l1vh … | head`, EPIPE) ends the run quietly, as the stream's error handler did.
 */
export function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw e;
    }
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

export function nodeIO(): CliIO {
  return {
    stdout: (t) => writeAll(1, t),
    stderr: (t) => writeAll(2, t),
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
    // node:tty loads node:net and the stream modules (~5 ms): only when asked.
    get stderrIsTTY() {
      return process.getBuiltinModule('node:tty').isatty(2);
    },
  };
}
