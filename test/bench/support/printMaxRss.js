// Preloaded with `node --require` by the benchmarks: prints the process's peak resident memory (kB) on exit.
process.on('exit', () => process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`));
