// A WAF behind a generic page: ModSecurity 2.9 + OWASP CRS 3.3 answer Apache's ordinary 403 page. Fixtures are
// the lab's recordings (test/fixtures/lab/README.md): the same server, ordinary calls, then attack-shaped ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';
import { attackShapeOf } from '../../../../lib/inspect/attack-shape';
import { protocolAnomalyOf } from '../../../../lib/inspect/protocol-anomaly';
import { toExchange } from '../../../../lib/model/exchange';
import { makeEntry } from '../../../support/har';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;
const top = (file: string, index: number) => diagnose(lab(file), { all: true }).find((d) => d.index === index)!;

describe('waf.blocked for attack-shaped requests behind an ordinary 403 page', () => {
  it.each([
    ['apache/crs-sqli.har', 'SQL injection'],
    ['apache/crs-xss.har', 'script injection (XSS)'],
    ['apache/crs-traversal.har', 'path traversal'],
    ['apache/crs-cmd-injection.har', 'command injection'],
    ['apache/crs-scanner-ua.har', 'scanner'],
    ['apache/crs-sqli-form.har', 'SQL injection'],
  ])('%s: waf.blocked beats filesystem.forbidden and says why (%s)', (file, kind) => {
    const d = top(file, 1);
    expect(d.causes[0]?.id).toBe('waf.blocked');
    const ev = d.causes[0]!.evidence;
    expect(ev.some((e) => e.name === kind)).toBe(true);
    expect(ev.some((e) => e.name === 'ordinary call' && e.detail.includes('→ 200'))).toBe(true);
  });

  it("ranks the Apache page's own reading (filesystem.forbidden) below, not away", () => {
    const ids = top('apache/crs-sqli.har', 1).causes.map((c) => c.id);
    expect(ids.indexOf('filesystem.forbidden')).toBeGreaterThan(ids.indexOf('waf.blocked'));
  });

  it('without an ordinary call to the same server, the web server page still speaks first', () => {
    const har = lab('apache/crs-sqli.har');
    const alone: Har = { log: { ...har.log, entries: [har.log.entries[1]!] } };
    const d = diagnose(alone)[0]!;
    expect(d.causes[0]?.id).toBe('filesystem.forbidden');
    expect(d.causes.map((c) => c.id)).toContain('waf.blocked');
  });

  it('an ordinary request refused by the same server stays a file refusal', () => {
    expect(top('apache/no-index.har', 1).causes[0]?.id).toBe('filesystem.forbidden');
    expect(top('apache/no-index.har', 1).causes.map((c) => c.id)).not.toContain('waf.blocked');
  });
});

describe('attackShapeOf', () => {
  const shapeOf = (url: string, init: { body?: string; ua?: string } = {}) => {
    const entry = makeEntry({
      url,
      status: 403,
      method: init.body ? 'POST' : 'GET',
      requestHeaders: init.ua ? { 'User-Agent': init.ua } : {},
      ...(init.body ? { requestBody: init.body, requestMimeType: 'application/x-www-form-urlencoded' } : {}),
    });
    return attackShapeOf(toExchange(entry, 0))?.kind ?? null;
  };

  it.each([
    "https://a.example/search?q=O'Reilly and friends",
    'https://a.example/items?id=5&sort=name',
    'https://a.example/a/../b/index.html',
    'https://a.example/page;jsessionid=ABC123',
    'https://a.example/docs/how-to-sleep-better',
    'https://a.example/search?q=union+station+select+seats',
  ])('ordinary input is no attack: %s', (url) => {
    expect(shapeOf(url)).toBeNull();
  });

  it('reads double-encoded payloads, form bodies and scanner user agents', () => {
    expect(shapeOf('https://a.example/x?f=%252e%252e%252f%252e%252e%252fetc%252fpasswd')).toBe('path traversal');
    expect(shapeOf('https://a.example/login', { body: 'user=admin%27+OR+1%3D1+--+' })).toBe('SQL injection');
    expect(shapeOf('https://a.example/', { ua: 'Mozilla/5.00 (Nikto/2.5.0) (Evasions:None)' })).toBe('scanner');
    expect(shapeOf('https://a.example/', { ua: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156' })).toBeNull();
  });
});

describe('attackShapeOf: where, what and how much it reads', () => {
  const of = (url: string, init: { body?: string; ua?: string } = {}) =>
    attackShapeOf(
      toExchange(
        makeEntry({
          url,
          status: 403,
          method: init.body === undefined ? 'GET' : 'POST',
          requestHeaders: init.ua === undefined ? {} : { 'User-Agent': init.ua },
          ...(init.body === undefined
            ? {}
            : { requestBody: init.body, requestMimeType: 'application/x-www-form-urlencoded' }),
        }),
        0,
      ),
    );

  it('names the part of the request that holds the payload, and quotes the payload', () => {
    expect(of('https://a.example/x?q=%3Cscript%3Ealert(1)')).toEqual({
      kind: 'script injection (XSS)',
      where: 'request.line',
      sample: '<script',
    });
    expect(of('https://a.example/login', { body: "user=a'+OR+'x'='x" })).toEqual({
      kind: 'SQL injection',
      where: 'request.body',
      sample: "' OR 'x'=",
    });
    const ua = 'sqlmap/1.8.2#stable (https://sqlmap.org)';
    expect(of('https://a.example/', { body: 'q=plain+text', ua })).toEqual({
      kind: 'scanner',
      where: 'request.header',
      sample: ua,
    });
    expect(of('https://a.example/', { body: 'q=plain+text' })).toBeNull();
  });

  it('quotes at most 80 characters, of the payload and of a scanner User-Agent', () => {
    const long = `<img src="${'a'.repeat(120)}" onerror=`;
    expect(of(`https://a.example/x?q=${encodeURIComponent(long)}`)?.sample).toBe(long.slice(0, 80));
    const ua = `Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei)) ${'x'.repeat(40)}`;
    expect(of('https://a.example/', { ua })?.sample).toBe(ua.slice(0, 80));
  });

  it('decodes twice, as a firewall does, and no more; reads the first 16 KB and the first 1 KB of a User-Agent', () => {
    expect(of('https://a.example/x?q=%253Cscript%253E')?.kind).toBe('script injection (XSS)');
    expect(of('https://a.example/x?q=%25253Cscript%25253E')).toBeNull();
    expect(of('https://a.example/f', { body: `q=${'a'.repeat(16 * 1024)}<script>` })).toBeNull();
    expect(of('https://a.example/f', { body: `q=${'a'.repeat(16 * 1024 - 20)}<script>` })?.kind).toBe(
      'script injection (XSS)',
    );
    expect(of('https://a.example/', { ua: `Mozilla/5.0 ${'x'.repeat(1024)} sqlmap/1.8` })).toBeNull();
    expect(of('https://a.example/', { ua: '' })).toBeNull();
  });
});

describe('protocolAnomalyOf: the edges of what it reads', () => {
  const of = (method: string, headers: Record<string, string>) =>
    protocolAnomalyOf(
      toExchange(makeEntry({ url: 'https://a.example/api', method, status: 403, requestHeaders: headers }), 0),
    );

  it('a Content-Length that is no decimal number is no body CRS would see', () => {
    expect(of('GET', { 'Content-Length': '0x10' })).toBeNull();
    expect(of('GET', { 'Content-Length': '1e3' })).toBeNull();
    expect(of('GET', { 'Content-Length': 'x16' })).toBeNull();
    expect(of('GET', { 'Content-Length': '16x' })).toBeNull();
    expect(of('GET', { 'Content-Length': '016' })?.rule).toBe('920170');
  });

  it('a charset with no space before it, a type spaced before its parameters', () => {
    expect(of('POST', { 'Content-Type': 'application/json;charset=utf-7' })?.rule).toBe('920480');
    expect(of('POST', { 'Content-Type': 'application/json ; charset=utf-8' })).toBeNull();
  });

  it('clips what it quotes: the type to 60, the charset to 40, the header to 80 characters', () => {
    const type = `application/${'x'.repeat(100)}`;
    const a = of('POST', { 'Content-Type': type })!;
    expect(a.what).toBe(`a Content-Type (${type.slice(0, 60)}) outside the Core Rule Set's default list`);
    expect(a.sample).toBe(`Content-Type: ${type.slice(0, 80)}`);
    const charset = 'y'.repeat(50);
    expect(of('POST', { 'Content-Type': `application/json; charset=${charset}` })!.what).toBe(
      `a charset (${charset.slice(0, 40)}) outside the Core Rule Set's default list`,
    );
    const te = `chunked, ${'gzip, '.repeat(10)}`;
    expect(of('GET', { 'Transfer-Encoding': te })!.sample).toBe(`Transfer-Encoding: ${te.slice(0, 40)}`);
  });
});

// CRS's protocol enforcement (920170, 920420, 920480): no payload at all, a request shape the default
// HTTP policy refuses. Lab recordings of the same Apache + ModSecurity 2.9 + CRS 3.3.4 server.
describe('waf.blocked for a request the Core Rule Set policy refuses', () => {
  it.each([
    ['apache/crs-get-with-body.har', 'CRS 920170', 'Content-Length: 16'],
    ['apache/crs-content-type.har', 'CRS 920420', 'application/octet-stream'],
  ])('%s: waf.blocked first, naming the rule and an ordinary call', (file, rule, sample) => {
    const c = top(file, 1).causes;
    expect(c[0]?.id).toBe('waf.blocked');
    const ev = c[0]!.evidence;
    expect(ev.find((e) => e.name === rule)?.detail).toContain(sample);
    expect(ev.some((e) => e.name === 'ordinary call' && e.detail.includes('→ 200'))).toBe(true);
    expect(c.map((x) => x.id)).toContain('filesystem.forbidden');
  });

  it('alone, with no ordinary call to compare, the policy reading stays out', () => {
    const har = lab('apache/crs-get-with-body.har');
    const d = diagnose({ log: { ...har.log, entries: [har.log.entries[1]!] } })[0]!;
    expect(d.causes[0]?.id).toBe('filesystem.forbidden');
    expect(d.causes.map((c) => c.id)).not.toContain('waf.blocked');
  });
});

describe('protocolAnomalyOf', () => {
  const anomaly = (method: string, headers: Record<string, string>) =>
    protocolAnomalyOf(
      toExchange(makeEntry({ url: 'https://a.example/api', method, status: 403, requestHeaders: headers }), 0),
    )?.rule ?? null;

  it('a GET or HEAD with a body (Content-Length above 0, or chunked)', () => {
    expect(anomaly('GET', { 'Content-Length': '16' })).toBe('920170');
    expect(anomaly('HEAD', { 'Content-Length': '1' })).toBe('920170');
    expect(anomaly('GET', { 'Transfer-Encoding': 'chunked' })).toBe('920171');
    expect(anomaly('GET', { 'Content-Length': '0' })).toBeNull();
    expect(anomaly('POST', { 'Content-Length': '16', 'Content-Type': 'application/json' })).toBeNull();
  });

  it("a Content-Type or charset outside CRS 3.3's default lists; the listed ones, in any case, pass", () => {
    expect(anomaly('POST', { 'Content-Type': 'application/octet-stream' })).toBe('920420');
    expect(anomaly('POST', { 'Content-Type': 'text/plain;charset=UTF-8' })).toBe('920420');
    expect(anomaly('POST', { 'Content-Type': 'application/json; charset=utf-16' })).toBe('920480');
    expect(anomaly('POST', { 'Content-Type': 'Application/JSON; charset="UTF-8"' })).toBeNull();
    expect(anomaly('POST', { 'Content-Type': 'multipart/form-data; boundary=----x' })).toBeNull();
    expect(anomaly('POST', { 'Content-Type': 'application/x-www-form-urlencoded' })).toBeNull();
    expect(anomaly('GET', {})).toBeNull();
  });

  it('names the header it read and quotes it, whole, as the evidence', () => {
    const of = (method: string, headers: Record<string, string>) =>
      protocolAnomalyOf(
        toExchange(makeEntry({ url: 'https://a.example/api', method, status: 403, requestHeaders: headers }), 0),
      );
    expect(of('GET', { 'Content-Length': ' 16 ' })).toEqual({
      rule: '920170',
      what: 'a GET request with a body',
      where: 'request.header',
      sample: 'Content-Length: 16',
    });
    expect(of('HEAD', { 'Transfer-Encoding': 'chunked' })).toEqual({
      rule: '920171',
      what: 'a HEAD request with a body',
      where: 'request.header',
      sample: 'Transfer-Encoding: chunked',
    });
    expect(of('POST', { 'Content-Type': 'Application/Octet-Stream' })).toEqual({
      rule: '920420',
      what: "a Content-Type (application/octet-stream) outside the Core Rule Set's default list",
      where: 'request.header',
      sample: 'Content-Type: Application/Octet-Stream',
    });
    expect(of('POST', { 'Content-Type': 'application/json; CHARSET = "UTF-7"' })).toEqual({
      rule: '920480',
      what: "a charset (UTF-7) outside the Core Rule Set's default list",
      where: 'request.header',
      sample: 'Content-Type: application/json; CHARSET = "UTF-7"',
    });
  });

  it('reads the charset parameter only, wherever it stands among the parameters', () => {
    expect(anomaly('POST', { 'Content-Type': 'application/json; foo=bar; charset=shift_jis' })).toBe('920480');
    expect(anomaly('POST', { 'Content-Type': 'application/json; xcharset=shift_jis' })).toBeNull();
    expect(anomaly('POST', { 'Content-Type': 'application/json;charset = windows-1252' })).toBeNull();
  });
});
