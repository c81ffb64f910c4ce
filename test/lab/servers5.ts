// The fifth set of non-Node servers (issue 17), from Debian packages the lab had never run: Sinatra with
// rack-protection on puma (Ruby), Mojolicious (Perl), CherryPy (Python), PHP's built-in server and h2o (C, with its
// mruby handlers). Kept apart from servers.ts so each set reads on its own; servers.ts lists them.
import type { LabServer } from './types';
import { MOJOLICIOUS_SCENARIOS, SINATRA_SCENARIOS } from './scenarios/sinatra-mojolicious';
import { CHERRYPY_SCENARIOS, H2O_SCENARIOS, PHP_SCENARIOS } from './scenarios/cherrypy-php-h2o';

/**
 * 127.0.0.1:19850–19899: the ports of the fifth Debian set. 19897 stays closed (h2o's dead upstream); 19898 is where
 * its page host was run (`WHY403_LAB_APP_PORT=19898`).
 */
export const FIFTH_SET_DEBIAN_PORTS = { sinatra: 19850, mojolicious: 19851, cherrypy: 19852, php: 19853, h2o: 19854 };

const P = FIFTH_SET_DEBIAN_PORTS;

export const FIFTH_SET_DEBIAN_SERVERS = (app: number): LabServer[] => [
  {
    name: 'sinatra',
    version: [
      '/usr/bin/ruby',
      '-e',
      `require 'sinatra/base'; require 'rack/protection'; require 'puma/const'; puts "sinatra #{Sinatra::VERSION} rack-protection #{Rack::Protection::VERSION} rack #{Rack.release} puma #{Puma::Const::PUMA_VERSION}"`,
    ],
    needs: '/usr/bin/puma',
    configs: [],
    start: [
      '/usr/bin/puma',
      '-b',
      `tcp://127.0.0.1:${P.sinatra}`,
      '-e',
      'production',
      '{{LAB}}/conf/sinatra/config.ru',
    ],
    env: { APP: String(app) },
    scenarios: SINATRA_SCENARIOS,
  },
  {
    name: 'mojolicious',
    version: ['/usr/bin/perl', '-MMojolicious', '-e', 'print "Mojolicious $Mojolicious::VERSION\\n"'],
    needs: '/usr/share/perl5/Mojolicious.pm',
    configs: [],
    start: ['/usr/bin/perl', '{{LAB}}/conf/mojolicious/app.pl', 'daemon', '-l', `http://127.0.0.1:${P.mojolicious}`],
    env: { APP: String(app) },
    scenarios: MOJOLICIOUS_SCENARIOS,
  },
  {
    name: 'cherrypy',
    version: ['/usr/bin/python3', '-c', "import cherrypy; print('cherrypy', cherrypy.__version__)"],
    needs: '/usr/lib/python3/dist-packages/cherrypy',
    configs: [],
    start: ['/usr/bin/python3', '{{LAB}}/conf/cherrypy/app.py'],
    env: { PORT: String(P.cherrypy), APP: String(app) },
    scenarios: CHERRYPY_SCENARIOS,
  },
  {
    name: 'php',
    version: ['/usr/bin/php', '-v'],
    needs: '/usr/bin/php',
    configs: [],
    // -t: the run directory as document root (nothing in it: every path the router does not answer is the 404 page)
    start: [
      '/usr/bin/php',
      '-d',
      'session.save_path={{DIR}}',
      '-d',
      'display_errors=0',
      '-S',
      `127.0.0.1:${P.php}`,
      '-t',
      '{{DIR}}',
      '{{LAB}}/conf/php/router.php',
    ],
    scenarios: PHP_SCENARIOS,
  },
  {
    name: 'h2o',
    version: ['/usr/bin/h2o', '-v'],
    needs: '/usr/bin/h2o',
    configs: ['h2o/h2o.conf', 'h2o/htpasswd'],
    start: ['/usr/bin/h2o', '-c', '{{DIR}}/h2o.conf'],
    scenarios: H2O_SCENARIOS,
  },
];
