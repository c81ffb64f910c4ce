// Redaction's decoding closure has a work budget (lib/redact/closure.ts); a text whose decodings
// run past it is withheld whole (test/unit/redact/unread.test.ts). That must stay a matter of
// crafted input: every HAR file the project holds (the real-world corpus, its sealed split, the
// lab's recordings) is read whole, and none loses a text to the budget.
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

  it('are read whole: no text of any is withheld as unread', () => {
    expect(files.length).toBeGreaterThan(300);
    const withheld = files.filter((f) => {
      const vault = new Vault();
      learnEntries(readHar(readFileSync(f, 'utf8')).har.log.entries, vault);
      return vault.list().some((s) => s.kind === 'unread');
    });
    expect(withheld).toEqual([]);
  }, 120_000);
});
