// The seventh set of Node server software (issue 17): Sails.js, Auth.js (@auth/express), Socket.IO and http-server,
// none of which the lab had run before. Kept apart from servers.ts so each set reads on its own; servers.ts lists them.
import { nodeServer } from './node-server';
import type { LabServer } from './types';
import { AUTHJS_SCENARIOS, HTTP_SERVER_SCENARIOS, SAILS_SCENARIOS, SOCKETIO_SCENARIOS } from './scenarios/node7';

/** 127.0.0.1:20000–20049: the seventh Node set's ports (20048 is where its page host was run). */
export const SEVENTH_NODE_SET_PORTS = {
  sails: 20000,
  authjs: 20001,
  socketio: 20002,
  'http-server': 20003,
};

/** A Node program of this set (node-server.ts), on its port. */
const node = (
  name: keyof typeof SEVENTH_NODE_SET_PORTS,
  pkgs: string[],
  script: string,
  app: number,
  scenarios: LabServer['scenarios'],
  startup?: number,
): LabServer => nodeServer(name, SEVENTH_NODE_SET_PORTS[name], pkgs, script, app, scenarios, startup);

export const SEVENTH_NODE_SET_SERVERS = (app: number): LabServer[] => [
  // Sails lifts from its own folder (conf/sails: api/ and a CommonJS package.json for its module loader)
  node('sails', ['sails'], 'sails/app.js', app, SAILS_SCENARIOS, 60),
  node('authjs', ['@auth/express', '@auth/core', 'express'], 'authjs.mjs', app, AUTHJS_SCENARIOS),
  node('socketio', ['socket.io', 'engine.io'], 'socketio.mjs', app, SOCKETIO_SCENARIOS),
  {
    // the npm static server as its README runs it: no directory listings, CORS on, Basic auth from the flags
    ...node('http-server', ['http-server'], 'http-server', app, HTTP_SERVER_SCENARIOS),
    start: [
      'node',
      '{{LAB}}/node_modules/http-server/bin/http-server',
      '{{LAB}}/conf/http-server/site',
      '-a',
      '127.0.0.1',
      '-p',
      String(SEVENTH_NODE_SET_PORTS['http-server']),
      '-d',
      'false',
      '--cors',
      '-c-1',
      '-s',
      '--username',
      'lab',
      '--password',
      'lab-pass-1',
    ],
  },
];
