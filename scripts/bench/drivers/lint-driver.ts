// Stand-in for `kubectl l1vh lint DIR` until the command exists: the CLI's own input reader and
// the parallel lint pool, in one CommonJS bundle that is also its own worker script.
//   node .bench/lint-driver.cjs DIR [threads]
import { nodeIO } from '../../../packages/kubectl-l1vh/src/io.js';
import { isLintWorker, lintInParallel, runLintWorker } from '../../../packages/kubectl-l1vh/src/parallel/index.js';
import { readInputs } from '../../../packages/kubectl-l1vh/src/read-inputs.js';

async function run(): Promise<void> {
  const [dir = '.', threads] = process.argv.slice(2);
  const inputs = await readInputs([dir], nodeIO());
  const r = await lintInParallel(inputs.sources, [], {}, threads ? { threads: Number(threads) } : {});
  process.stdout.write(JSON.stringify({ files: inputs.sources.length, objects: r.objects, findings: r.findings.length, threads: r.threads }) + '\n');
}

if (isLintWorker()) runLintWorker();
else void run();
