// A HAR entry redacted field by field (lib/redact/har.ts, redact-har.ts): each known place hides
// its secrets under a name that says where they live, encoded bodies are read as what they hold,
// every other string is swept, and nothing that is not secret changes.
import { describe, expect, it } from 'vitest';
import type { Har, HarEntry } from '../../../lib/har/types';
import { redactEntry, redactHar, secretsComment, Vault } from '../../../lib/redact';
import { makeEntry } from '../../support/har';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const entry = () =>
  makeEntry({ url: 'https://api.example.com/v1/me?page=2&api_key=ak-Q-4812', status: 401, body: '{"ok":false}' });

describe('request fields', () => {
  it('the URL and its queryString list hide the same secret under the same name', () => {
    const v = new Vault();
    const out = redactEntry(entry(), v);
    expect(out.request.url).toBe('https://api.example.com/v1/me?page=2&api_key=${WHY403_QUERY_API_KEY}');
    expect(out.request.queryString).toEqual([
      { name: 'page', value: '2' },
      { name: 'api_key', value: '${WHY403_QUERY_API_KEY}' },
    ]);
    expect(v.info('WHY403_QUERY_API_KEY')!.places).toContain('request URL query api_key');
  });

  it('a queryString value named like nothing secret is still swept for known secrets', () => {
    const e = entry();
    e.request.queryString!.push({ name: 'ref', value: 'ak-Q-4812' });
    expect(redactEntry(e).request.queryString?.[2]).toEqual({ name: 'ref', value: '${WHY403_QUERY_API_KEY}' });
  });

  it('every request cookie value is hidden, named after its cookie', () => {
    const e = entry();
    e.request.cookies = [{ name: 'sid', value: 'sid-Q-1' }];
    const v = new Vault();
    expect(redactEntry(e, v).request.cookies).toEqual([{ name: 'sid', value: '${WHY403_COOKIE_SID}' }]);
    expect(v.info('WHY403_COOKIE_SID')!.places).toEqual(['request cookie sid']);
  });

  it('form params: a secret-named one is hidden, the others are kept; a param without value stays so', () => {
    const e = entry();
    e.request.postData = {
      mimeType: 'application/x-www-form-urlencoded',
      text: 'user=bob&password=pw-Q-77',
      params: [{ name: 'user', value: 'bob' }, { name: 'password', value: 'pw-Q-77' }, { name: 'flag' }],
    } as never;
    const v = new Vault();
    const post = redactEntry(e, v).request.postData!;
    expect(post.text).toBe('user=bob&password=${WHY403_BODY_PASSWORD}');
    expect(post.params).toEqual([
      { name: 'user', value: 'bob' },
      { name: 'password', value: '${WHY403_BODY_PASSWORD}' },
      { name: 'flag' },
    ]);
    expect(v.info('WHY403_BODY_PASSWORD')!.places).toContain('request form field password');
  });

  it('a base64 request body holding a secret is decoded to redact it, and says so', () => {
    const e = entry();
    e.request.postData = {
      mimeType: 'application/json',
      encoding: 'base64',
      text: b64('{"password":"pw-B-1"}'),
    } as never;
    const post = redactEntry(e).request.postData as unknown as Record<string, unknown>;
    expect(post.text).toBe('{"password":"${WHY403_BODY_PASSWORD}"}');
    expect(post.comment).toBe('why403: decoded from base64 to redact it');
    expect(post).not.toHaveProperty('encoding');
    expect(post).not.toHaveProperty('_encoding');
  });

  it('a base64 request body with nothing secret is kept as recorded', () => {
    const e = entry();
    const text = b64('{"page":2}');
    e.request.postData = { mimeType: 'application/json', _encoding: 'base64', text } as never;
    expect(redactEntry(e).request.postData).toEqual({ mimeType: 'application/json', _encoding: 'base64', text });
  });

  it('the request body is read by its Content-Type header before its mimeType', () => {
    const e = makeEntry({
      url: 'https://api.example.com/login',
      status: 401,
      requestHeaders: { 'content-type': 'application/x-www-form-urlencoded' },
      requestBody: 'secret=s-Q-1 and more',
      requestMimeType: 'text/plain',
    });
    expect(redactEntry(e).request.postData!.text).toBe('secret=${WHY403_BODY_SECRET}');
  });
});

describe('response fields', () => {
  it('Set-Cookie values in the cookies list are hidden; the redirect URL is redacted', () => {
    const e = entry();
    e.response.cookies = [{ name: 'sid', value: 'sid-R-1', path: '/' } as never];
    e.response.redirectURL = 'https://app.example/cb#access_token=at-R-2';
    const v = new Vault();
    const out = redactEntry(e, v);
    expect(out.response.cookies).toEqual([{ name: 'sid', value: '${WHY403_COOKIE_SID}', path: '/' }]);
    expect(v.info('WHY403_COOKIE_SID')!.places).toEqual(['response Set-Cookie']);
    expect(out.response.redirectURL).toBe('https://app.example/cb#access_token=${WHY403_FRAGMENT_ACCESS_TOKEN}');
  });

  it('a base64 response body holding a secret is decoded, its binary flag dropped, and says so', () => {
    const e = entry();
    e.response.content = {
      size: 1,
      mimeType: 'application/json',
      encoding: 'base64',
      _isBinary: false,
      text: b64('{"access_token":"at-R-3"}'),
    } as never;
    const c = redactEntry(e).response.content as unknown as Record<string, unknown>;
    expect(c).toEqual({
      size: 1,
      mimeType: 'application/json',
      text: '{"access_token":"${WHY403_BODY_ACCESS_TOKEN}"}',
      comment: 'why403: decoded from base64 to redact it',
    });
  });

  it('a base64 response body with nothing secret is kept as recorded', () => {
    const e = entry();
    const content = { size: 1, mimeType: 'image/png', encoding: 'base64', text: b64('\u0089PNG plain') };
    e.response.content = { ...content } as never;
    expect(redactEntry(e).response.content).toEqual(content);
  });

  it('a response without text, or without content, is left as it is', () => {
    const e = entry();
    e.response.content = { size: 0, mimeType: 'text/html' };
    expect(redactEntry(e).response.content).toEqual({ size: 0, mimeType: 'text/html' });
  });

  it('a response header hides its secret and says it came from the response', () => {
    const e = entry();
    e.response.headers.push({ name: 'X-Session-Token', value: 'st-R-4' });
    const v = new Vault();
    expect(redactEntry(e, v).response.headers.at(-1)).toEqual({
      name: 'X-Session-Token',
      value: '${WHY403_X_SESSION_TOKEN}',
    });
    expect(v.info('WHY403_X_SESSION_TOKEN')!.places).toEqual(['response header X-Session-Token']);
  });
});

describe('every other string', () => {
  it('extras are swept at any depth, URLs among them included', () => {
    const e = entry() as HarEntry & Record<string, unknown>;
    e._page = { note: ['uses ak-Q-4812'], link: 'https://h.example/x?token=t-X-9' };
    const out = redactEntry(e) as unknown as Record<string, { note: string[]; link: string }>;
    expect(out._page!.note).toEqual(['uses ${WHY403_QUERY_API_KEY}']);
    expect(out._page!.link).toMatch(/^https:\/\/h\.example\/x\?token=\$\{WHY403_\w+\}$/);
  });

  it('known places are not left out of the entry, and the rest of it is unchanged', () => {
    const e = entry();
    const out = redactEntry(e);
    expect(out.request.method).toBe('GET');
    expect(out.response.status).toBe(401);
    expect(out.response.content?.text).toBe('{"ok":false}');
    expect(out.timings).toEqual(e.timings);
    expect(out.startedDateTime).toBe(e.startedDateTime);
  });
});

describe('the whole log', () => {
  it('says which secrets were replaced, and says so when there were none', () => {
    const har: Har = { log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry()] } };
    const { har: out, secrets } = redactHar(har);
    expect(secrets.map((s) => s.name)).toEqual(['WHY403_QUERY_API_KEY']);
    expect(out.log.comment).toBe(secretsComment(secrets));
    expect(out.log.comment).toMatch(/^Redacted by why403: secrets replaced by placeholders .*WHY403_QUERY_API_KEY: /);
    expect(secretsComment([])).toBe('Redacted by why403: no secrets found.');
  });

  it('lists each secret as name and note, separated so a reader can tell them apart', () => {
    const v = new Vault();
    v.secret('ak-Q-4812-one', { base: 'KEY', kind: 'api-key', where: 'a' });
    v.secret('ak-Q-4812-two', { base: 'KEY', kind: 'api-key', where: 'b' });
    const [a, b] = v.list();
    expect(secretsComment(v.list())).toBe(
      'Redacted by why403: secrets replaced by placeholders (JWTs keep their diagnostic claims, not their signature). ' +
        `WHY403_KEY: ${a!.note}; WHY403_KEY_2: ${b!.note}`,
    );
  });

  it('strings of the log outside its entries are swept too', () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 't', version: '1' },
        pages: [{ title: 'ak-Q-4812' }],
        entries: [entry()],
      },
    } as unknown as Har;
    const out = redactHar(har).har as unknown as { log: { pages: { title: string }[] } };
    expect(out.log.pages[0]!.title).toBe('${WHY403_QUERY_API_KEY}');
  });
});
