// The executable: wires real I/O into main(); nothing else calls process.exit.
// The same bundle is the lint pool's worker script (src/parallel): as a worker it lints its share.
import { main } from './main.js';
import { nodeIO } from './io.js';
import { isLintWorker, runLintWorker } from './parallel/index.js';

if (isLintWorker()) {
  runLintWorker();
} else {
  // `kubectl l1vh … | head`: a closed stdout ends the run quietly, not with a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`kubectl-l1vh: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
