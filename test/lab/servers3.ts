// The third set of servers (issue 17), from Debian packages: Flask with its common extensions, FastAPI/Starlette
// under uvicorn, and lighttpd. Kept apart from servers.ts so each set reads on its own; servers.ts lists them.
import type { LabServer } from './types';
import { FLASK_SCENARIOS } from './scenarios/flask';
import { FASTAPI_SCENARIOS } from './scenarios/fastapi';
import { LIGHTTPD_SCENARIOS } from './scenarios/lighttpd';

/** 127.0.0.1:19600–19649: the ports of the third set. */
export const THIRD_SET_PORTS = { flask: 19600, fastapi: 19601, lighttpd: 19602 };

const PY = '/usr/bin/python3';
/** Prints "name version …" for Debian's Python packages (their first line goes into labels.json). */
const pyVersions = (packages: string[]): string[] => [
  PY,
  '-c',
  `from importlib.metadata import version as v; print(' '.join(p + ' ' + v(p) for p in ${JSON.stringify(packages)}))`,
];

export const THIRD_SET_SERVERS = (app: number): LabServer[] => [
  {
    name: 'flask',
    version: pyVersions([
      'flask',
      'werkzeug',
      'flask-httpauth',
      'flask-login',
      'flask-cors',
      'flask-limiter',
      'flask-wtf',
    ]),
    needs: '/usr/lib/python3/dist-packages/flask_httpauth.py',
    configs: [],
    start: [PY, '{{LAB}}/conf/flask/app.py'],
    env: { PORT: String(THIRD_SET_PORTS.flask), APP: String(app) },
    scenarios: FLASK_SCENARIOS,
  },
  {
    name: 'fastapi',
    version: pyVersions(['fastapi', 'starlette', 'uvicorn']),
    needs: '/usr/lib/python3/dist-packages/fastapi',
    configs: [],
    start: [
      PY,
      '-m',
      'uvicorn',
      'app:app',
      '--app-dir',
      '{{LAB}}/conf/fastapi',
      '--host',
      '127.0.0.1',
      '--port',
      '{{PORT}}',
    ],
    env: { APP: String(app) },
    scenarios: FASTAPI_SCENARIOS,
  },
  {
    name: 'lighttpd',
    version: ['/usr/sbin/lighttpd', '-v'],
    needs: '/usr/sbin/lighttpd',
    configs: ['lighttpd/lighttpd.conf'],
    start: ['/usr/sbin/lighttpd', '-D', '-f', '{{DIR}}/lighttpd.conf'],
    scenarios: LIGHTTPD_SCENARIOS,
  },
];
