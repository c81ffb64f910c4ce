#!/usr/bin/env node
// Runs the TypeScript CLI without a build step: tsx compiles on the fly (and caches).
import { register } from 'tsx/esm/api';

register();
const { main, processIo } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), processIo);
