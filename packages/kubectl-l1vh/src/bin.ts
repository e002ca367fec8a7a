// The executable: wires real I/O into main(); nothing else calls process.exit.
// The same bundle is the lint pool's worker script (src/parallel): as a worker it lints its share.
import { main } from './main.js';
import { nodeIO } from './io.js';
import { isLintWorker, runLintWorker } from './parallel/index.js';

if (isLintWorker()) {
  runLintWorker();
} else {
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
