// What the tolerant reader does with each field a writer gets wrong (issue 22): the one obvious
// meaning it reads, the exact line the user is shown, and that everything else in the entry is
// identical after the repair. The clean entry is a real one: the first entry of Chromium 156's
// getHAR() (test/fixtures/har/chrome156-cors.har, a copy of shared/samples/chrome156-devtools-gethar.har),
// and each row damages one field the way a real writer does (Polly.JS, proxies, Playwright,
// hand-edited files; test/fixtures/realworld/SOURCES.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HarError, readHarValue } from '../../../lib/har/read';
import type { HarEntry } from '../../../lib/har/types';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const chrome = JSON.parse(readFileSync(new URL('../../fixtures/har/chrome156-cors.har', import.meta.url), 'utf8')) as {
  log: { entries: Obj[] };
};
const clean = (): Obj => structuredClone(chrome.log.entries[0]!);
const P = '/log/entries/0';

/** Reads one damaged entry; returns what came out and the warnings. */
function read(damage: (e: Obj) => void): { got: HarEntry; warnings: string[] } {
  const e = clean();
  damage(e);
  const { har, warnings } = readHarValue({ log: { entries: [e] } });
  return { got: har.log.entries[0]!, warnings };
}

// [what a writer wrote, the damage, what the reader must make of the clean entry, the warnings]
type Row = [string, (e: Obj) => void, (e: Obj) => void, string[]];
const none = () => {};

const rows: Row[] = [
  // The method
  [
    'a method left out',
    (e) => delete e.request.method,
    (e) => (e.request.method = 'GET'),
    [`${P}/request/method: missing, read as "GET"`],
  ],
  [
    'a null method',
    (e) => (e.request.method = null),
    (e) => (e.request.method = 'GET'),
    [`${P}/request/method: null, read as "GET"`],
  ],
  // Header lists
  [
    'request headers left out',
    (e) => delete e.request.headers,
    (e) => (e.request.headers = []),
    [`${P}/request/headers: missing, read as no headers`],
  ],
  [
    'response headers left out',
    (e) => delete e.response.headers,
    (e) => (e.response.headers = []),
    [`${P}/response/headers: missing, read as no headers`],
  ],
  [
    'null request headers',
    (e) => (e.request.headers = null),
    (e) => (e.request.headers = []),
    [`${P}/request/headers: null, read as no headers`],
  ],
  [
    'response headers written as a string',
    (e) => (e.response.headers = 'Content-Type: application/json'),
    (e) => (e.response.headers = []),
    [`${P}/response/headers: a string, read as no headers`],
  ],
  [
    'a header value as an array of two (Authorization twice stays twice, in place)',
    (e) => (e.request.headers[3].value = ['Bearer page-token', 'Bearer second']),
    (e) => e.request.headers.splice(4, 0, { name: 'Authorization', value: 'Bearer second' }),
    [`${P}/request/headers/3/value: an array of 2, read as 2 values`],
  ],
  [
    'a header value as an array with one text among objects and nulls',
    (e) => (e.response.headers[1].value = [null, 'application/json', {}]),
    none,
    [`${P}/response/headers/1/value: an array of 3, read as 1 value`],
  ],
  [
    'a header value as an array of numbers and booleans',
    (e) => (e.response.headers[3].value = [5, true]),
    (e) => e.response.headers.splice(3, 1, { name: 'Keep-Alive', value: '5' }, { name: 'Keep-Alive', value: 'true' }),
    [`${P}/response/headers/3/value: an array of 2, read as 2 values`],
  ],
  [
    'a header value as an empty array',
    (e) => (e.response.headers[0].value = []),
    (e) => e.response.headers.splice(0, 1),
    [`${P}/response/headers/0/value: an array of 0, read as 0 values`],
  ],
  [
    'a header value as a boolean',
    (e) => (e.response.headers[0].value = false),
    (e) => (e.response.headers[0].value = 'false'),
    [`${P}/response/headers/0/value: a boolean, read as "false"`],
  ],
  [
    'a header value missing',
    (e) => delete e.response.headers[2].value,
    (e) => (e.response.headers[2].value = ''),
    [`${P}/response/headers/2/value: missing, read as ""`],
  ],
  [
    'a header value as an object',
    (e) => (e.response.headers[2].value = { date: 'Sun' }),
    (e) => e.response.headers.splice(2, 1),
    [`${P}/response/headers/2/value: an object, pair skipped`],
  ],
  [
    'a header name as a number',
    (e) => (e.request.headers[0].name = 42),
    (e) => (e.request.headers[0].name = '42'),
    [`${P}/request/headers/0/name: a number, read as "42"`],
  ],
  [
    'a header name as a number and its value as a number',
    (e) => Object.assign(e.request.headers[0], { name: 1, value: 2 }),
    (e) => Object.assign(e.request.headers[0], { name: '1', value: '2' }),
    [`${P}/request/headers/0/name: a number, read as "1"`, `${P}/request/headers/0/value: a number, read as "2"`],
  ],
  [
    'a header name as an array',
    (e) => (e.request.headers[13].name = ['sec-ch-ua-platform']),
    (e) => e.request.headers.splice(13, 1),
    [`${P}/request/headers/13/name: an array, pair skipped`],
  ],
  [
    'a header written as a raw line, and one as an array',
    (e) => e.response.headers.splice(1, 0, 'X-Raw: 1', ['X-Pair', '2']),
    none,
    [`${P}/response/headers/1: a string, skipped`, `${P}/response/headers/2: an array, skipped`],
  ],
  // Query string: optional, so absent is fine and stays absent
  ['no query string', (e) => delete e.request.queryString, (e) => delete e.request.queryString, []],
  [
    'a null query string',
    (e) => (e.request.queryString = null),
    (e) => (e.request.queryString = []),
    [`${P}/request/queryString: null, read as empty`],
  ],
  [
    'a query value as a number',
    (e) => (e.request.queryString = [{ name: 'page', value: 2 }]),
    (e) => (e.request.queryString = [{ name: 'page', value: '2' }]),
    [`${P}/request/queryString/0/value: a number, read as "2"`],
  ],
  [
    'no query string, no cookies, no bodies, and a null method: nothing is added',
    (e) => {
      delete e.request.queryString;
      delete e.request.cookies;
      delete e.response.cookies;
      delete e.response.content;
      e.request.method = null;
    },
    (e) => {
      delete e.request.queryString;
      delete e.request.cookies;
      delete e.response.cookies;
      delete e.response.content;
      e.request.method = 'GET';
    },
    [`${P}/request/method: null, read as "GET"`],
  ],
  // Cookies: a list of objects, or nothing
  ['null cookies', (e) => (e.request.cookies = null), (e) => delete e.request.cookies, []],
  [
    'cookies as a Cookie header line',
    (e) => (e.response.cookies = 'sid=1'),
    (e) => delete e.response.cookies,
    [`${P}/response/cookies: a string, ignored`],
  ],
  [
    'cookies with entries that are not objects',
    (e) => (e.request.cookies = [null, { name: 'sid', value: 'x' }, 'a=b']),
    (e) => (e.request.cookies = [{ name: 'sid', value: 'x' }]),
    [`${P}/request/cookies: 2 items that are not objects, skipped`],
  ],
  // Bodies
  [
    'a JSON request body kept parsed (ScaleLeap Polly recording)',
    (e) => (e.request.postData = { mimeType: 'application/json', text: [{ bid: 10, state: 'paused' }] }),
    (e) => (e.request.postData = { mimeType: 'application/json', text: '[{"bid":10,"state":"paused"}]' }),
    [`${P}/request/postData/text: an array, read as its JSON text`],
  ],
  [
    'a JSON response body kept parsed (ScaleLeap Polly recording)',
    (e) => (e.response.content.text = { code: '403', details: 'HTTP 403 Forbidden' }),
    (e) => (e.response.content.text = '{"code":"403","details":"HTTP 403 Forbidden"}'),
    [`${P}/response/content/text: an object, read as its JSON text`],
  ],
  [
    'a response body as a number',
    (e) => (e.response.content.text = 12),
    (e) => (e.response.content.text = '12'),
    [`${P}/response/content/text: a number, read as "12"`],
  ],
  ['a null response body', (e) => (e.response.content.text = null), none, []],
  [
    'a null request body and a null mime type',
    (e) => (e.request.postData = { text: null, mimeType: null }),
    (e) => (e.request.postData = {}),
    [],
  ],
  [
    'a mime type as an object',
    (e) => (e.response.content.mimeType = { type: 'application/json' }),
    (e) => delete e.response.content.mimeType,
    [`${P}/response/content/mimeType: an object, ignored`],
  ],
  [
    'an encoding as a boolean',
    (e) => (e.response.content.encoding = true),
    (e) => (e.response.content.encoding = 'true'),
    [`${P}/response/content/encoding: a boolean, read as "true"`],
  ],
  [
    'a request body with a null encoding',
    (e) => (e.request.postData = { mimeType: 'application/octet-stream', text: 'AAE=', encoding: null }),
    (e) => (e.request.postData = { mimeType: 'application/octet-stream', text: 'AAE=' }),
    [],
  ],
  ['null request data', (e) => (e.request.postData = null), none, []],
  ['null response content', (e) => (e.response.content = null), (e) => delete e.response.content, []],
  ['request data as a string', (e) => (e.request.postData = 'a=1'), none, [`${P}/request/postData: a string, ignored`]],
  [
    'response content as an array',
    (e) => (e.response.content = []),
    (e) => delete e.response.content,
    [`${P}/response/content: an array, ignored`],
  ],
  // Status
  [
    'a status padded in a string',
    (e) => (e.response.status = ' 404 '),
    (e) => (e.response.status = 404),
    [`${P}/response/status: a string, read as 404`],
  ],
  [
    'a status string of four digits',
    (e) => (e.response.status = '4030'),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a string, read as 0 (no response)`],
  ],
  [
    'a status string with words',
    (e) => (e.response.status = '403 Forbidden'),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a string, read as 0 (no response)`],
  ],
  [
    'a negative status written as a string',
    (e) => (e.response.status = '-1'),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a string, read as 0 (no response)`],
  ],
  [
    'an empty status string',
    (e) => (e.response.status = ''),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a string, read as 0 (no response)`],
  ],
  [
    'Playwright: status -1 for no response',
    (e) => (e.response.status = -1),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a number (-1), read as 0 (no response)`],
  ],
  [
    'a fractional status',
    (e) => (e.response.status = 403.5),
    (e) => (e.response.status = 0),
    [`${P}/response/status: a number (403.5), read as 0 (no response)`],
  ],
  [
    'a status as an array holding its digits',
    (e) => (e.response.status = ['403']),
    (e) => (e.response.status = 0),
    [`${P}/response/status: an array, read as 0 (no response)`],
  ],
  [
    'a null status',
    (e) => (e.response.status = null),
    (e) => (e.response.status = 0),
    [`${P}/response/status: null, read as 0 (no response)`],
  ],
  [
    'status 0 (no response) beside another repair: the status is not repaired',
    (e) => Object.assign(e.response, { status: 0, statusText: null }),
    (e) => {
      e.response.status = 0;
      delete e.response.statusText;
    },
    [],
  ],
  // Optional text fields of the entry and the response
  [
    'a start time as epoch milliseconds',
    (e) => (e.startedDateTime = 1795334178178),
    (e) => (e.startedDateTime = '1795334178178'),
    [`${P}/startedDateTime: a number, read as "1795334178178"`],
  ],
  ['a null status text', (e) => (e.response.statusText = null), (e) => delete e.response.statusText, []],
  [
    'a status text as an object',
    (e) => (e.response.statusText = {}),
    (e) => delete e.response.statusText,
    [`${P}/response/statusText: an object, ignored`],
  ],
  ['a null resource type', (e) => (e._resourceType = null), (e) => delete e._resourceType, []],
  [
    'a resource type as a number',
    (e) => (e._resourceType = 3),
    (e) => (e._resourceType = '3'),
    [`${P}/_resourceType: a number, read as "3"`],
  ],
];

describe('the reader repairs one field and keeps the rest of a real Chromium entry identical', () => {
  it.each(rows)('%s', (_what, damage, repair, warnings) => {
    // `repair` turns the clean entry into the one the reader must return, field for field.
    const want = clean();
    repair(want);
    const { got, warnings: said } = read(damage);
    expect(said).toEqual(warnings);
    expect(got).toStrictEqual(want);
  });
});

describe('an entry the reader cannot read keeps its place as a stand-in that is never flagged', () => {
  const ok = clean();
  // [what a writer wrote, the entry, the warning, the method and URL the stand-in keeps]
  const skipped: [string, unknown, string, string, string][] = [
    ['a string', 'GET /a', `${P}: a string, entry skipped`, '', ''],
    ['an array', [ok.request, ok.response], `${P}: an array, entry skipped`, '', ''],
    ['no request', { response: ok.response }, `${P}/request: missing, entry skipped`, '', ''],
    [
      'a URL as an object (a parsed URL)',
      { request: { ...ok.request, url: { href: ok.request.url } }, response: ok.response },
      `${P}/request/url: an object, entry skipped`,
      'GET',
      '',
    ],
    [
      'a request without a response (a proxy that lost the connection)',
      { request: ok.request },
      `${P}/response: missing, entry skipped`,
      'GET',
      'http://127.0.0.1:8133/api/forbidden',
    ],
    [
      'a response as an array, the method as a number',
      { request: { ...ok.request, method: 7 }, response: [] },
      `${P}/response: an array, entry skipped`,
      '',
      'http://127.0.0.1:8133/api/forbidden',
    ],
  ];
  it.each(skipped)('%s', (_what, raw, warning, method, url) => {
    const { har, warnings } = readHarValue({ log: { entries: [raw, clean()] } });
    expect(warnings).toEqual([warning]);
    expect(har.log.entries[0]).toStrictEqual({
      request: { method, url, headers: [] },
      response: { status: 0, statusText: '', headers: [] },
      comment: 'why403: not readable, skipped',
    });
    expect(har.log.entries[1]).toStrictEqual(clean());
    // Alone, it leaves nothing to diagnose: the file cannot be read.
    expect(() => readHarValue({ log: { entries: [raw] } })).toThrow(HarError);
  });
});

describe('several repairs in one entry', () => {
  it('are each made, and reported in the order the entry is read', () => {
    const { got, warnings } = read((e) => {
      e._resourceType = 1;
      e.response.statusText = 403;
      e.startedDateTime = 2;
      e.response.status = '403';
      e.response.content.text = 4;
      e.request.postData = { text: 5 };
      e.request.queryString = [{ name: 'q', value: 6 }];
      e.response.cookies = [7];
      e.response.headers[0].value = 8;
      e.request.cookies = [9];
      e.request.headers[0].value = 10;
      e.request.method = 11;
    });
    expect(warnings).toEqual([
      `${P}/request/method: a number, read as "11"`,
      `${P}/request/headers/0/value: a number, read as "10"`,
      `${P}/request/cookies: 1 item that is not an object, skipped`,
      `${P}/response/headers/0/value: a number, read as "8"`,
      `${P}/response/cookies: 1 item that is not an object, skipped`,
      `${P}/request/queryString/0/value: a number, read as "6"`,
      `${P}/request/postData/text: a number, read as "5"`,
      `${P}/response/content/text: a number, read as "4"`,
      `${P}/response/status: a string, read as 403`,
      `${P}/startedDateTime: a number, read as "2"`,
      `${P}/response/statusText: a number, read as "403"`,
      `${P}/_resourceType: a number, read as "1"`,
    ]);
    expect(got.request.method).toBe('11');
    expect(got.response.statusText).toBe('403');
    expect(got._resourceType).toBe('1');
    expect(got.request.headers[1]).toStrictEqual(clean().request.headers[1]);
  });

  it('a number that is not finite is no header value (a live object handed to the reader, not JSON)', () => {
    const { got, warnings } = read((e) => {
      e.response.headers[0].value = Infinity;
      e.response.headers[1].value = NaN;
      e.response.headers[2].value = [-Infinity, 'x'];
    });
    expect(warnings).toEqual([
      `${P}/response/headers/0/value: a number, pair skipped`,
      `${P}/response/headers/1/value: a number, pair skipped`,
      `${P}/response/headers/2/value: an array of 2, read as 1 value`,
    ]);
    const want = clean().response.headers.slice(2);
    want[0].value = 'x';
    expect(got.response.headers).toStrictEqual(want);
  });
});

describe('a repair copies only what it changes (large captures stay cheap, and nothing else moves)', () => {
  // Chromium's getHAR() (cookies, _resourceType, a PUT body) and a Polly.JS recording (query strings,
  // bodies as text and base64, a request body with its mime type): every field the reader checks.
  it.each([
    '../../fixtures/har/chrome156-cors.har',
    '../../fixtures/realworld/JupiterOne__graph-google-cloud/validateInvocation-failure-invalidProjectId_3566742648.har',
  ])('a real capture that needs nothing is passed through as the same objects, without a warning: %s', (file) => {
    const value = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as { log: { entries: Obj[] } };
    const { har, warnings } = readHarValue(value);
    expect(warnings).toEqual([]);
    expect(har).toBe(value);
    har.log.entries.forEach((e, i) => expect(e).toBe(value.log.entries[i]));
  });

  it('untouched lists and pairs of a repaired entry are the very objects of the capture', () => {
    const e = clean();
    e.response.status = '403';
    e.request.headers[1].value = 5;
    const got = readHarValue({ log: { entries: [e] } }).har.log.entries[0]!;
    expect(got.response.status).toBe(403);
    expect(got.response.headers).toBe(e.response.headers);
    expect(got.request.headers[1]).toStrictEqual({ name: 'Accept-Encoding', value: '5' });
    got.request.headers.forEach((h, i) => {
      if (i !== 1) expect(h, `header ${i}`).toBe(e.request.headers[i]);
    });
    expect(got.request.headers).toHaveLength(e.request.headers.length);
  });
});
