import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
// The previous Chromium (Debian's 150), unpacked beside the current one by scripts/old-browsers.sh.
// `npm run test:e2e` goes through scripts/browsers.mjs, which installs it where it can and
// otherwise sets WHY403_SKIP_PREVIOUS with one line saying so (and fails under CI). Run directly,
// this config does the same minus the install.
const PREVIOUS_CHROMIUM =
  process.env.WHY403_CHROMIUM_PREVIOUS ?? '/var/cache/why403-browsers/chromium-150/usr/lib/chromium/chromium';
const REQUIRED = process.env.CI === 'true' || process.env.CI === '1' || process.env.WHY403_REQUIRE_BROWSERS === '1';
let skipPrevious = Boolean(process.env.WHY403_SKIP_PREVIOUS);
if (!skipPrevious && !existsSync(PREVIOUS_CHROMIUM)) {
  const message = `No previous Chromium at ${PREVIOUS_CHROMIUM}: run \`bash scripts/old-browsers.sh\` (as root)`;
  if (REQUIRED) throw new Error(`${message}; CI runs every browser.`);
  console.log(`browsers: SKIPPED the project chromium-previous: ${message}, then run the tests again.`);
  skipPrevious = true;
}

// End-to-end tests run the real panel inside real DevTools (see test/e2e/harness.ts), one browser
// at a time: the machine and CI runners are small and each test owns its browser and server.
// Projects: `chromium` runs everything in the current browser ($WHY403_CHROMIUM or
// /usr/bin/chromium); `chromium-previous` runs capture, flag-and-explain and replay in the
// previous one, which is what minimum_chrome_version (wxt.config.ts) rests on.
export default defineConfig<{ chromiumPath?: string }>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  // No retries, in CI either: a flaky test gets fixed, not retried (a retry hides it).
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  projects: [
    { name: 'chromium' },
    ...(skipPrevious
      ? []
      : [
          {
            name: 'chromium-previous',
            testMatch: [
              'smoke.spec.ts',
              'panel-scenarios.spec.ts',
              'replay-credentials.spec.ts',
              'replay-cors.spec.ts',
            ],
            use: { chromiumPath: PREVIOUS_CHROMIUM },
          },
        ]),
  ],
});
