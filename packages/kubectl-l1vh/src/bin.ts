// The executable: wires real I/O into main(); nothing else calls process.exit.
// The same bundle is the lint pool's worker script (src/parallel): as a worker it lints its share.
import { main } from './main.js';
import { nodeIO, writeAll } from './io.js';
import { isLintWorker } from './parallel/is-worker.js';

if (isLintWorker()) {
  void import('./parallel/worker.js').then((w) => w.runLintWorker());
} else {
  // Output goes through writeAll (io.ts): a closed stdout (`kubectl l1vh … | head`) ends the run quietly.
  main(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      writeAll(2, `kubectl-l1vh: ${missingChunk(err) ?? `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`}\n`);
      process.exitCode = 2;
    },
  );
}

/** The cluster commands load cluster-client.cjs from beside the executable: name it when it is not there. */
function missingChunk(err: unknown): string | undefined {
  if (!(err instanceof Error) || (err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND' || !err.message.includes('cluster-client.cjs')) return undefined;
  return `cluster-client.cjs is missing beside ${__filename}: the cluster commands need it; install the whole release (krew, npm, or the archive's files side by side)`;
}
