// Redaction's decoding closure has a work budget (lib/redact/closure.ts); a text whose decodings
// run past it is withheld whole (test/unit/redact/unread.test.ts). Of the HAR files the project
// holds (the real-world corpus, its sealed split, the lab's recordings), only a few large web pages
// get there; no header, URL, request body or small response does.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHar } from '../../../lib';
import { Vault } from '../../../lib/redact';
import { learnEntries } from '../../../lib/redact/learn';

describe('real captures', () => {
  // Every HAR file the project holds (the real-world corpus, its sealed split, the lab's
  // recordings, the shared browser samples): each is read whole, none loses a text.
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.har')) files.push(path);
    }
  };
  for (const dir of ['test/fixtures/realworld', 'test/fixtures/lab']) walk(dir);

  // Only a large body whose decodings multiply past the budget may be withheld: Unsplash's photo
  // page (220 KB of HTML in a Polly gzip body) needs 1,167 times its size read to close over every
  // decoding, and goes out as one placeholder. A 47 KB Prebid bid response in a Chrome capture of
  // w3schools.com (eighth corpus pass: an ad's HTML escaped as \u003C… inside JSON, with
  // percent-encoded URLs inside that) was withheld too, until a text's first 64 Ki characters
  // brought 64 each to the budget (closure.ts MODERATE_FACTOR; test/unit/redact/prebid-body.test.ts).
  // Nothing under 100 KB, and nothing but a response body.
  it('are read whole, but for a few large pages, which are withheld whole', () => {
    expect(files.length).toBeGreaterThan(300);
    const withheld: string[] = [];
    for (const f of files) {
      const vault = new Vault();
      learnEntries(readHar(readFileSync(f, 'utf8')).har.log.entries, vault);
      for (const s of vault.list().filter((x) => x.kind === 'unread')) {
        withheld.push(f);
        expect(s.places[0], f).toBe('response body, not read whole');
        expect(s.length, f).toBeGreaterThan(100_000);
      }
    }
    // Files, not texts: one large capture may hold several such bodies.
    expect(new Set(withheld).size / files.length).toBeLessThan(0.01);
  }, 300_000);
});
