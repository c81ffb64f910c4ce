// Preloaded with `node --import ./bench/cpu-report.mjs …`: prints the process's CPU time at exit.
// On a shared machine wall-clock time measures the neighbours; CPU time measures the program.
process.on('exit', () => {
  const { userCPUTime, systemCPUTime } = process.resourceUsage();
  process.stderr.write(`\n__CPU__ ${(userCPUTime + systemCPUTime) / 1000}\n`);
});
