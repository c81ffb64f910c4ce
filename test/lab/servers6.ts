// The sixth set of non-Node servers (issue 17), from Debian packages the lab had never run: Apache Tomcat 10 (Java,
// with its own filters, container security and the manager app), Pyramid on waitress (Python), Dancer2 with Plack
// middlewares (Perl) and uWSGI's internal routing (C). Kept apart from servers.ts so each set reads on its own.
import type { LabServer } from './types';
import { TOMCAT_SCENARIOS, UWSGI_SCENARIOS } from './scenarios/tomcat-uwsgi';
import { DANCER2_SCENARIOS, PYRAMID_SCENARIOS } from './scenarios/pyramid-dancer2';

/** 127.0.0.1:19950–19999: the ports of the sixth Debian set; 19998 is where its page host was run (`WHY403_LAB_APP_PORT=19998`). */
export const SIXTH_SET_DEBIAN_PORTS = { tomcat: 19950, pyramid: 19951, dancer2: 19952, uwsgi: 19953 };

const P = SIXTH_SET_DEBIAN_PORTS;

export const SIXTH_SET_DEBIAN_SERVERS: LabServer[] = [
  {
    name: 'tomcat',
    version: [
      '/bin/sh',
      '-c',
      'CATALINA_HOME=/usr/share/tomcat10 /usr/share/tomcat10/bin/version.sh | grep "Server version"',
    ],
    needs: '/usr/share/tomcat10/bin/catalina.sh',
    configs: ['tomcat/server.xml', 'tomcat/tomcat-users.xml'],
    // conf/tomcat/start.sh makes a CATALINA_BASE in the run directory and execs `catalina.sh run` (the JVM, in the foreground)
    start: ['/bin/sh', '{{LAB}}/conf/tomcat/start.sh', '{{DIR}}'],
    startup: 60,
    scenarios: TOMCAT_SCENARIOS,
  },
  {
    name: 'pyramid',
    version: [
      '/usr/bin/python3',
      '-c',
      "from importlib.metadata import version as v; print('pyramid', v('pyramid'), 'waitress', v('waitress'))",
    ],
    needs: '/usr/lib/python3/dist-packages/pyramid',
    configs: [],
    start: ['/usr/bin/python3', '{{LAB}}/conf/pyramid/app.py'],
    env: { PORT: String(P.pyramid) },
    scenarios: PYRAMID_SCENARIOS,
  },
  {
    name: 'dancer2',
    version: [
      '/usr/bin/perl',
      '-MDancer2',
      '-MPlack',
      '-MPlack::Middleware::CSRFBlock',
      '-MPlack::Middleware::CrossOrigin',
      '-e',
      'print "Dancer2 $Dancer2::VERSION Plack $Plack::VERSION CSRFBlock $Plack::Middleware::CSRFBlock::VERSION CrossOrigin $Plack::Middleware::CrossOrigin::VERSION\\n"',
    ],
    needs: '/usr/share/perl5/Dancer2.pm',
    configs: [],
    start: [
      '/usr/bin/plackup',
      '-E',
      'production',
      '--host',
      '127.0.0.1',
      '-p',
      String(P.dancer2),
      '{{LAB}}/conf/dancer2/app.psgi',
    ],
    scenarios: DANCER2_SCENARIOS,
  },
  {
    name: 'uwsgi',
    version: ['/usr/bin/uwsgi-core', '--version'],
    needs: '/usr/lib/uwsgi/plugins/router_basicauth_plugin.so',
    configs: ['uwsgi/uwsgi.ini'],
    start: ['/usr/bin/uwsgi-core', '--ini', '{{DIR}}/uwsgi.ini'],
    scenarios: UWSGI_SCENARIOS,
  },
];
