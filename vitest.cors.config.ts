import { defineConfig } from 'vitest/config';

// The CORS checks' own tests (test/unit/cors), for stryker.cors.config.mjs.
export default defineConfig({
  test: { include: ['test/unit/cors/**/*.test.ts'], environment: 'node', testTimeout: 20000 },
});
