import { parseArgs } from 'node:util';
import { SCENARIOS } from './scenarios.ts';
import { DEFAULT_PORT_A, DEFAULT_PORT_B, startScenarioServer } from './server.ts';

// `npx tsx test/server/cli.ts [--port-a 8133] [--port-b 8134]`: runs the scenario server until
// Ctrl-C, for trying the panel by hand.
const { values } = parseArgs({
  options: { 'port-a': { type: 'string' }, 'port-b': { type: 'string' } },
});
const server = await startScenarioServer({
  portA: Number(values['port-a'] ?? process.env.WHY403_PORT_A ?? DEFAULT_PORT_A),
  portB: Number(values['port-b'] ?? process.env.WHY403_PORT_B ?? DEFAULT_PORT_B),
});
console.log(`Why403 scenario server
  page (origin A):          ${server.originA}/
  API  (origin B):          ${server.originB}  (cross-origin, same site)
  API  (cross-site name):   ${server.crossSiteB}
  open this to sign in and load the page: ${server.demoUrl}
  ${SCENARIOS.length} scenarios; GET /__received?scenario=<id>, POST /__reset
Ctrl-C to stop.`);
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
