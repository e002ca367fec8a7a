// Expands FILE|DIR|- arguments into source texts. Directories are walked for *.yaml|*.yml
// (symlink loops are cut by real path); files are size-checked before reading and decoded as
// strict UTF-8. Problems are values: one line each, never a throw.

import { PARSE_LIMITS, type SourceText } from '@l1vh/core';
import { join } from 'node:path';
import { nodeIO, type CliIO } from './io.js';

export interface InputProblem {
  file: string;
  message: string;
  /** A vm/NAME or vmi/NAME the cluster does not have: an input finding (exit 1), not an I/O error (exit 2). */
  notFound?: true;
}

export interface Inputs {
  sources: SourceText[];
  problems: InputProblem[];
}

/**
 * One input of a streamed run: its path and size, and its text only when the caller asked to
 * keep it (stdin, and whatever `keep` chose); the others are read again when their turn comes.
 */
export interface InputFile {
  path: string;
  bytes: number;
  source?: SourceText;
}

interface ListedInputs {
  files: InputFile[];
  problems: InputProblem[];
}

/** Where a reader puts what it read: a whole text, or a problem. */
interface Sink {
  add(source: SourceText, bytes: number): void;
  problems: InputProblem[];
}

const YAML_FILE = /\.ya?ml$/i;
const decoder = new TextDecoder('utf-8', { fatal: true });

export async function readInputs(args: readonly string[], io: CliIO, maxBytes: number = PARSE_LIMITS.maxFileBytes): Promise<Inputs> {
  const out: Inputs = { sources: [], problems: [] };
  await collect(args, io, maxBytes, { add: (s) => out.sources.push(s), problems: out.problems });
  return out;
}

/**
 * readInputs without holding every text: each file is read and checked as readInputs checks it
 * (same problems, same order), then its text is kept only when `keep` says so (stdin always).
 * `readSource` reads a dropped one again.
 */
export async function listInputs(args: readonly string[], io: CliIO, keep: (source: SourceText) => boolean, maxBytes: number = PARSE_LIMITS.maxFileBytes): Promise<ListedInputs> {
  const out: ListedInputs = { files: [], problems: [] };
  const add = (source: SourceText, bytes: number): void => {
    out.files.push(source.path === '<stdin>' || keep(source) ? { path: source.path, bytes, source } : { path: source.path, bytes });
  };
  await collect(args, io, maxBytes, { add, problems: out.problems });
  return out;
}

/** One file read again (a streamed run's turn for it), with readInputs' checks. */
export function readSource(path: string, io: CliIO, maxBytes: number = PARSE_LIMITS.maxFileBytes): SourceText | InputProblem {
  let got: SourceText | InputProblem | undefined;
  const sink: Sink = { add: (s) => (got = s), problems: [] };
  try {
    readOne(path, io.stat(path).size, io, sink, maxBytes);
  } catch (e) {
    return { file: path, message: ioMessage(e) };
  }
  return got ?? sink.problems[0] ?? { file: path, message: 'could not be read' };
}

/** readSource from disk (a lint worker's or the pool's default reader), with one nodeIO per thread. */
export function readFromDisk(path: string): SourceText | InputProblem {
  return readSource(path, (diskIO ??= nodeIO()));
}
let diskIO: CliIO | undefined;

async function collect(args: readonly string[], io: CliIO, maxBytes: number, out: Sink): Promise<void> {
  for (const arg of args) {
    if (arg === '-') {
      const buf = await io.readStdin();
      pushDecoded('<stdin>', buf, out, maxBytes);
      continue;
    }
    let st;
    try {
      st = io.stat(arg);
    } catch (e) {
      out.problems.push({ file: arg, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory) walk(arg, io, out, maxBytes, new Set());
    else readOne(arg, st.size, io, out, maxBytes);
  }
}

function walk(dir: string, io: CliIO, out: Sink, maxBytes: number, seen: Set<string>): void {
  let real: string;
  try {
    real = io.realpath(dir);
  } catch (e) {
    out.problems.push({ file: dir, message: ioMessage(e) });
    return;
  }
  if (seen.has(real)) return; // symlink loop or a directory reached twice
  seen.add(real);
  let names: string[];
  try {
    names = io.readDir(dir).sort();
  } catch (e) {
    out.problems.push({ file: dir, message: ioMessage(e) });
    return;
  }
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.git')) continue;
    const p = join(dir, name);
    let st;
    try {
      st = io.stat(p);
    } catch (e) {
      // A dangling symlink is not an input; anything else is worth reporting.
      if (!(e instanceof Error && /ENOENT|ELOOP/.test(e.message))) out.problems.push({ file: p, message: ioMessage(e) });
      continue;
    }
    if (st.isDirectory) walk(p, io, out, maxBytes, seen);
    else if (st.isFile && YAML_FILE.test(name)) readOne(p, st.size, io, out, maxBytes);
  }
}

function readOne(path: string, size: number, io: CliIO, out: Sink, maxBytes: number): void {
  if (size > maxBytes) {
    out.problems.push({ file: path, message: `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; refused` });
    return;
  }
  try {
    pushDecoded(path, io.readFile(path), out, maxBytes);
  } catch (e) {
    out.problems.push({ file: path, message: ioMessage(e) });
  }
}

function pushDecoded(path: string, buf: Buffer, out: Sink, maxBytes: number): void {
  if (buf.length > maxBytes) {
    out.problems.push({ file: path, message: `input is ${formatBytes(buf.length)}, over the ${formatBytes(maxBytes)} limit; refused` });
    return;
  }
  if (buf.includes(0)) {
    out.problems.push({ file: path, message: 'binary file (NUL bytes), not YAML text' });
    return;
  }
  try {
    out.add({ path, text: decoder.decode(buf) }, buf.length);
  } catch {
    out.problems.push({ file: path, message: 'not valid UTF-8 text (binary file?)' });
  }
}

export function ioMessage(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = String((e as { code: unknown }).code);
    const known: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EISDIR: 'is a directory',
      ELOOP: 'too many levels of symbolic links',
      ENOTDIR: 'not a directory',
    };
    return known[code] ?? code;
  }
  return e instanceof Error ? e.message : String(e);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB` : `${n} bytes`;
}
