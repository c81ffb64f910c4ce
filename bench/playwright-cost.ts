// What why403/playwright costs a suite whose calls all succeed (issue 21): the same bare project
// (its tests pass) run with `@playwright/test` and with `why403/playwright`, alternated, in real
// Chromium against the scenario server. Prints the median wall time of each and their ratio.
//   node --import tsx bench/playwright-cost.ts [--tests 12] [--rounds 3]
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startScenarioServer } from '../test/server/server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { tests: { type: 'string' }, rounds: { type: 'string' } } });
const TESTS = Number(values.tests ?? 12);
const ROUNDS = Number(values.rounds ?? 3);
const CHROMIUM = process.env.WHY403_CHROMIUM ?? '/usr/bin/chromium';

const work = mkdtempSync(join(tmpdir(), 'why403-pw-cost-'));
const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
const tarball = join(work, pack.stdout.trim().split('\n').pop()!);

function project(name: string, from: string): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'test', 'playwright-user'), dir, { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  // Only passing tests: each loads the page and makes a call that succeeds.
  const body = Array.from(
    { length: TESTS },
    (_, i) => `test('passes ${i}', async ({ page }) => {
  await page.goto(\`\${process.env.DEMO_ORIGIN}/\`);
  await page.click('#success-expired-jwt');
  await expect(page.locator('#success-expired-jwt')).toHaveAttribute('data-status', '200');
});`,
  ).join('\n');
  writeFileSync(join(dir, 'tests', 'orders.spec.ts'), `import { expect, test } from '${from}';\n\n${body}\n`);
  const install = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-package-lock', tarball],
    { cwd: dir, encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
  mkdirSync(join(dir, 'node_modules', '@playwright'), { recursive: true });
  for (const dep of ['@playwright/test', 'playwright', 'playwright-core'])
    symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep));
  return dir;
}

const server = await startScenarioServer({ portA: 0, portB: 0 });
const plain = project('plain', '@playwright/test');
const why403 = project('why403', 'why403/playwright');

function run(dir: string): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--reporter=dot'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, DEMO_ORIGIN: server.originA, CHROMIUM },
        stdio: 'ignore',
      },
    );
    child.on('close', (code) =>
      code === 0 ? done(performance.now() - started) : fail(new Error(`${dir}: exit ${code}`)),
    );
  });
}

const times: Record<'plain' | 'why403', number[]> = { plain: [], why403: [] };
for (let r = 0; r < ROUNDS; r++) {
  times.plain.push(await run(plain));
  times.why403.push(await run(why403));
}
await server.stop();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const a = median(times.plain);
const b = median(times.why403);
console.log(
  `why403/playwright on ${TESTS} passing tests (median of ${ROUNDS}, alternated): ` +
    `@playwright/test ${Math.round(a)} ms, why403/playwright ${Math.round(b)} ms, ratio ${(b / a).toFixed(2)}`,
);
