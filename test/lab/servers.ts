// The server programs the lab runs: how to start each in the foreground with its config from test/lab/conf
// (never through init: the packages' own start-up stays disabled), and the scenarios recorded against it.
import type { LabServer, Ports } from './types';
import { NGINX_SCENARIOS } from './scenarios/nginx';

/** Fixed ports in the lab's range (127.0.0.1:18000–18999). 18999 stays closed: the dead upstream. */
export const PORTS: Ports = {
  app: 18000,
  nginx: 18010,
};

export const SERVERS: LabServer[] = [
  {
    name: 'nginx',
    version: ['/usr/sbin/nginx', '-v'],
    needs: '/usr/sbin/nginx',
    configs: ['nginx.conf'],
    start: ['/usr/sbin/nginx', '-c', '{{DIR}}/nginx.conf', '-p', '{{DIR}}'],
    scenarios: NGINX_SCENARIOS,
  },
];
