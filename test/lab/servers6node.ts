// The sixth set of Node server software (issue 17): json-server with json-server-auth, routing-controllers,
// express-openapi-validator and Egg.js, none of which the lab had run before. Kept apart from servers.ts so each
// set reads on its own; servers.ts lists them.
import { nodeServer } from './node-server';
import type { LabServer } from './types';
import {
  EGG_SCENARIOS,
  JSON_SERVER_AUTH_SCENARIOS,
  OPENAPI_VALIDATOR_SCENARIOS,
  ROUTING_CONTROLLERS_SCENARIOS,
} from './scenarios/node6';

/** 127.0.0.1:19900–19949: the sixth Node set's ports (19948 is where its page host was run). */
export const SIXTH_NODE_SET_PORTS = {
  'json-server-auth': 19900,
  'routing-controllers': 19901,
  'openapi-validator': 19902,
  egg: 19903,
};

/** A Node program of this set (node-server.ts), on its port. */
const node = (
  name: keyof typeof SIXTH_NODE_SET_PORTS,
  pkgs: string[],
  script: string,
  app: number,
  scenarios: LabServer['scenarios'],
  startup?: number,
): LabServer => nodeServer(name, SIXTH_NODE_SET_PORTS[name], pkgs, script, app, scenarios, startup);

export const SIXTH_NODE_SET_SERVERS = (app: number): LabServer[] => [
  node(
    'json-server-auth',
    ['json-server-auth', 'json-server'],
    'json-server-auth.mjs',
    app,
    JSON_SERVER_AUTH_SCENARIOS,
  ),
  node(
    'routing-controllers',
    ['routing-controllers', 'express', 'class-validator'],
    'routing-controllers.mjs',
    app,
    ROUTING_CONTROLLERS_SCENARIOS,
  ),
  node(
    'openapi-validator',
    ['express-openapi-validator', 'express'],
    'openapi-validator.mjs',
    app,
    OPENAPI_VALIDATOR_SCENARIOS,
  ),
  node('egg', ['egg', 'egg-security', 'egg-jwt'], 'egg.mjs', app, EGG_SCENARIOS, 60),
];
