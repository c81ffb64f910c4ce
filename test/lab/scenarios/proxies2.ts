// tinyproxy 1.11 (Debian), second set (issue 17): ConnectPort (CONNECT only to listed ports) and a URL Filter.
// Playwright's API client tunnels through the proxy with CONNECT, so both see host:port.
import type { Ports, Scenario } from '../types';
import { quiet, refusal } from './helpers';

const viaFilter = (p: Ports) => ({ proxy: { server: `http://127.0.0.1:${p['tinyproxy-filter']}` } });

export const TINYPROXY_FILTER_SCENARIOS: Scenario[] = [
  {
    id: 'connect-port-denied',
    what: 'CONNECT to a port not in ConnectPort',
    via: 'api',
    contextOptions: viaFilter,
    run: async (t) => void (await t.api.get('http://127.0.0.1:18002/reports/q3')),
    expect: [
      refusal(
        '/reports/',
        403,
        'permission.denied',
        "tinyproxy's page: the CONNECT method is not allowed with this port",
        ['waf.blocked'],
      ),
    ],
  },
  {
    id: 'filtered',
    what: 'a URL matched by the Filter file',
    via: 'api',
    contextOptions: viaFilter,
    run: async (t) => void (await t.api.get('http://127.0.0.1:18001/games/play')),
    expect: [
      refusal(
        '/games/',
        403,
        'waf.blocked',
        '403 with the status text "Filtered" and no body (the Filter file matched)',
        ['permission.denied'],
      ),
    ],
  },
  {
    id: 'lookalike-allowed',
    what: 'an allowed port, not filtered: the page comes through (quiet)',
    via: 'api',
    contextOptions: viaFilter,
    run: async (t) => void (await t.api.get(`http://127.0.0.1:${t.ports.app}/ok`)),
    expect: [quiet('/ok', 200, 'proxied fine')],
  },
];
