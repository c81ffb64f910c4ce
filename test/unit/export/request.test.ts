import { describe, expect, it } from 'vitest';
import type { HarEntry } from '../../../lib/har/types';
import {
  buildExportRequest,
  EXPORT_FORMATS,
  EXPORTERS,
  exportEntry,
  toCurl,
  toFetch,
  toHarLog,
  toNode,
} from '../../../lib/export';
import { makeEntry } from '../../support/har';
import { CASES, entryFor } from './corpus';
import { generator } from './hostile-gen';
import { assertNoRawControls } from './oracle';

describe('what is not replayed, and the comment that says so', () => {
  const entry = makeEntry({
    method: 'POST',
    url: 'https://api.example.com:443/x',
    requestHeaders: {
      ':authority': 'api.example.com',
      Host: 'api.example.com:443',
      'Content-Length': '2',
      Connection: 'keep-alive',
      'Transfer-Encoding': 'chunked',
      'X-Kept': '1',
    },
    requestBody: '{}',
    status: 403,
  });

  it("drops pseudo-headers, Content-Length, hop-by-hop, and Host naming the URL's own host", () => {
    const req = buildExportRequest(entry);
    expect(req.headers.map((h) => h.name)).toEqual(['X-Kept']);
    expect(req.dropped.map((d) => d.name)).toEqual([
      ':authority',
      'Host',
      'Content-Length',
      'Connection',
      'Transfer-Encoding',
    ]);
    for (const f of EXPORT_FORMATS.filter((f) => f !== 'har'))
      expect(exportEntry(entry, f)).toMatch(
        /Not sent: :authority \(HTTP\/2 pseudo-header[^)]*\); Host \(derived from the URL\); Content-Length \(recomputed from the body\); Connection, Transfer-Encoding \(hop-by-hop/,
      );
  });

  it('keeps a Host that differs from the URL, and says so', () => {
    const req = buildExportRequest(
      makeEntry({ url: 'https://10.0.0.5/x', requestHeaders: { Host: 'intranet.example' }, status: 403 }),
    );
    expect(req.headers).toEqual([{ name: 'Host', value: ['intranet.example'] }]);
    expect(req.notes.join()).toMatch(/Host is kept/);
  });
});

describe('bodies', () => {
  it('a request without a body does not gain one, in any format', () => {
    const e = makeEntry({ method: 'POST', url: 'https://a.example/ping', status: 401 });
    expect(buildExportRequest(e).body).toBeNull();
    const code = (s: string) =>
      s
        .split('\n')
        .filter((l) => !/^(#|\/\/)/.test(l))
        .join('\n');
    expect(code(toCurl(e))).not.toMatch(/--data/);
    expect(code(toNode(e))).not.toMatch(/body:/);
    expect(code(toFetch(e))).not.toMatch(/body:/);
  });

  it('says when the capture lost a body it declared', () => {
    const e = makeEntry({
      method: 'POST',
      url: 'https://a.example/x',
      requestHeaders: { 'Content-Length': '12' },
      status: 401,
    });
    expect(toCurl(e)).toMatch(/# Note: the request had a 12-byte body that the capture does not hold/);
  });

  it('never lets curl read a file: --data-raw or @- only, never -d @file or -H @file', () => {
    for (const c of CASES) {
      const out = toCurl(entryFor(c, 'http://127.0.0.1:1'));
      expect(out).not.toMatch(
        /(^|\s)(-d|--data|--data-binary|--data-ascii|-F|--form|-H|-b|--cookie|-T) '?@(?!-( |$))/m,
      );
      expect(out).not.toMatch(/(^|\s)(-d|--data|-b|--cookie|-T|-K|--config) /m);
    }
  });

  it('rebuilds params-only form bodies, and says so', () => {
    const c = CASES.find((x) => x.name === 'params-only-form')!;
    expect(toCurl(entryFor(c, 'http://h'))).toMatch(/# Note: the body was rebuilt from the recorded form fields/);
  });
});

describe('the HAR export', () => {
  it('is a HAR 1.2 log holding exactly that entry', () => {
    const e = {
      ...makeEntry({
        url: 'https://a.example/x?token=T0ken-1234',
        requestHeaders: { Authorization: 'Bearer abc.def-123456' },
        status: 401,
      }),
      pageref: 'page_1',
    } as HarEntry;
    const plain = JSON.parse(toHarLog(e, { index: 4 }));
    expect(plain.log.version).toBe('1.2');
    expect(plain.log.entries).toHaveLength(1);
    const { pageref: _p, ...rest } = e;
    expect(plain.log.entries[0]).toEqual(rest);
    const red = toHarLog(e, { redact: true });
    expect(red).not.toContain('T0ken-1234');
    expect(red).not.toContain('abc.def-123456');
    expect(JSON.parse(red).log.entries[0].request.url).toBe('https://a.example/x?token=${WHY403_QUERY_TOKEN}');
  });
});

describe('registry and robustness', () => {
  it('every format is registered with a label and an extension', () => {
    expect(Object.keys(EXPORTERS)).toEqual([...EXPORT_FORMATS]);
    for (const t of Object.values(EXPORTERS)) expect(t.label.length).toBeGreaterThan(2);
  });

  const broken: unknown[] = [
    {},
    { request: null, response: null },
    { request: { method: 7, url: null, headers: 'x' } },
    {
      request: {
        method: 'GET',
        url: 'not a url',
        headers: [{ name: 'X', value: null }, null, { name: 5 }],
        postData: { text: '%%%', encoding: 'base64' },
      },
    },
    {
      request: {
        method: 'POST',
        url: 'https://a/\u0000\n',
        headers: [
          { name: 'Bad Name', value: 'v' },
          { name: 'X-NL', value: 'a\r\nInjected: 1' },
        ],
        postData: { params: [{ name: 'a' }] },
      },
    },
  ];
  it.each(broken.map((b, i) => [i, b] as const))('broken entry %i still yields every format', (_i, b) => {
    for (const f of EXPORT_FORMATS) {
      expect(() => exportEntry(b as HarEntry, f)).not.toThrow();
      expect(() => exportEntry(b as HarEntry, f, { redact: true })).not.toThrow();
    }
  });

  it('an entry without a URL (none, or null) is refused with an empty URL: no address is made up', () => {
    for (const b of [broken[0], broken[1], broken[2]]) {
      const r = buildExportRequest(b as HarEntry);
      expect(r.url).toEqual(['']);
      expect(r.refused).toEqual(['the URL is not an absolute http(s) URL']);
    }
  });

  it('a header with a line break is not sent (it would inject a header)', () => {
    const out = toCurl(broken[4] as HarEntry);
    expect(out).not.toMatch(/Injected/);
    expect(out).toMatch(/Not sent: .*Bad Name \(not a valid header name\).*X-NL \(value holds a line break/);
  });
});

describe('the HAR export of hostile entries', () => {
  it('holds no raw control, C1, line-separator or bidi character, and parses back to the same entry', () => {
    const make = generator(11);
    for (let i = 0; i < 100; i++) {
      const entry = make('http://127.0.0.1:1');
      const out = toHarLog(entry);
      assertNoRawControls(out);
      expect(JSON.parse(out).log.entries[0]).toEqual(JSON.parse(JSON.stringify(entry)));
    }
  });
});
