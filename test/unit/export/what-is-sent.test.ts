// Which captured headers and URLs a replay may send at all, stated at their edges: RFC 9110's
// token and field-value grammar (§5.1, §5.5), the hop-by-hop list (§7.6.1), the request line
// (RFC 9112 §3) and the Host a client derives from the URL (userinfo: userinfo.test.ts).
// Every exporter rests on these answers.
import { describe, expect, it } from 'vitest';
import { dropReason, hostMatchesUrl, refuseReason } from '../../../lib/export/drop';

describe('headers a replay leaves out', () => {
  it.each([':authority', ':path', ':method'])('%s: an HTTP/2 pseudo-header, carried by the URL and method', (n) => {
    expect(dropReason(n, 'x')).toMatch(/^HTTP\/2 pseudo-header/);
  });

  it.each(['Content-Length', 'content-length', 'CONTENT-LENGTH'])('%s: recomputed from the body', (n) => {
    expect(dropReason(n, '12')).toBe('recomputed from the body');
  });

  it.each(['Connection', 'keep-alive', 'Transfer-Encoding', 'Upgrade', 'TE', 'Trailer', 'Proxy-Connection'])(
    '%s: hop-by-hop, whatever its case',
    (n) => {
      expect(dropReason(n, 'x')).toBe("hop-by-hop, belongs to the browser's connection");
    },
  );

  it('keeps the end-to-end headers that only look like hop-by-hop ones', () => {
    for (const n of ['Connection-Id', 'X-Upgrade', 'Tea', 'Trailers-Allowed', 'Content-Length-Hint', 'Keep'])
      expect(dropReason(n, 'x'), n).toBeNull();
  });

  it('sends every token character in a name, and nothing else', () => {
    expect(dropReason("!#$%&'*+.^_`|~09AZaz-", 'v')).toBeNull();
    for (const n of ['', 'Bad Name', ' X', 'X ', 'X:Y', 'X"Y', 'X(Y', 'X/Y', 'Ä', 'X\tY', 'X\n'])
      expect(dropReason(n, 'v'), JSON.stringify(n)).toBe('not a valid header name');
  });

  it('never sends a value that would end the header line or hold a NUL', () => {
    for (const v of ['a\rb', 'a\nInjected: 1', 'a\0', '\n'])
      expect(dropReason('X', v), JSON.stringify(v)).toBe('value holds a line break or NUL, which HTTP cannot carry');
  });

  it('never sends a control character, and sends tab, space, visible ASCII and obs-text as they are', () => {
    for (const v of ['\x01', 'a\x08', '\x0b', '\x1f', 'a\x7fb'])
      expect(dropReason('X', v), JSON.stringify(v)).toBe('value holds a control character, which HTTP does not allow');
    for (const v of ['', 'a\tb', ' ', '~!', '\x80\xff', 'é€']) expect(dropReason('X', v), JSON.stringify(v)).toBeNull();
  });
});

describe('requests no client may send', () => {
  it('sends a method that is a token, custom ones included', () => {
    for (const m of ['GET', 'get', 'M-SEARCH', 'PROPFIND', "X!#$%&'*+.^_`|~"])
      expect(refuseReason(m, 'https://a/')).toBeNull();
  });

  it('refuses a method that would forge the request line', () => {
    for (const m of ['', 'GET /evil HTTP/1.1\r\nX:', 'GE T', ' GET', 'GET\n', 'GET;rm', 'GÉT', '$(id)x y'])
      expect(refuseReason(m, 'https://a/'), JSON.stringify(m)).toBe('the method is not a valid HTTP token');
  });

  it('refuses anything but an absolute http(s) URL with a host', () => {
    for (const u of [
      'ftp://a/',
      'https://',
      'https:///x',
      'https://?q',
      'https://#f',
      '//a/x',
      '/x',
      ' https://a/',
      'file:///etc/passwd',
    ])
      expect(refuseReason('GET', u), u).toBe('the URL is not an absolute http(s) URL');
    for (const u of ['http://a', 'HTTPS://A.example/x', 'https://a:8443/?q#f', 'https://[::1]/'])
      expect(refuseReason('GET', u), u).toBeNull();
  });

  it('refuses a URL with a space or a control character, C1 included, and keeps every visible ASCII one', () => {
    for (const u of [
      'https://a/x y',
      'https://a/\x00',
      'https://a/\x1f',
      'https://a/\x7f',
      'https://a/\x85',
      'https://a/\x9f',
    ])
      expect(refuseReason('GET', u), JSON.stringify(u)).toBe(
        'the URL holds a space or a control character, which a request line cannot carry',
      );
    expect(refuseReason('GET', 'https://a/!"$&\'()*+,;=:@[]{}|\\^`~%zz')).toBeNull();
  });

  it('refuses raw non-ASCII, which each client encodes its own way', () => {
    for (const u of ['https://a/\xa0', 'https://a/é', 'https://a/€', 'https://a/😀'])
      expect(refuseReason('GET', u), u).toBe(
        'the URL holds characters outside ASCII, which clients encode differently',
      );
  });

  it('states the method first when both are wrong', () => {
    expect(refuseReason('A B', 'nope')).toBe('the method is not a valid HTTP token');
  });
});

describe("a Host header that names the URL's own authority", () => {
  it.each([
    ['api.example', 'https://api.example/x'],
    ['API.Example', 'https://api.example/x'],
    [' api.example\t', 'https://api.example/x'],
    ['api.example:443', 'https://api.example/x'],
    ['api.example:80', 'http://api.example/x'],
    ['api.example:8443', 'https://api.example:8443/x'],
    ['api.example:80', 'ws://api.example/x'],
    ['api.example:443', 'wss://api.example/x'],
    ['[::1]:443', 'https://[::1]/'],
  ])('%s is derived from %s', (host, url) => {
    expect(hostMatchesUrl(host, url)).toBe(true);
  });

  it.each([
    ['api.example:80', 'https://api.example/x'],
    ['api.example:443', 'http://api.example/x'],
    ['api.example', 'https://api.example:8443/x'],
    ['api.example:8443', 'https://api.example/x'],
    ['other.example', 'https://api.example/x'],
    ['xapi.example:443', 'https://api.example/x'],
    ['api.exampl:443', 'https://api.example/x'],
    ['api.example', 'not a url'],
    ['', 'https://api.example/'],
  ])('%s differs from %s, and is sent as captured', (host, url) => {
    expect(hostMatchesUrl(host, url)).toBe(false);
  });
});
