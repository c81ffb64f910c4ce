// Runs the CLI exactly as `why403` does, then reports its own peak RSS on stderr's last line.

import { register } from 'tsx/esm/api';


// (measured: --optimize-for-size saves ~70 MB but costs ~50 % more time; not used)

register();
const { main } = await import('../cli/main.ts');
let bytes = 0;
const io = { stdout: (s) => void (bytes += s.length), stderr: (s) => process.stderr.write(s), readStdin: async () => '' };
const code = await main(process.argv.slice(2), io);
process.stderr.write(`\n__BENCH__ ${JSON.stringify({ code, outputChars: bytes, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
