// In-process lint CPU: reads DIR once, then runs core's `lintSources` RUNS times on one thread
// and prints the CPU time (user+system) of each run and the median per VM. For profiling
// (`node --cpu-prof`) and same-run A/B of core changes; parsing included, file reading not.
//   node .bench/lint-cpu-driver.cjs DIR [runs=5]
import { lintSources, resolveProfile } from '../../../packages/core/src/index.js';
import { nodeIO } from '../../../packages/kubectl-l1vh/src/io.js';
import { readInputs } from '../../../packages/kubectl-l1vh/src/read-inputs.js';

async function run(): Promise<void> {
  const [dir = '.', runsArg = '5'] = process.argv.slice(2);
  const inputs = await readInputs([dir], nodeIO());
  const { profile } = resolveProfile({ inputs: [] });
  const cpu: number[] = [];
  let objects = 0;
  let findings = 0;
  for (let i = 0; i < Number(runsArg); i++) {
    const t0 = process.cpuUsage();
    const r = lintSources(inputs.sources, profile, { config: {} });
    const d = process.cpuUsage(t0);
    cpu.push((d.user + d.system) / 1000);
    objects = r.objects;
    findings = r.findings.length;
  }
  const sorted = [...cpu].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  process.stdout.write(JSON.stringify({ objects, findings, cpuMs: cpu.map(Math.round), medianMs: Math.round(median), msPerVm: +(median / objects).toFixed(4) }) + '\n');
}

void run();
