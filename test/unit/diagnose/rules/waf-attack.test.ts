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
