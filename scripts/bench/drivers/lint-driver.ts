// The CLI's own input listing and the parallel, streamed lint pool, in one CommonJS bundle that
// is also its own worker script (the 1-thread row of the bench).
//   node .bench/lint-driver.cjs DIR [threads]
import { nodeIO } from '../../../packages/kubectl-l1vh/src/io.js';
import { isLintWorker, lintFiles, mayHoldContext, runLintWorker } from '../../../packages/kubectl-l1vh/src/parallel/index.js';
import { listInputs } from '../../../packages/kubectl-l1vh/src/read-inputs.js';

async function run(): Promise<void> {
  const [dir = '.', threads] = process.argv.slice(2);
  const inputs = await listInputs([dir], nodeIO(), mayHoldContext);
  const r = await lintFiles(inputs.files, {}, {}, threads ? { threads: Number(threads) } : {});
  process.stdout.write(JSON.stringify({ files: inputs.files.length, objects: r.objects, findings: r.findings.length, threads: r.threads }) + '\n');
}

if (isLintWorker()) runLintWorker();
else void run();
