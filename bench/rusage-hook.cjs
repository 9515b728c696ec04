// Loaded with --require into every timed process: on exit, records the
// process's own CPU time and peak memory (all threads) for the benchmark.
const { writeFileSync } = require('node:fs');
const target = process.env.BENCH_RUSAGE_FILE;
if (target && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }));
  });
}
