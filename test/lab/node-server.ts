import type { LabServer } from './types';

/**
 * A Node program from test/lab/node_modules run from conf/<script> on `port`; its version line names every
 * package in `pkgs`, and it counts as installed when the first of them is. The Node sets (servers5node.ts,
 * servers6node.ts) build their servers with it.
 */
export const nodeServer = (
  name: string,
  port: number,
  pkgs: string[],
  script: string,
  app: number,
  scenarios: LabServer['scenarios'],
  startup?: number,
): LabServer => ({
  name,
  version: [
    'node',
    '-p',
    JSON.stringify(pkgs) +
      `.map((p) => p + ' ' + JSON.parse(require('fs').readFileSync('node_modules/' + p + '/package.json', 'utf8')).version).join(', ')`,
  ],
  needs: `{{LAB}}/node_modules/${pkgs[0]}/package.json`,
  configs: [],
  start: ['node', `{{LAB}}/conf/${script}`],
  env: { PORT: String(port), APP: String(app), NODE_ENV: 'development' },
  ...(startup ? { startup } : {}),
  scenarios,
});
