// The server programs the lab runs: how to start each in the foreground with its config from test/lab/conf
// (never through init: the packages' own start-up stays disabled), and the scenarios recorded against it.
import type { LabServer, Ports } from './types';
import { NGINX_SCENARIOS } from './scenarios/nginx';
import { APACHE_SCENARIOS } from './scenarios/apache';
import { CADDY_SCENARIOS, REGISTRY_SCENARIOS } from './scenarios/caddy-registry';
import { APOLLO_SCENARIOS, EXPRESS_SCENARIOS, FASTIFY_SCENARIOS } from './scenarios/node';
import { DJANGO_SCENARIOS } from './scenarios/django';
import { OIDC_SCENARIOS, VERDACCIO_SCENARIOS } from './scenarios/identity';
import {
  HAPROXY_SCENARIOS,
  SQUID_SCENARIOS,
  TINYPROXY_ACL_SCENARIOS,
  TINYPROXY_AUTH_SCENARIOS,
} from './scenarios/proxies';

/** Fixed ports in the lab's range (127.0.0.1:18000–18999). 18999 stays closed: the dead upstream. */
export const PORTS: Ports = {
  app: 18000,
  nginx: 18010,
  apache: 18020,
  haproxy: 18030,
  squid: 18040,
  'tinyproxy-acl': 18050,
  'tinyproxy-auth': 18051,
  caddy: 18060,
  registry: 18070,
  django: 18080,
  express: 18090,
  fastify: 18100,
  oidc: 18110,
  apollo: 18120,
  verdaccio: 18130,
};

/** A Node server from test/lab/node_modules, run from test/lab/conf so its imports resolve there. */
function nodeServer(name: string, pkg: string, script: string, scenarios: LabServer['scenarios']): LabServer {
  return {
    name,
    version: [
      'node',
      '-p',
      `'${pkg} ' + JSON.parse(require('fs').readFileSync('node_modules/${pkg}/package.json', 'utf8')).version`,
    ],
    needs: `{{LAB}}/node_modules/${pkg}/package.json`,
    configs: [],
    start: ['node', `{{LAB}}/conf/${script}`],
    env: { PORT: String(PORTS[name]), APP: String(PORTS.app), NODE_ENV: 'development' },
    scenarios,
  };
}

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
  {
    name: 'haproxy',
    version: ['/usr/sbin/haproxy', '-v'],
    needs: '/usr/sbin/haproxy',
    configs: ['haproxy.cfg'],
    start: ['/usr/sbin/haproxy', '-db', '-f', '{{DIR}}/haproxy.cfg'],
    scenarios: HAPROXY_SCENARIOS,
  },
  {
    name: 'squid',
    version: ['/usr/sbin/squid', '-v'],
    needs: '/usr/sbin/squid',
    configs: ['squid.conf'],
    start: ['/usr/sbin/squid', '-N', '-f', '{{DIR}}/squid.conf'],
    scenarios: SQUID_SCENARIOS,
  },
  {
    name: 'tinyproxy-acl',
    version: ['/usr/bin/tinyproxy', '-v'],
    needs: '/usr/bin/tinyproxy',
    configs: ['tinyproxy-acl.conf'],
    start: ['/usr/bin/tinyproxy', '-d', '-c', '{{DIR}}/tinyproxy-acl.conf'],
    scenarios: TINYPROXY_ACL_SCENARIOS,
  },
  {
    name: 'tinyproxy-auth',
    version: ['/usr/bin/tinyproxy', '-v'],
    needs: '/usr/bin/tinyproxy',
    configs: ['tinyproxy-auth.conf'],
    start: ['/usr/bin/tinyproxy', '-d', '-c', '{{DIR}}/tinyproxy-auth.conf'],
    scenarios: TINYPROXY_AUTH_SCENARIOS,
  },
  {
    name: 'caddy',
    version: ['/usr/bin/caddy', 'version'],
    needs: '/usr/bin/caddy',
    configs: ['Caddyfile'],
    start: ['/usr/bin/caddy', 'run', '--config', '{{DIR}}/Caddyfile', '--adapter', 'caddyfile'],
    env: { XDG_DATA_HOME: '/tmp/why403-lab/caddy', XDG_CONFIG_HOME: '/tmp/why403-lab/caddy' },
    scenarios: CADDY_SCENARIOS,
  },
  {
    name: 'registry',
    version: ['/usr/bin/docker-registry', '--version'],
    needs: '/usr/bin/docker-registry',
    configs: ['registry.yml'],
    start: ['/usr/bin/docker-registry', 'serve', '{{DIR}}/registry.yml'],
    scenarios: REGISTRY_SCENARIOS,
  },
  nodeServer('express', 'express', 'express.mjs', EXPRESS_SCENARIOS),
  nodeServer('fastify', 'fastify', 'fastify.mjs', FASTIFY_SCENARIOS),
  nodeServer('apollo', '@apollo/server', 'apollo.mjs', APOLLO_SCENARIOS),
  {
    name: 'django',
    version: [
      '/usr/bin/python3',
      '-c',
      'import django, rest_framework; print("Django", django.get_version(), "DRF", rest_framework.VERSION)',
    ],
    needs: '/usr/lib/python3/dist-packages/rest_framework',
    configs: [],
    start: ['/bin/sh', '{{LAB}}/conf/django/start.sh'],
    env: { PORT: String(PORTS.django), LAB_DB: '/tmp/why403-lab/django/lab.sqlite3' },
    startup: 40,
    scenarios: DJANGO_SCENARIOS,
  },
  nodeServer('oidc', 'oidc-provider', 'oidc.mjs', OIDC_SCENARIOS),
  {
    ...nodeServer('verdaccio', 'verdaccio', 'verdaccio.yaml', VERDACCIO_SCENARIOS),
    configs: ['verdaccio.yaml'],
    start: ['node', '{{LAB}}/node_modules/verdaccio/bin/verdaccio', '--config', '{{DIR}}/verdaccio.yaml'],
    startup: 40,
  },
];
