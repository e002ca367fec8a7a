// Preloaded (node -r) into a benchmarked process when GNU time is not installed: prints the
// process's peak RSS in KiB (all threads: workers are threads of it) as the last stderr line.
'use strict';
process.on('exit', () => require('node:fs').writeSync(2, `${process.resourceUsage().maxRSS}\n`));
