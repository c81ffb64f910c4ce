// The server programs the lab runs: how to start each in the foreground with its config from test/lab/conf
// (never through init: the packages' own start-up stays disabled), and the scenarios recorded against it.
import type { LabServer, Ports } from './types';
import { NGINX_SCENARIOS } from './scenarios/nginx';
import { APACHE_SCENARIOS } from './scenarios/apache';
import { CADDY_SCENARIOS, REGISTRY_SCENARIOS } from './scenarios/caddy-registry';
import { APOLLO_SCENARIOS, EXPRESS_SCENARIOS, FASTIFY_SCENARIOS } from './scenarios/node';
import { EXPRESS_400_SCENARIOS, FASTIFY_400_SCENARIOS } from './scenarios/node400';
import { EXPRESS_MORE_SCENARIOS, FASTIFY_MORE_SCENARIOS } from './scenarios/node2';
import { DJANGO_SCENARIOS } from './scenarios/django';
import { TINYPROXY_FILTER_SCENARIOS } from './scenarios/proxies2';
import { HAPI_SCENARIOS, KOA_SCENARIOS } from './scenarios/hapi-koa';
import { APACHE_MORE_SCENARIOS } from './scenarios/apache2';
import { REGISTRY_MORE_SCENARIOS } from './scenarios/registry2';
import { CADDY_MORE_SCENARIOS, HAPROXY_MORE_SCENARIOS, NGINX_MORE_SCENARIOS } from './scenarios/web2';
import { DJANGO_MORE_SCENARIOS } from './scenarios/django2';
import { PARSE_SCENARIOS, PARSE_VERBOSE_SCENARIOS } from './scenarios/parse';
import { APACHE_400_SCENARIOS, HAPROXY_400_SCENARIOS, NGINX_400_SCENARIOS } from './scenarios/web400';
import { OIDC_SCENARIOS, VERDACCIO_SCENARIOS } from './scenarios/identity';
import { HONO_SCENARIOS, NEST_SCENARIOS } from './scenarios/node3';
import { EXPRESS_HELMET_SCENARIOS, RESTIFY_SCENARIOS } from './scenarios/node3-security';
import { EXPRESS_AUTH0_SCENARIOS, FASTIFY_BEARER_SCENARIOS, H3_SCENARIOS } from './scenarios/node4';
import { HAPI_JWT2_SCENARIOS, KOA_PASSPORT_SCENARIOS } from './scenarios/node4-sessions';
import {
  HAPROXY_SCENARIOS,
  SQUID_SCENARIOS,
  TINYPROXY_ACL_SCENARIOS,
  TINYPROXY_AUTH_SCENARIOS,
} from './scenarios/proxies';
import { THIRD_SET_PORTS, THIRD_SET_SERVERS } from './servers3';
import { FOURTH_SET_PORTS, FOURTH_SET_SERVERS } from './servers4';
import { FIFTH_SET_DEBIAN_PORTS, FIFTH_SET_DEBIAN_SERVERS } from './servers5';
import { FIFTH_NODE_SET_PORTS, FIFTH_NODE_SET_SERVERS } from './servers5node';
import { SIXTH_NODE_SET_PORTS, SIXTH_NODE_SET_SERVERS } from './servers6node';
import { SIXTH_SET_DEBIAN_PORTS, SIXTH_SET_DEBIAN_SERVERS } from './servers6';
import { SEVENTH_SET_DEBIAN_PORTS, SEVENTH_SET_DEBIAN_SERVERS } from './servers7';
import { SEVENTH_NODE_SET_PORTS, SEVENTH_NODE_SET_SERVERS } from './servers7node';

/** Fixed ports in the lab's range (127.0.0.1:18000–18999). 18999 stays closed: the dead upstream. */
export const PORTS: Ports = {
  // WHY403_LAB_APP_PORT moves the page host when another lab run holds 18000 (the recorded Origin changes with it)
  app: Number(process.env.WHY403_LAB_APP_PORT) || 18000,
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
  // nginx's TLS server (mutual TLS) beside its plain one; 19400–19499 for what the 400 scenarios added
  nginx_tls: 19402,
  parse: 19400,
  parse_pg: 19401,
  'parse-verbose': 19404,
  parse_verbose_pg: 19405,
  // 19500–19599: the servers added with the second set of refusals (issue 17)
  hapi: 19500,
  koa: 19501,
  'tinyproxy-filter': 19502,
  // 19600–19649: the third set's Python and C servers (servers3.ts)
  ...THIRD_SET_PORTS,
  // 19650–19699: the third set of Node server software (issue 17); express-helmet also listens on the next port
  hono: 19650,
  nest: 19651,
  'express-helmet': 19652,
  'express-helmet-plain': 19653,
  restify: 19654,
  // 19700–19749: the fourth set of Node server software (issue 17)
  'express-auth0': 19700,
  'fastify-bearer': 19701,
  h3: 19702,
  'hapi-jwt2': 19703,
  'koa-passport': 19704,
  // 19750–19799: the fourth set of Python and C servers (servers4.ts)
  ...FOURTH_SET_PORTS,
  // 19850–19899: the fifth set of Debian (non-Node) servers (servers5.ts)
  ...FIFTH_SET_DEBIAN_PORTS,
  // 19800–19849: the fifth set of Node server software (servers5node.ts)
  ...FIFTH_NODE_SET_PORTS,
  // 19900–19949: the sixth set of Node server software (servers6node.ts)
  ...SIXTH_NODE_SET_PORTS,
  // 19950–19999: the sixth set of Debian (non-Node) servers (servers6.ts)
  ...SIXTH_SET_DEBIAN_PORTS,
  // 20050–20099: the seventh set of Debian (non-Node) servers (servers7.ts)
  ...SEVENTH_SET_DEBIAN_PORTS,
  // 20000–20049: the seventh set of Node server software (servers7node.ts)
  ...SEVENTH_NODE_SET_PORTS,
};

/**
 * A Node server from test/lab/node_modules, run from test/lab/conf so its imports resolve there. Its version line
 * names `pkg` and any middleware packages in `also` (the refusals are theirs as much as the framework's).
 */
function nodeServer(
  name: string,
  pkg: string,
  script: string,
  scenarios: LabServer['scenarios'],
  also: string[] = [],
): LabServer {
  return {
    name,
    version: [
      'node',
      '-p',
      JSON.stringify([pkg, ...also]) +
        `.map((p) => p + ' ' + JSON.parse(require('fs').readFileSync('node_modules/' + p + '/package.json', 'utf8')).version).join(', ')`,
    ],
    needs: `{{LAB}}/node_modules/${pkg}/package.json`,
    configs: [],
    start: ['node', `{{LAB}}/conf/${script}`],
    env: { PORT: String(PORTS[name]), APP: String(PORTS.app), NODE_ENV: 'development' },
    scenarios,
  };
}

/** A program from a Debian package, run in the foreground with one config file from test/lab/conf. */
function debian(
  name: string,
  bin: string,
  version: string[],
  config: string,
  args: string[],
  scenarios: LabServer['scenarios'],
): LabServer {
  return { name, version: [bin, ...version], needs: bin, configs: [config], start: [bin, ...args], scenarios };
}

export const SERVERS: LabServer[] = [
  debian(
    'nginx',
    '/usr/sbin/nginx',
    ['-v'],
    'nginx.conf',
    ['-c', '{{DIR}}/nginx.conf', '-p', '{{DIR}}'],
    [...NGINX_SCENARIOS, ...NGINX_400_SCENARIOS, ...NGINX_MORE_SCENARIOS],
  ),
  {
    ...debian(
      'apache',
      '/usr/sbin/apache2',
      ['-v'],
      'apache2.conf',
      ['-f', '{{DIR}}/apache2.conf', '-DFOREGROUND'],
      [...APACHE_SCENARIOS, ...APACHE_400_SCENARIOS, ...APACHE_MORE_SCENARIOS],
    ),
    needs: '/usr/lib/apache2/modules/mod_security2.so',
  },
  debian(
    'haproxy',
    '/usr/sbin/haproxy',
    ['-v'],
    'haproxy.cfg',
    ['-db', '-f', '{{DIR}}/haproxy.cfg'],
    [...HAPROXY_SCENARIOS, ...HAPROXY_400_SCENARIOS, ...HAPROXY_MORE_SCENARIOS],
  ),
  debian('squid', '/usr/sbin/squid', ['-v'], 'squid.conf', ['-N', '-f', '{{DIR}}/squid.conf'], SQUID_SCENARIOS),
  debian(
    'tinyproxy-acl',
    '/usr/bin/tinyproxy',
    ['-v'],
    'tinyproxy-acl.conf',
    ['-d', '-c', '{{DIR}}/tinyproxy-acl.conf'],
    TINYPROXY_ACL_SCENARIOS,
  ),
  debian(
    'tinyproxy-auth',
    '/usr/bin/tinyproxy',
    ['-v'],
    'tinyproxy-auth.conf',
    ['-d', '-c', '{{DIR}}/tinyproxy-auth.conf'],
    TINYPROXY_AUTH_SCENARIOS,
  ),
  {
    ...debian(
      'tinyproxy-filter',
      '/usr/bin/tinyproxy',
      ['-v'],
      'tinyproxy-filter.conf',
      ['-d', '-c', '{{DIR}}/tinyproxy-filter.conf'],
      TINYPROXY_FILTER_SCENARIOS,
    ),
    configs: ['tinyproxy-filter.conf', 'tinyproxy-filter.txt'],
  },
  {
    ...debian(
      'caddy',
      '/usr/bin/caddy',
      ['version'],
      'Caddyfile',
      ['run', '--config', '{{DIR}}/Caddyfile', '--adapter', 'caddyfile'],
      [...CADDY_SCENARIOS, ...CADDY_MORE_SCENARIOS],
    ),
    env: { XDG_DATA_HOME: '/tmp/why403-lab/caddy', XDG_CONFIG_HOME: '/tmp/why403-lab/caddy' },
  },
  debian(
    'registry',
    '/usr/bin/docker-registry',
    ['--version'],
    'registry.yml',
    ['serve', '{{DIR}}/registry.yml'],
    [...REGISTRY_SCENARIOS, ...REGISTRY_MORE_SCENARIOS],
  ),
  nodeServer('express', 'express', 'express.mjs', [
    ...EXPRESS_SCENARIOS,
    ...EXPRESS_400_SCENARIOS,
    ...EXPRESS_MORE_SCENARIOS,
  ]),
  nodeServer('fastify', 'fastify', 'fastify.mjs', [
    ...FASTIFY_SCENARIOS,
    ...FASTIFY_400_SCENARIOS,
    ...FASTIFY_MORE_SCENARIOS,
  ]),
  nodeServer('hapi', '@hapi/hapi', 'hapi.mjs', HAPI_SCENARIOS),
  nodeServer('koa', 'koa', 'koa.mjs', KOA_SCENARIOS),
  nodeServer('apollo', '@apollo/server', 'apollo.mjs', APOLLO_SCENARIOS),
  nodeServer('hono', 'hono', 'hono.mjs', HONO_SCENARIOS, ['@hono/node-server']),
  {
    ...nodeServer('nest', '@nestjs/core', 'nest.mjs', NEST_SCENARIOS, [
      '@nestjs/platform-express',
      '@nestjs/throttler',
      '@nestjs/passport',
      'passport-jwt',
      'passport-http-bearer',
      'class-validator',
    ]),
    startup: 40,
  },
  nodeServer('express-helmet', 'express', 'express-helmet.mjs', EXPRESS_HELMET_SCENARIOS, [
    'helmet',
    'rate-limiter-flexible',
    'lusca',
    'express-session',
  ]),
  nodeServer('restify', 'restify', 'restify.mjs', RESTIFY_SCENARIOS, ['restify-errors']),
  // the fourth set (issue 17)
  nodeServer('express-auth0', 'express', 'express-auth0.mjs', EXPRESS_AUTH0_SCENARIOS, [
    'express-oauth2-jwt-bearer',
    'csrf-csrf',
    'express-brute',
    'express-slow-down',
  ]),
  nodeServer('fastify-bearer', 'fastify', 'fastify-bearer.mjs', FASTIFY_BEARER_SCENARIOS, ['@fastify/bearer-auth']),
  nodeServer('h3', 'h3', 'h3.mjs', H3_SCENARIOS),
  nodeServer('hapi-jwt2', '@hapi/hapi', 'hapi-jwt2.mjs', HAPI_JWT2_SCENARIOS, ['hapi-auth-jwt2', '@hapi/cookie']),
  nodeServer('koa-passport', 'koa', 'koa-passport.mjs', KOA_PASSPORT_SCENARIOS, [
    'koa-passport',
    'passport-local',
    'koa-session',
    '@koa/cors',
    '@koa/router',
  ]),
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
    scenarios: [...DJANGO_SCENARIOS, ...DJANGO_MORE_SCENARIOS],
  },
  nodeServer('oidc', 'oidc-provider', 'oidc.mjs', OIDC_SCENARIOS),
  {
    ...nodeServer('verdaccio', 'verdaccio', 'verdaccio.yaml', VERDACCIO_SCENARIOS),
    configs: ['verdaccio.yaml'],
    start: ['node', '{{LAB}}/node_modules/verdaccio/bin/verdaccio', '--config', '{{DIR}}/verdaccio.yaml'],
    startup: 40,
  },
  {
    // Parse Server from npm on PostgreSQL from Debian (conf/parse/start.sh runs both and stops both)
    ...nodeServer('parse', 'parse-server', 'parse/parse.mjs', PARSE_SCENARIOS),
    needs: '/usr/lib/postgresql/15/bin/initdb',
    start: ['/bin/sh', '{{LAB}}/conf/parse/start.sh', '{{DIR}}'],
    env: { PORT: String(PORTS.parse), PG_PORT: String(PORTS.parse_pg), NODE_ENV: 'production' },
    startup: 60,
  },
  {
    ...nodeServer('parse-verbose', 'parse-server', 'parse/parse.mjs', PARSE_VERBOSE_SCENARIOS),
    needs: '/usr/lib/postgresql/15/bin/initdb',
    start: ['/bin/sh', '{{LAB}}/conf/parse/start.sh', '{{DIR}}'],
    env: {
      PORT: String(PORTS['parse-verbose']),
      PG_PORT: String(PORTS.parse_verbose_pg),
      NODE_ENV: 'production',
      PARSE_SANITIZED: 'false',
    },
    startup: 60,
  },
  ...THIRD_SET_SERVERS(PORTS.app),
  ...FOURTH_SET_SERVERS(PORTS.app),
  ...FIFTH_SET_DEBIAN_SERVERS(PORTS.app),
  ...FIFTH_NODE_SET_SERVERS(PORTS.app),
  ...SIXTH_NODE_SET_SERVERS(PORTS.app),
  ...SIXTH_SET_DEBIAN_SERVERS,
  ...SEVENTH_SET_DEBIAN_SERVERS,
  ...SEVENTH_NODE_SET_SERVERS(PORTS.app),
];
