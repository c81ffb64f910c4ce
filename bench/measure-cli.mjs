// Runs the real `why403` entry point (bin/why403.mjs) and reports its peak RSS on stderr.
// Standard output is counted, not printed, so the terminal does not skew the timing.
let bytes = 0;
process.stdout.write = (chunk, ...rest) => {
  bytes += chunk.length;
  const cb = rest.find((r) => typeof r === 'function');
  if (cb) cb();
  return true;
};
process.on('exit', (code) => {
  process.stderr.write(
    `\n__BENCH__ ${JSON.stringify({ code, outputChars: bytes, maxRssKiB: process.resourceUsage().maxRSS })}\n`,
  );
});
process.argv.splice(1, 1, new URL('../bin/why403.mjs', import.meta.url).pathname);
await import('../bin/why403.mjs');
