import { describe, expect, it } from 'vitest';
import type { CauseId } from '../../../lib/core/causes';
import { applyAuth, extractAuth } from '../../../lib/replay/credentials';
import { presetsFor, type EditorState } from '../../../lib/replay/presets';
import { EMPTY_AUTH, type ReplayAuth, type ReplayRequest } from '../../../lib/replay/types';

// The presets are the replay editor's one-click fixes. What matters is what the server gets when
// the user clicks one and sends: the Authorization line, the key's place, the mode. Each test
// applies the preset and reads the request applyAuth builds, as the panel sends it.

const req = (headers: Record<string, string> = {}, url = 'https://api.example.com/v1/me'): ReplayRequest => ({
  method: 'GET',
  url,
  headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
  body: null,
  credentials: 'same-origin',
});

/** The editor as it opens on a request, after extractAuth took its credential out. */
function opened(headers: Record<string, string>, url?: string): EditorState {
  const { req: rest, auth } = extractAuth(req(headers, url));
  return { req: rest, auth, mode: 'page' };
}

function preset(causes: CauseId[], id: string) {
  const p = presetsFor(causes).find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id} for ${causes.join(', ')}`);
  return p;
}

/** The headers the replay sends after the preset is clicked. */
function sentAfter(causes: CauseId[], id: string, state: EditorState) {
  const after = preset(causes, id).apply(state);
  return { ...after, sent: applyAuth(after.req, after.auth) };
}

describe('fix-authorization (auth.malformed): one clean Bearer line, RFC 6750 §2.1', () => {
  // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token. The scheme is case-insensitive (RFC 9110
  // §11.1), so a doubled scheme in any case and a quoted token are the malformed shapes servers refuse.
  it.each([
    ['a doubled scheme', 'Bearer Bearer eyJ0.eyJ1.sig'],
    ['a doubled scheme in other cases', 'bearer BEARER eyJ0.eyJ1.sig'],
    ['a tripled scheme', 'Bearer Bearer Bearer eyJ0.eyJ1.sig'],
    ['a doubled scheme with two spaces between', 'Bearer  Bearer eyJ0.eyJ1.sig'],
    ['a double-quoted token', 'Bearer "eyJ0.eyJ1.sig"'],
    ['a single-quoted token', "Bearer 'eyJ0.eyJ1.sig'"],
    ['a leading space and a trailing newline', ' Bearer Bearer eyJ0.eyJ1.sig\n'],
    ['a bare quoted token (no scheme)', '"eyJ0.eyJ1.sig"'],
  ])('%s becomes "Bearer <token>"', (_, value) => {
    const { sent, auth } = sentAfter(['auth.malformed'], 'fix-authorization', opened({ authorization: value }));
    expect(sent.headers).toEqual([{ name: 'Authorization', value: 'Bearer eyJ0.eyJ1.sig' }]);
    // The custom header is gone, not sent beside the new line.
    expect(auth).toMatchObject({ type: 'bearer', customName: '', customValue: '' });
  });

  it('cleans a token pasted with its scheme into the bearer field, leading space and all', () => {
    const state: EditorState = {
      req: req(),
      auth: { ...EMPTY_AUTH, type: 'bearer', token: ' Bearer "eyJ0.eyJ1.sig" ' },
      mode: 'page',
    };
    const { sent } = sentAfter(['auth.malformed'], 'fix-authorization', state);
    expect(sent.headers).toEqual([{ name: 'Authorization', value: 'Bearer eyJ0.eyJ1.sig' }]);
  });

  it('keeps a token that merely contains the word bearer', () => {
    const state: EditorState = {
      req: req(),
      auth: { ...EMPTY_AUTH, type: 'bearer', token: 'tok-bearer 1' },
      mode: 'page',
    };
    expect(sentAfter(['auth.malformed'], 'fix-authorization', state).sent.headers).toEqual([
      { name: 'Authorization', value: 'Bearer tok-bearer 1' },
    ]);
  });

  it('leaves Basic alone when a custom Authorization name is left over from an earlier edit', () => {
    // The helper keeps every field when the user switches its type: the name is still there.
    const state: EditorState = {
      req: req(),
      auth: {
        ...EMPTY_AUTH,
        type: 'basic',
        username: 'ana',
        password: 'pw',
        customName: 'Authorization',
        customValue: 'x',
      },
      mode: 'page',
    };
    expect(sentAfter(['auth.malformed'], 'fix-authorization', state).sent.headers).toEqual([
      { name: 'Authorization', value: `Basic ${Buffer.from('ana:pw').toString('base64')}` },
    ]);
  });

  it('leaves a custom header that is not Authorization, and other credentials, as they were', () => {
    const custom: EditorState = {
      req: req(),
      auth: { ...EMPTY_AUTH, type: 'custom', customName: 'X-Auth', customValue: 'Bearer Bearer t' },
      mode: 'page',
    };
    expect(sentAfter(['auth.malformed'], 'fix-authorization', custom).sent.headers).toEqual([
      { name: 'X-Auth', value: 'Bearer Bearer t' },
    ]);
    const basic = opened({ Authorization: `Basic ${Buffer.from('ana:pw').toString('base64')}` });
    expect(preset(['auth.malformed'], 'fix-authorization').apply(basic)).toBe(basic);
  });
});

describe('api-key-header (api_key.missing / api_key.invalid)', () => {
  it.each<CauseId>(['api_key.missing', 'api_key.invalid'])(
    '%s moves a query key into a header of the same name',
    (c) => {
      // Google APIs take ?key= or X-Goog-Api-Key (https://cloud.google.com/docs/authentication/api-keys-use).
      const { sent } = sentAfter(
        [c],
        'api-key-header',
        opened({}, 'https://maps.googleapis.com/maps/api/geocode/json?key=AIzaK'),
      );
      expect(sent.url).toBe('https://maps.googleapis.com/maps/api/geocode/json');
      expect(sent.headers).toEqual([{ name: 'key', value: 'AIzaK' }]);
    },
  );

  it('names the header x-api-key when no name was given (AWS API Gateway reads x-api-key)', () => {
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-key-source.html
    const state: EditorState = { req: req(), auth: { ...EMPTY_AUTH, keyName: '', keyValue: 'k1' }, mode: 'page' };
    const { sent } = sentAfter(['api_key.missing'], 'api-key-header', state);
    expect(sent.headers).toEqual([{ name: 'x-api-key', value: 'k1' }]);
  });

  it('is not offered for a refusal that is not about the key', () => {
    expect(presetsFor(['auth.malformed', 'permission.denied']).map((p) => p.id)).toEqual(['fix-authorization']);
  });
});

describe('bearer (auth.token_expired / auth.invalid / auth.missing)', () => {
  it.each<CauseId>(['auth.token_expired', 'auth.invalid', 'auth.missing'])(
    '%s turns the helper to a bearer token',
    (c) => {
      const { sent } = sentAfter([c], 'bearer', {
        req: req(),
        auth: { ...EMPTY_AUTH, type: 'none', token: 'fresh' },
        mode: 'page',
      });
      expect(sent.headers).toEqual([{ name: 'Authorization', value: 'Bearer fresh' }]);
    },
  );

  it('keeps Basic credentials Basic: the user re-types the password, not a token', () => {
    const state = opened({ Authorization: `Basic ${Buffer.from('ana:pw').toString('base64')}` });
    const { auth } = sentAfter(['auth.invalid'], 'bearer', state);
    expect(auth).toMatchObject({ type: 'basic', username: 'ana', password: 'pw' });
  });
});

describe('direct (every cors.* cause)', () => {
  it.each<CauseId>(['cors.missing_allow_origin', 'cors.preflight_invalid_status', 'cors.local_network'])(
    '%s offers sending directly, and the preset switches the mode only',
    (c) => {
      const state = opened({ Authorization: 'Bearer t' });
      const { mode, auth, req: r } = preset([c], 'direct').apply(state);
      expect(mode).toBe('direct');
      expect(auth).toEqual(state.auth);
      expect(r).toEqual(state.req);
    },
  );

  it('is not offered without a CORS cause', () => {
    const ids = presetsFor(['auth.token_expired', 'api_key.missing', 'auth.cookie_not_sent']).map((p) => p.id);
    expect(ids).not.toContain('direct');
  });
});

describe('cookie (auth.cookie_not_sent)', () => {
  it('sends the session cookie directly: the page could not attach it', () => {
    const state: EditorState = {
      req: req(),
      auth: { ...EMPTY_AUTH, type: 'none', cookie: 'sid=s3cr3t' } satisfies ReplayAuth,
      mode: 'page',
    };
    const { mode, sent } = sentAfter(['auth.cookie_not_sent'], 'cookie', state);
    expect(mode).toBe('direct');
    expect(sent.headers).toEqual([{ name: 'Cookie', value: 'sid=s3cr3t' }]);
  });

  it('offers every matching preset once, in a stable order', () => {
    const all: CauseId[] = [
      'auth.cookie_not_sent',
      'cors.missing_allow_origin',
      'auth.missing',
      'api_key.missing',
      'auth.malformed',
    ];
    expect(presetsFor(all).map((p) => p.id)).toEqual([
      'fix-authorization',
      'api-key-header',
      'bearer',
      'direct',
      'cookie',
    ]);
    expect(presetsFor([])).toEqual([]);
    // Each is a button: its label is the sentence the user reads.
    for (const p of presetsFor(all)) expect(p.label).toMatch(/^[A-Z].{15,}/);
  });
});
