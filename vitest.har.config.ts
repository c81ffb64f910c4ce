import { defineConfig } from 'vitest/config';

// The HAR reader's own tests, for stryker.har.config.mjs.
export default defineConfig({
  test: { include: ['test/unit/har/**/*.test.ts'], environment: 'node', testTimeout: 20000 },
});
