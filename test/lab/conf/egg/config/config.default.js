'use strict';
// keys (required by Egg for signed cookies), egg-jwt's secret; egg-security keeps its defaults (CSRF on, type ctoken).
// Egg's run files and logs go to the lab's /tmp directory, not into conf/.
module.exports = {
  keys: 'why403-lab-egg-keys',
  rundir: '/tmp/why403-lab/egg/run',
  jwt: { secret: 'lab-egg-secret' },
  logger: { dir: '/tmp/why403-lab/egg/logs', level: 'NONE', consoleLevel: 'WARN' },
};
