import { defineConfig } from 'vitest/config';

// Redaction's own tests, for stryker.redact.config.mjs.
export default defineConfig({
  test: { include: ['test/unit/redact/**/*.test.ts'], environment: 'node', testTimeout: 20000 },
});
