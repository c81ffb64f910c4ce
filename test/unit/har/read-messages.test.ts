import { describe, expect, it } from 'vitest';
import { HarError, readHar, readHarValue } from '../../../lib';

// The one line a user reads when a file cannot be read (the CLI prints it and exits 2, the panel
// shows it in its notice): what is wrong and where, in words, never a stack.
function message(f: () => unknown): string {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(HarError);
    expect((err as HarError).name).toBe('HarError');
    return (err as HarError).message;
  }
  throw new Error('expected a HarError');
}

describe('readHar: the line a user reads for a file it cannot read', () => {
  it.each([
    ['[1, 2]', 'not a HAR file: expected a JSON object with a "log"'],
    ['"text"', 'not a HAR file: expected a JSON object with a "log"'],
    ['null', 'not a HAR file: expected a JSON object with a "log"'],
    ['{"log": null}', 'not a HAR file: "log" is not an object at /log'],
    ['{"entries": []}', 'not a HAR file: no "log" object'],
    ['{"log": [1]}', 'not a HAR file: "log" is not an object at /log'],
    ['{"log": {"entries": {}}}', 'not a valid HAR: "entries" must be an array, got an object at /log/entries'],
    ['{"log": {"entries": "x"}}', 'not a valid HAR: "entries" must be an array, got a string at /log/entries'],
    ['{"log": {"entries": 3}}', 'not a valid HAR: "entries" must be an array, got a number at /log/entries'],
  ])('%s', (text, line) => {
    expect(message(() => readHar(text))).toBe(line);
  });

  it('says whether the only entry or none of several could be read, and why the first was skipped', () => {
    const noUrl = { request: { method: 'GET', headers: [] }, response: { status: 200, headers: [] } };
    const one = message(() => readHarValue({ log: { entries: [noUrl] } }));
    expect(one).toBe('not a valid HAR: its only entry cannot be read (missing) at /log/entries/0/request/url');
    const many = message(() => readHarValue({ log: { entries: [noUrl, null, 3] } }));
    expect(many).toBe('not a valid HAR: none of its 3 entries can be read (missing) at /log/entries/0/request/url');
    const array = message(() => readHarValue({ log: { entries: [[noUrl]] } }));
    expect(array).toBe('not a valid HAR: its only entry cannot be read (an array) at /log/entries/0');
  });

  it('a JSON error keeps the reason the parser gave and no pointer', () => {
    const line = message(() => readHar('{"log": ['));
    expect(line).toMatch(/^not JSON: /);
    expect(line).not.toMatch(/ at \/\S*$/);
  });
});

describe('readHar: what it reads anyway, and says', () => {
  it('entries missing or null are no entries, and the warning says which', () => {
    expect(readHar('{"log": {}}').warnings).toEqual(['/log/entries: missing, read as no entries']);
    expect(readHar('{"log": {"entries": null}}').warnings).toEqual(['/log/entries: null, read as no entries']);
    expect(readHar('{"log": {"entries": null}}').har.log.entries).toEqual([]);
  });

  it('a byte-order mark before the JSON is not an error', () => {
    const read = readHar('\ufeff{"log": {"entries": []}}');
    expect(read.warnings).toEqual([]);
    expect(read.har.log.entries).toEqual([]);
  });

  it('the one readable entry among unreadable ones is kept at its position', () => {
    const ok = {
      request: { method: 'GET', url: 'https://a.example/', headers: [] },
      response: { status: 200, headers: [] },
    };
    const { har, warnings } = readHarValue({ log: { entries: [null, ok] } });
    expect(har.log.entries).toHaveLength(2);
    expect(har.log.entries[1]!.request.url).toBe('https://a.example/');
    expect(warnings.some((w) => w.startsWith('/log/entries/0:'))).toBe(true);
  });
});
