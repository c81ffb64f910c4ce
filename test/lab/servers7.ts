// The seventh set of non-Node servers (issue 17), from Debian packages the lab had never run: Transmission's RPC
// server (C; three daemons, one per refusal its settings.json can make), Prometheus (Go; Basic auth from its web
// configuration file, and one instance with only its CORS origin set), Syncthing's GUI/REST API (Go) and InfluxDB 1.x
// (Go; auth-enabled with JWT shared-secret). Kept apart from servers.ts so each set reads on its own.
import type { LabServer } from './types';
import {
  TRANSMISSION_ACL_SCENARIOS,
  TRANSMISSION_OPEN_SCENARIOS,
  TRANSMISSION_SCENARIOS,
  SYNCTHING_SCENARIOS,
} from './scenarios/transmission-syncthing';
import { INFLUXDB_SCENARIOS, PROMETHEUS_CORS_SCENARIOS, PROMETHEUS_SCENARIOS } from './scenarios/prometheus-influxdb';

/**
 * 127.0.0.1:20050–20099: the ports of the seventh Debian set; 20098 is where its page host was run
 * (`WHY403_LAB_APP_PORT=20098`); Transmission's peer ports are 20060–20062 (bound to 127.0.0.1, nothing connects).
 */
export const SEVENTH_SET_DEBIAN_PORTS = {
  transmission: 20050,
  'transmission-open': 20051,
  'transmission-acl': 20052,
  prometheus: 20053,
  syncthing: 20054,
  syncthing_sync: 20055,
  influxdb: 20056,
  influxdb_rpc: 20057,
  'prometheus-cors': 20058,
};

/** transmission-daemon in the foreground with its settings.json (conf/<name>/) in the run directory. */
const transmission = (name: string, scenarios: LabServer['scenarios']): LabServer => ({
  name,
  version: ['/usr/bin/transmission-daemon', '--version'],
  needs: '/usr/bin/transmission-daemon',
  configs: [`${name}/settings.json`],
  start: ['/usr/bin/transmission-daemon', '--foreground', '--config-dir', '{{DIR}}'],
  scenarios,
});

const prometheus = (name: string, configs: string[], flags: string[], scenarios: LabServer['scenarios']) => ({
  name,
  version: ['/usr/bin/prometheus', '--version'],
  needs: '/usr/bin/prometheus',
  configs,
  start: [
    '/usr/bin/prometheus',
    '--config.file={{DIR}}/prometheus.yml',
    '--web.listen-address=127.0.0.1:{{PORT}}',
    '--storage.tsdb.path={{DIR}}/data',
    ...flags,
  ],
  scenarios,
});

export const SEVENTH_SET_DEBIAN_SERVERS: LabServer[] = [
  transmission('transmission', TRANSMISSION_SCENARIOS),
  transmission('transmission-open', TRANSMISSION_OPEN_SCENARIOS),
  transmission('transmission-acl', TRANSMISSION_ACL_SCENARIOS),
  prometheus(
    'prometheus',
    ['prometheus/prometheus.yml', 'prometheus/web.yml'],
    ['--web.config.file={{DIR}}/web.yml'],
    PROMETHEUS_SCENARIOS,
  ),
  // no web config; CORS allowed for one dashboard origin only (a regexp, as the flag reads it)
  prometheus(
    'prometheus-cors',
    ['prometheus/prometheus.yml'],
    ['--web.cors.origin=https://grafana\\.lab\\.example'],
    PROMETHEUS_CORS_SCENARIOS,
  ),
  {
    name: 'syncthing',
    version: ['/usr/bin/syncthing', '--version'],
    needs: '/usr/bin/syncthing',
    configs: ['syncthing/config.xml'],
    // -no-restart: no monitor restarting it; the keys and certificate are generated in the run directory at start
    start: ['/usr/bin/syncthing', '-home={{DIR}}', '-no-browser', '-no-restart', '-logflags=0'],
    env: { STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
    startup: 30,
    scenarios: SYNCTHING_SCENARIOS,
  },
  {
    name: 'influxdb',
    version: ['/usr/bin/influxd', 'version'],
    needs: '/usr/bin/influxd',
    configs: ['influxdb/influxdb.conf'],
    start: ['/usr/bin/influxd', '-config', '{{DIR}}/influxdb.conf'],
    startup: 30,
    scenarios: INFLUXDB_SCENARIOS,
  },
];
