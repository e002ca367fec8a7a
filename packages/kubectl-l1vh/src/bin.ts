// The executable: wires real I/O into main(); nothing else calls process.exit.
import { main } from './main.js';
import { nodeIO } from './io.js';

main(process.argv.slice(2), nodeIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`kubectl-l1vh: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
