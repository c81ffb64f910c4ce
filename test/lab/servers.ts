// The server programs the lab runs: how to start each in the foreground with its config from test/lab/conf
// (never through init: the packages' own start-up stays disabled), and the scenarios recorded against it.
import type { LabServer, Ports } from './types';
import { NGINX_SCENARIOS } from './scenarios/nginx';
import { APACHE_SCENARIOS } from './scenarios/apache';

/** Fixed ports in the lab's range (127.0.0.1:18000–18999). 18999 stays closed: the dead upstream. */
export const PORTS: Ports = {
  app: 18000,
  nginx: 18010,
  apache: 18020,
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
  {
    name: 'apache',
    version: ['/usr/sbin/apache2', '-v'],
    needs: '/usr/lib/apache2/modules/mod_security2.so',
    configs: ['apache2.conf'],
    start: ['/usr/sbin/apache2', '-f', '{{DIR}}/apache2.conf', '-DFOREGROUND'],
    scenarios: APACHE_SCENARIOS,
  },
];
