// The programs the export tests run for real: curl, dash, zsh and HTTPie's `http`. `npm test` gets
// them before vitest starts (scripts/browsers.mjs: present, or installed as root with apt-get, or
// else left out with one line naming what was not run), and tells a left-out tool through
// WHY403_SKIP_<TOOL>=1. A test that runs one asks `hasTool` and is skipped without it, so a newcomer
// who cannot install gets a green run that says what it did not run, never 66 failures.
// Under CI (or WHY403_REQUIRE_BROWSERS=1) nothing is left out: the test runs and fails if the tool
// is missing, since CI must never pass by skipping.
import { accessSync, constants } from 'node:fs';

export type Tool = 'curl' | 'dash' | 'zsh' | 'httpie';

/** Where Debian installs each (the tests run them by these paths or by name on PATH). */
export const TOOL_PATHS: Record<Tool, string> = {
  curl: '/usr/bin/curl',
  dash: '/usr/bin/dash',
  zsh: '/usr/bin/zsh',
  httpie: '/usr/bin/http',
};

const required = ['true', '1'].includes(process.env.CI ?? '') || process.env.WHY403_REQUIRE_BROWSERS === '1';

function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the tests that run `tool` run here. */
export function hasTool(tool: Tool): boolean {
  if (required) return true;
  if (process.env[`WHY403_SKIP_${tool.toUpperCase()}`] === '1') return false;
  return runnable(TOOL_PATHS[tool]);
}
