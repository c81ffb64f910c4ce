// Hostile requests generated from a seed, exported in every format and run by the real
// runners (bash, dash, zsh with curl; node; the browser snippet in a node harness; HTTPie) or
// by the cmd.exe and PowerShell models feeding the real curl (runners.ts). Each export must
// either deliver the HAR's request byte for byte to a raw echo server (less what its comments
// name as left out) or refuse in comments and send nothing; no payload may leave its marker.
// Volume: WHY403_EXPORT_FUZZ cases per runner (default 60; node and fetch, batched in one
// process, four times that; HTTPie, which takes a second to start, a fifth); seed:
// WHY403_EXPORT_FUZZ_SEED.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { EchoServer } from '../../support/echo-server';
import { startRawEchoServer } from '../../support/raw-echo-server';
import { generator } from './hostile-gen';
import { checkBatch, checkExport, RUNNERS } from './runners';

const VOLUME = Number(process.env.WHY403_EXPORT_FUZZ ?? 60);
const SEED = Number(process.env.WHY403_EXPORT_FUZZ_SEED ?? 403);

let echo: EchoServer;
const root = mkdtempSync(join(tmpdir(), 'why403-fuzz-'));
beforeAll(async () => {
  echo = await startRawEchoServer();
});
afterAll(async () => {
  await echo.close();
  rmSync(root, { recursive: true, force: true });
});

const tally = { runs: 0, sent: 0, refused: 0 };
afterAll(() => {
  console.log(`export fuzz: seed ${SEED}, ${tally.runs} runs, ${tally.sent} sent exactly, ${tally.refused} refused`);
});

describe.each(RUNNERS)('fuzzed exports run by $name', (runner) => {
  const count = Math.max(1, Math.round(VOLUME * (runner.share ?? 1)));
  it(`${count} hostile requests: exact or refused, no payload runs`, async () => {
    const make = generator(SEED);
    if (runner.batch) {
      const got = await checkBatch(
        runner,
        Array.from({ length: count }, () => make(echo.origin)),
        echo,
        root,
      );
      tally.runs += count;
      tally.sent += got.sent;
      tally.refused += got.refused;
      return;
    }
    for (let i = 0; i < count; i++) {
      tally.runs++;
      tally[await checkExport(runner, make(echo.origin), echo, root)]++;
    }
  }, 900_000);
});
