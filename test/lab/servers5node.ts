// The fifth set of Node server software (issue 17): GraphQL Yoga, Feathers, tRPC, Moleculer's API gateway
// (moleculer-web) and CORS Anywhere, none of which the lab had run before. Kept apart from servers.ts so each set
// reads on its own; servers.ts lists them.
import { nodeServer } from './node-server';
import type { LabServer } from './types';
import {
  CORS_ANYWHERE_SCENARIOS,
  FEATHERS_SCENARIOS,
  MOLECULER_SCENARIOS,
  TRPC_SCENARIOS,
  YOGA_SCENARIOS,
} from './scenarios/node5';

/** 127.0.0.1:19800–19849: the fifth Node set's ports (19849 is where its page host was run). */
export const FIFTH_NODE_SET_PORTS = {
  yoga: 19800,
  feathers: 19801,
  trpc: 19802,
  moleculer: 19803,
  'cors-anywhere': 19804,
};

/** A Node program of this set (node-server.ts), on its port. */
const node = (
  name: keyof typeof FIFTH_NODE_SET_PORTS,
  pkgs: string[],
  script: string,
  app: number,
  scenarios: LabServer['scenarios'],
): LabServer => nodeServer(name, FIFTH_NODE_SET_PORTS[name], pkgs, script, app, scenarios);

export const FIFTH_NODE_SET_SERVERS = (app: number): LabServer[] => [
  node(
    'yoga',
    ['graphql-yoga', '@graphql-yoga/plugin-csrf-prevention', '@envelop/generic-auth', 'graphql'],
    'yoga.mjs',
    app,
    YOGA_SCENARIOS,
  ),
  node(
    'feathers',
    ['@feathersjs/feathers', '@feathersjs/express', '@feathersjs/authentication', '@feathersjs/authentication-local'],
    'feathers.mjs',
    app,
    FEATHERS_SCENARIOS,
  ),
  node('trpc', ['@trpc/server', 'cors'], 'trpc.mjs', app, TRPC_SCENARIOS),
  node('moleculer', ['moleculer-web', 'moleculer'], 'moleculer.mjs', app, MOLECULER_SCENARIOS),
  node('cors-anywhere', ['cors-anywhere'], 'cors-anywhere.mjs', app, CORS_ANYWHERE_SCENARIOS),
];
