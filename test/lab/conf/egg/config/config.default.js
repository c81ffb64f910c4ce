'use strict';
// keys (required by Egg for signed cookies), egg-jwt's secret; egg-security keeps its defaults (CSRF on, type ctoken).
module.exports = {
  keys: 'why403-lab-egg-keys',
  jwt: { secret: 'lab-egg-secret' },
  logger: { level: 'NONE', consoleLevel: 'WARN' },
};
