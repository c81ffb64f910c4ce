// What buildReport keeps of each exchange, and what it hides: request and response bodies (text
// redacted, binary named, long ones cut at 2000 characters and said to be), broken header lists
// and missing fields of hand-edited or partial HARs, the preflight and the working call the
// diagnosis names, a revealed placeholder, and which diagnoses are reported at all.
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseExchange, LogIndex } from '../../../lib';
import type { Har } from '../../../lib/har/types';
import { buildReport, renderMarkdown, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { makeHar } from '../../support/har';

const api = 'https://api.example.com/v1';

/** Each entry of a log reported, flagged or not. */
function reportAll(har: Har, options: Parameters<typeof buildReport>[2] = {}) {
  const log = new LogIndex(har);
  return buildReport(
    log,
    log.exchanges.map((x) => diagnoseExchange(log, x)),
    options,
  );
}

describe('request bodies', () => {
  const har = makeHar([
    {
      method: 'POST',
      url: `${api}/login`,
      status: 401,
      requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
      requestMimeType: 'application/x-www-form-urlencoded',
      requestBody: 'user=ada&password=hunter2-secret',
    },
  ]);

  it('a form is kept with its secret field replaced, and its type and length', () => {
    const body = reportAll(har).entries[0]!.exchange.requestBody!;
    expect(body).toEqual({
      mimeType: 'application/x-www-form-urlencoded',
      size: 32,
      excerpt: 'user=ada&password=${WHY403_BODY_PASSWORD}',
      truncated: false,
    });
  });

  it('shown in every format, the password in none', () => {
    const r = reportAll(har);
    for (const f of REPORT_FORMATS) {
      const out = renderReport(r, f);
      const kept = 'user=ada&password=${WHY403_BODY_PASSWORD}';
      expect(out, f).toContain(f === 'html' ? kept.replace('&', '&amp;') : kept);
      expect(out, f).not.toContain('hunter2');
    }
  });

  it('without a recorded mimeType: the Content-Type names the body, and the form is still read as one', () => {
    const h = makeHar([
      {
        method: 'POST',
        url: `${api}/login`,
        status: 401,
        requestHeaders: { 'Content-Type': 'application/x-www-form-urlencoded' },
        requestBody: 'user=ada&password=hunter2-secret',
      },
    ]);
    delete (h.log.entries[0]!.request.postData as { mimeType?: string }).mimeType;
    const body = reportAll(h).entries[0]!.exchange.requestBody!;
    expect(body.mimeType).toBe('application/x-www-form-urlencoded');
    expect(body.excerpt).toBe('user=ada&password=${WHY403_BODY_PASSWORD}');
  });

  it('neither mimeType nor Content-Type: an empty type, not a made-up one', () => {
    const h = makeHar([{ method: 'POST', url: `${api}/x`, status: 403, requestBody: 'a=1' }]);
    delete (h.log.entries[0]!.request.postData as { mimeType?: string }).mimeType;
    expect(reportAll(h).entries[0]!.exchange.requestBody).toEqual({
      mimeType: '',
      size: 3,
      excerpt: 'a=1',
      truncated: false,
    });
  });

  it('a postData with neither text nor params (a body the browser did not keep) is named, with no size', () => {
    const h = makeHar([
      {
        method: 'POST',
        url: `${api}/upload`,
        status: 403,
        requestMimeType: 'application/octet-stream',
        requestBody: 'x',
      },
    ]);
    delete (h.log.entries[0]!.request.postData as { text?: string }).text;
    expect(reportAll(h).entries[0]!.exchange.requestBody).toEqual({
      mimeType: 'application/octet-stream',
      size: 0,
      excerpt: null,
      truncated: false,
      note: 'binary body not shown',
    });
  });

  it('a request without a body has none in the report', () => {
    const r = reportAll(makeHar([{ url: `${api}/x`, status: 403 }]));
    expect(r.entries[0]!.exchange.requestBody).toBeNull();
  });

  it('a base64 (binary) body is named with its size in bytes, not shown', () => {
    const h = makeHar([
      { method: 'PUT', url: `${api}/blob`, status: 403, requestMimeType: 'image/png', requestBody: 'x' },
    ]);
    const post = h.log.entries[0]!.request.postData!;
    // Five bytes, 00 01 02 03 04, as a HAR writes a binary body (HAR 1.2 "encoding", as for content).
    Object.assign(post, { text: 'AAECAwQ=', encoding: 'base64' });
    expect(reportAll(h).entries[0]!.exchange.requestBody).toEqual({
      mimeType: 'image/png',
      size: 5,
      excerpt: null,
      truncated: false,
      note: 'binary body not shown',
    });
    Object.assign(post, { text: 'AAECAw==' });
    expect(reportAll(h).entries[0]!.exchange.requestBody!.size).toBe(4);
    expect(renderMarkdown(reportAll(h))).toContain('\n(binary body not shown)\n');
  });

  it('a body of 2000 characters is whole; one more is cut there and said to be', () => {
    const at = (n: number) =>
      reportAll(
        makeHar([
          { method: 'POST', url: `${api}/x`, status: 403, requestMimeType: 'text/plain', requestBody: 'b'.repeat(n) },
        ]),
      ).entries[0]!.exchange.requestBody!;
    expect(at(2000)).toMatchObject({ size: 2000, truncated: false });
    expect(at(2000).excerpt).toHaveLength(2000);
    expect(at(2001)).toMatchObject({ size: 2001, truncated: true });
    expect(at(2001).excerpt).toHaveLength(2000);
  });
});

describe('response bodies', () => {
  const sized = (n: number) =>
    reportAll(makeHar([{ url: `${api}/x`, status: 403, mimeType: 'text/plain', body: 'r'.repeat(n) }])).entries[0]!
      .exchange.responseBody!;

  it('a body of 2000 characters is whole; one more is cut there and said to be', () => {
    expect(sized(2000)).toMatchObject({ mimeType: 'text/plain', size: 2000, truncated: false });
    expect(sized(2001)).toMatchObject({ size: 2001, truncated: true });
    expect(sized(2001).excerpt).toHaveLength(2000);
  });

  it('a secret echoed in a JSON body is hidden there too', () => {
    const h = makeHar([
      {
        url: `${api}/x`,
        status: 401,
        requestHeaders: { Authorization: 'Bearer Tok-Echoed-987654' },
        body: '{"error":"invalid_token","token":"Tok-Echoed-987654"}',
      },
    ]);
    const body = reportAll(h).entries[0]!.exchange.responseBody!;
    expect(body.excerpt).toBe('{"error":"invalid_token","token":"${WHY403_AUTHORIZATION}"}');
  });

  it('a binary body is named with its recorded size', () => {
    const h = makeHar([{ url: `${api}/img`, status: 403, mimeType: 'image/png', body: 'iVBORw0KGgo=' }]);
    Object.assign(h.log.entries[0]!.response.content!, { encoding: 'base64', size: 8 });
    expect(reportAll(h).entries[0]!.exchange.responseBody).toEqual({
      mimeType: 'image/png',
      size: 8,
      excerpt: null,
      truncated: false,
      note: 'binary image/png not read',
    });
  });

  it('an empty body is no body', () => {
    const h = makeHar([{ url: `${api}/x`, status: 403, body: '' }]);
    expect(reportAll(h).entries[0]!.exchange.responseBody).toBeNull();
  });
});

describe('partial or hand-edited entries', () => {
  // A HAR cut short or edited by hand: no response, no httpVersion, a null in a header list, a
  // header without a name or without a value. Each is reported with what is there.
  const har = {
    log: {
      entries: [
        {
          startedDateTime: '2026-11-21T12:00:00.000Z',
          request: {
            method: 'GET',
            url: `${api}/pending`,
            headers: [null, { value: 'no name' }, { name: 'X-Empty' }, { name: 'X-Ok', value: '1' }],
          },
        },
      ],
    },
  } as unknown as Har;

  it('are reported, keeping the named headers only, with no response', () => {
    const x = reportAll(har).entries[0]!.exchange;
    expect(x.requestHeaders).toEqual([
      { name: 'X-Empty', value: '' },
      { name: 'X-Ok', value: '1' },
    ]);
    expect(x.httpVersion).toBe('');
    expect(x.status).toBe(0);
    expect(x.responseHeaders).toEqual([]);
    expect(x.responseBody).toEqual({
      mimeType: '',
      size: 0,
      excerpt: null,
      truncated: false,
      note: 'body not captured',
    });
    for (const f of REPORT_FORMATS) expect(() => renderReport(reportAll(har), f)).not.toThrow();
  });

  it('an entry with no request at all is reported with what its response says', () => {
    const bare = {
      log: { entries: [{ response: { status: 403, headers: [], content: { size: 0, mimeType: '' } } }] },
    } as unknown as Har;
    const x = reportAll(bare).entries[0]!.exchange;
    expect(x).toMatchObject({ status: 403, httpVersion: '', requestHeaders: [], requestBody: null });
  });

  it('the request line then says HTTP/1.1', () => {
    expect(renderMarkdown(reportAll(har))).toContain('```http\nGET /v1/pending HTTP/1.1\n');
  });
});

describe('what is reported', () => {
  const har = makeHar([
    { url: `${api}/items`, status: 200, requestHeaders: { 'X-Tenant': 'a' } },
    { url: `${api}/items`, status: 200, requestHeaders: { 'X-Tenant': 'b' } },
    { url: `${api}/items`, status: 403, requestHeaders: { 'X-Tenant': 'c' } },
  ]);
  const log = new LogIndex(har);
  const diagnoses = diagnose(har);

  it('a diagnosis of an entry not in the log is left out', () => {
    const r = buildReport(log, [{ ...diagnoses[0]!, index: 99 }]);
    expect(r.entries).toEqual([]);
    expect(r.summary.reported).toBe(0);
  });

  it('the working call the diagnosis names is the one compared with; without one, the last that worked', () => {
    const d = diagnoses.find((x) => x.index === 2)!;
    expect(d.lastSuccessIndex).toBe(1);
    expect(buildReport(log, [d]).entries[0]!.comparison!.successIndex).toBe(1);
    expect(buildReport(log, [{ ...d, lastSuccessIndex: 0 }]).entries[0]!.comparison!.successIndex).toBe(0);
    const { lastSuccessIndex: _dropped, ...without } = d;
    expect(buildReport(log, [without]).entries[0]!.comparison!.successIndex).toBe(1);
    expect(buildReport(log, [{ ...d, lastSuccessIndex: 99 }]).entries[0]!.comparison).toBeNull();
  });

  it('an entry not flagged is still compared with the last call that worked', () => {
    const d = diagnoseExchange(log, log.at(1)!);
    expect(d.lastSuccessIndex).toBeUndefined();
    expect(buildReport(log, [d]).entries[0]!.comparison!.successIndex).toBe(0);
  });
});

describe('the preflight shown', () => {
  // Chrome lists a preflight after its request in getHAR(): a diagnosis made before it was
  // recorded names none, and the report finds it in the log it is given.
  const put = {
    method: 'PUT',
    url: `${api}/items/9`,
    status: 0,
    error: 'net::ERR_FAILED',
    requestHeaders: { Origin: 'https://app.example.com' },
    startedDateTime: '2026-11-21T12:00:01.000Z',
  };
  const options = (at: string) => ({
    method: 'OPTIONS',
    url: `${api}/items/9`,
    status: 204,
    requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    responseHeaders: { 'Access-Control-Allow-Origin': 'https://app.example.com' },
    startedDateTime: at,
  });
  const full = makeHar([put, options('2026-11-21T12:00:00.900Z'), options('2026-11-21T12:00:00.100Z')]);
  const log = new LogIndex(full);

  it('is the one the log pairs when the diagnosis names none', () => {
    const early = diagnose(makeHar([put]))[0]!;
    expect(early.preflightIndex).toBeUndefined();
    expect(buildReport(log, [early]).entries[0]!.preflight?.index).toBe(1);
  });

  it('is the one the diagnosis names when it names one, none when that one is not in the log', () => {
    const d = diagnoseExchange(log, log.at(0)!);
    expect(d.preflightIndex).toBe(1);
    expect(buildReport(log, [{ ...d, preflightIndex: 2 }]).entries[0]!.preflight?.index).toBe(2);
    expect(buildReport(log, [{ ...d, preflightIndex: 99 }]).entries[0]!.preflight).toBeNull();
  });
});

describe('placeholders the user revealed', () => {
  const har = makeHar([{ url: `${api}/x`, status: 401, requestHeaders: { Authorization: 'Bearer Tok-Shown-246810' } }]);

  it('show the value and are not listed; the others stay hidden and listed', () => {
    const h = makeHar([
      {
        url: `${api}/x`,
        status: 401,
        requestHeaders: { Authorization: 'Bearer Tok-Shown-246810', 'X-Api-Key': 'key-Hidden-13579' },
      },
    ]);
    const r = reportAll(h, { reveal: new Set(['WHY403_AUTHORIZATION']) });
    const headers = r.entries[0]!.exchange.requestHeaders;
    expect(headers.find((x) => x.name === 'Authorization')!.value).toBe('Bearer Tok-Shown-246810');
    expect(headers.find((x) => x.name === 'X-Api-Key')!.value).toBe('${WHY403_X_API_KEY}');
    expect(r.secrets.map((s) => s.name)).toEqual(['WHY403_X_API_KEY']);
  });

  it('with none revealed, every one is listed', () => {
    expect(reportAll(har).secrets.map((s) => s.name)).toEqual(['WHY403_AUTHORIZATION']);
  });
});
