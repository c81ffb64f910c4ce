// The fourth set of Python and C servers (issue 17), from Debian packages: Tornado, aiohttp with aiohttp-cors,
// Bottle, Falcon, Radicale, Varnish with varnish-modules, Privoxy. Kept apart from servers.ts so each set reads on
// its own; servers.ts lists them.
import type { LabServer } from './types';
import { AIOHTTP_SCENARIOS, TORNADO_SCENARIOS } from './scenarios/tornado-aiohttp';
import { BOTTLE_SCENARIOS, FALCON_SCENARIOS, RADICALE_SCENARIOS } from './scenarios/bottle-falcon-radicale';
import { PRIVOXY_SCENARIOS, VARNISH_SCENARIOS } from './scenarios/varnish-privoxy';

/** 127.0.0.1:19750–19799: the ports of the fourth Python/C set (19799 is where its page host was run). */
export const FOURTH_SET_PORTS = {
  tornado: 19750,
  aiohttp: 19751,
  bottle: 19752,
  falcon: 19753,
  radicale: 19754,
  varnish: 19755,
  privoxy: 19756,
};

const PY = '/usr/bin/python3';
const DIST = '/usr/lib/python3/dist-packages';
/** Prints "name version …" for Debian's Python packages (their first line goes into labels.json). */
const pyVersions = (packages: string[]): string[] => [
  PY,
  '-c',
  `from importlib.metadata import version as v; print(' '.join(p + ' ' + v(p) for p in ${JSON.stringify(packages)}))`,
];
/** A Python app from conf/<name>/app.py on Debian's python3, told its port and the page host's. */
const pyApp = (name: keyof typeof FOURTH_SET_PORTS, packages: string[], needs: string, app: number) => ({
  name,
  version: pyVersions(packages),
  needs: `${DIST}/${needs}`,
  configs: [],
  start: [PY, `{{LAB}}/conf/${name}/app.py`],
  env: { PORT: String(FOURTH_SET_PORTS[name]), APP: String(app) },
});

export const FOURTH_SET_SERVERS = (app: number): LabServer[] => [
  { ...pyApp('tornado', ['tornado'], 'tornado', app), scenarios: TORNADO_SCENARIOS },
  { ...pyApp('aiohttp', ['aiohttp', 'aiohttp-cors'], 'aiohttp_cors', app), scenarios: AIOHTTP_SCENARIOS },
  { ...pyApp('bottle', ['bottle'], 'bottle.py', app), scenarios: BOTTLE_SCENARIOS },
  { ...pyApp('falcon', ['falcon'], 'falcon', app), scenarios: FALCON_SCENARIOS },
  {
    name: 'radicale',
    version: pyVersions(['radicale']),
    needs: `${DIST}/radicale`,
    configs: ['radicale/config', 'radicale/users'],
    start: [PY, '-m', 'radicale', '--config', '{{DIR}}/config'],
    scenarios: RADICALE_SCENARIOS,
  },
  {
    name: 'varnish',
    version: ['/usr/sbin/varnishd', '-V'],
    needs: '/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_vsthrottle.so',
    configs: ['varnish/lab.vcl'],
    // -F: foreground; -j none: no jail (runs as the lab's user); -n: its working directory in the run directory
    start: [
      '/usr/sbin/varnishd',
      '-F',
      '-j',
      'none',
      '-a',
      '127.0.0.1:{{PORT}}',
      '-T',
      'none',
      '-f',
      '{{DIR}}/lab.vcl',
      '-n',
      '{{DIR}}/n',
      '-s',
      'malloc,16m',
    ],
    scenarios: VARNISH_SCENARIOS,
  },
  {
    name: 'privoxy',
    version: ['/usr/sbin/privoxy', '--version'],
    needs: '/usr/sbin/privoxy',
    configs: ['privoxy/config', 'privoxy/lab.action'],
    start: ['/usr/sbin/privoxy', '--no-daemon', '{{DIR}}/config'],
    scenarios: PRIVOXY_SCENARIOS,
  },
];
