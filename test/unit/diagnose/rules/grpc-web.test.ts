import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../lib';
import { decodeGrpcMessage, grpcStatusOf } from '../../../../lib/inspect/grpc-web';
import { toExchange } from '../../../../lib/model/exchange';
import { makeEntry, makeHar, type EntrySpec } from '../../../support/har';
import { makeJwt, sec } from '../../inspect/support';

// Shapes from https://github.com/grpc/grpc/blob/master/doc/PROTOCOL-WEB.md: a trailers-only
// answer puts grpc-status/grpc-message in the HTTP headers; otherwise the last frame of the body
// has flag 0x80 and carries them as "name:value\r\n" lines. grpc-web-text base64-encodes the body.

const URL_ = 'https://api.example.com/acme.orders.v1.OrderService/ListOrders';
const JWT = makeJwt({ sub: 'user-42', iat: sec('2026-11-21T11:00:00Z'), exp: sec('2026-11-21T13:00:00Z') });
const OLD_JWT = makeJwt({ sub: 'user-42', iat: sec('2026-11-21T10:00:00Z'), exp: sec('2026-11-21T11:00:00Z') });

function frame(flag: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, payload.length);
  out.set(payload, 5);
  return out;
}
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
function concat(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function call(response: Partial<EntrySpec>, requestHeaders: Record<string, string> = {}): EntrySpec {
  return {
    method: 'POST',
    url: URL_,
    status: 200,
    requestHeaders: {
      'Content-Type': 'application/grpc-web+proto',
      'X-Grpc-Web': '1',
      Origin: 'https://app.example.com',
      ...requestHeaders,
    },
    requestBody: '',
    mimeType: 'application/grpc-web+proto',
    ...response,
    responseHeaders: {
      'Content-Type': 'application/grpc-web+proto',
      Date: 'Sat, 21 Nov 2026 12:04:10 GMT',
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Expose-Headers': 'grpc-status,grpc-message',
      ...response.responseHeaders,
    },
  };
}

function bodyEntry(trailer: string, text = false, data = new Uint8Array([0x0a, 0x02, 0x08, 0x01])): EntrySpec {
  const message = frame(0x00, data);
  const trailers = frame(0x80, ascii(trailer));
  if (text) {
    // grpc-web-text: each frame base64-encoded separately (padded chunks concatenated).
    const body = b64(message) + b64(trailers);
    return call({
      body,
      mimeType: 'application/grpc-web-text',
      responseHeaders: { 'Content-Type': 'application/grpc-web-text+proto' },
    });
  }
  return call({ body: b64(concat(message, trailers)) });
}

function diagnoseEntries(entries: ReturnType<typeof makeEntry>[]) {
  return diagnose({ log: { entries } }, { all: true });
}

function binaryBody(trailer: string) {
  const entry = makeEntry(call({}));
  const bytes = concat(frame(0x00, new Uint8Array([0x0a, 0x00])), frame(0x80, ascii(trailer)));
  entry.response.content = {
    size: bytes.length,
    mimeType: 'application/grpc-web+proto',
    text: b64(bytes),
    encoding: 'base64',
  };
  return entry;
}

describe('gRPC-web status', () => {
  it('reads the trailer lines of a body a recorder stored as UTF-8 text, where the frame lengths no longer add up', () => {
    // A recorder that decodes the binary body as UTF-8 turns the two bytes of "é" into one character, so
    // the 4-byte message frame is 3 characters long and the trailer frame is no longer where its length says.
    const bytes = concat(
      frame(0x00, new Uint8Array([0x0a, 0x02, 0xc3, 0xa9])),
      frame(0x80, ascii('grpc-status:7\r\ngrpc-message:caller%20lacks%20orders.list\r\n')),
    );
    const entry = makeEntry(call({}));
    entry.response.content = { mimeType: 'application/grpc-web+proto', text: Buffer.from(bytes).toString('utf8') };
    const status = grpcStatusOf(toExchange(entry, 0));
    expect(status).toMatchObject({ code: 7, message: 'caller lacks orders.list' });
    const [d] = diagnoseEntries([entry]);
    expect(d!.causes[0]!.id).toBe('permission.denied');
  });

  it('trailers-only 16 UNAUTHENTICATED in headers, no credentials → auth.missing, flagged although HTTP 200', () => {
    const [d] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16', 'grpc-message': 'missing%20authorization%20header' } })]),
    );
    expect(d!.flagged).toBe(true);
    expect(d!.status).toBe(200);
    expect(d!.causes[0]!.id).toBe('auth.missing');
    const shown = d!.causes[0]!.evidence.map((e) => e.detail).join('\n');
    expect(shown).toContain('grpc-status: 16');
    expect(shown).toContain('grpc-message: missing%20authorization%20header');
    expect(d!.causes[0]!.summary).toContain('"missing authorization header"');
  });

  it('16 with a bearer token sent → auth.invalid; with "expired" in the message → auth.token_expired', () => {
    const sent = { Authorization: `Bearer ${JWT}` };
    const [a] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16', 'grpc-message': 'invalid%20token' } }, sent)]),
    );
    expect(a!.causes[0]!.id).toBe('auth.invalid');
    const [b] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16', 'grpc-message': 'Jwt%20is%20expired' } }, sent)]),
    );
    expect(b!.causes[0]!.id).toBe('auth.token_expired');
    const [c] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16' } }, { Authorization: `Bearer ${OLD_JWT}` })]),
    );
    expect(c!.causes[0]!.id).toBe('auth.token_expired');
    expect(c!.causes[0]!.title).toContain('1 h 4 min before the call');
  });

  it('16 to a token whose exp is the response Date itself → auth.token_expired (RFC 7519: expired at exp)', () => {
    const AT_DATE = makeJwt({ sub: 'user-42', iat: sec('2026-11-21T11:04:10Z'), exp: sec('2026-11-21T12:04:10Z') });
    const [d] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16' } }, { Authorization: `Bearer ${AT_DATE}` })]),
    );
    expect(d!.causes[0]!.id).toBe('auth.token_expired');
    const [e] = diagnose(
      makeHar([call({ responseHeaders: { 'grpc-status': '16' } }, { Authorization: `Bearer ${JWT}` })]),
    );
    expect(e!.causes[0]!.id).toBe('auth.invalid');
  });

  it('7 PERMISSION_DENIED in a binary body trailer frame → permission.denied quoting the trailer', () => {
    const [d] = diagnoseEntries([binaryBody('grpc-status:7\r\ngrpc-message:caller%20lacks%20orders.list\r\n')]);
    expect(d!.flagged).toBe(true);
    expect(d!.causes[0]!.id).toBe('permission.denied');
    expect(d!.causes[0]!.title).toContain('caller lacks orders.list');
    expect(d!.causes[0]!.evidence.some((e) => e.where === 'response.body' && e.detail.includes('grpc-status: 7'))).toBe(
      true,
    );
  });

  it('8 RESOURCE_EXHAUSTED in a grpc-web-text body → rate_limit.exceeded; quota wording → quota.exceeded', () => {
    const rl = bodyEntry('grpc-status:8\r\ngrpc-message:too%20many%20requests\r\n', true);
    expect(diagnose(makeHar([rl]))[0]!.causes[0]!.id).toBe('rate_limit.exceeded');
    const q = bodyEntry('grpc-status:8\r\ngrpc-message:daily%20quota%20exceeded\r\n', true);
    expect(diagnose(makeHar([q]))[0]!.causes[0]!.id).toBe('quota.exceeded');
  });

  it('status 0 OK stays quiet (headers and trailer frame), and so do other codes', () => {
    expect(diagnose(makeHar([call({ responseHeaders: { 'grpc-status': '0' } })]))).toEqual([]);
    expect(diagnoseEntries([binaryBody('grpc-status:0\r\ngrpc-message:\r\n')]).filter((d) => d.flagged)).toEqual([]);
    expect(
      diagnose(makeHar([call({ responseHeaders: { 'grpc-status': '5', 'grpc-message': 'not%20found' } })])),
    ).toEqual([]);
  });

  it('a plain JSON API mentioning grpc-status in its body is not gRPC', () => {
    const e: EntrySpec = {
      url: 'https://api.example.com/docs',
      status: 200,
      body: '{"text":"grpc-status:16 means UNAUTHENTICATED"}',
      responseHeaders: { 'Content-Type': 'application/json' },
    };
    expect(diagnose(makeHar([e]))).toEqual([]);
  });

  it('reads hostile bodies without throwing: truncated frames, huge lengths, bad base64, bad escapes', () => {
    for (const text of ['', 'gAAAAA', '////', '%%%', 'gP////', 'AAAAAAUKAwgBAA==garbage']) {
      const entry = makeEntry(call({ mimeType: 'application/grpc-web-text' }));
      entry.response.content = { mimeType: 'application/grpc-web-text', text };
      expect(() => grpcStatusOf(toExchange(entry, 0))).not.toThrow();
    }
    expect(decodeGrpcMessage('100%')).toBe('100%');
    expect(decodeGrpcMessage('caf%C3%A9')).toBe('café');
  });
});

describe('gRPC-web: what the user reads', () => {
  const unauthenticated = (requestHeaders: Record<string, string>, message = 'unauthenticated') =>
    diagnose(makeHar([call({ responseHeaders: { 'grpc-status': '16', 'grpc-message': message } }, requestHeaders)]))[0]!
      .causes[0]!;

  it('16 with only a CSRF cookie: no credential went (a CSRF token is not a session)', () => {
    const c = unauthenticated({ Cookie: 'csrftoken=Yx3kT0b' });
    expect(c.id).toBe('auth.missing');
    expect(c.title).toBe('gRPC UNAUTHENTICATED: the call carried no credentials');
    expect(c.summary).toBe(
      'The server answered grpc-status 16 UNAUTHENTICATED ("unauthenticated") and the request carried no Authorization, API key or session cookie.',
    );
  });

  it('16 with a session cookie, or with an API key, and no bearer token: the credential sent was rejected', () => {
    for (const sent of <Record<string, string>[]>[
      { Cookie: 'sessionid=4f2b9c' },
      { 'X-Api-Key': 'k3y-0123456789abcdef' },
    ]) {
      const c = unauthenticated(sent);
      expect(c.id).toBe('auth.invalid');
      expect(c.title).toBe('gRPC UNAUTHENTICATED: the credentials sent were rejected');
      expect(c.summary).toBe(
        'The call carried credentials and the server answered grpc-status 16 UNAUTHENTICATED ("unauthenticated") inside HTTP 200.',
      );
    }
  });

  it("an expired JWT is named with how long ago it expired, and outranks a message that only says 'expired'", () => {
    const byClaims = unauthenticated({ Authorization: `Bearer ${OLD_JWT}` });
    expect(byClaims.evidence.map((e) => e.detail)).toEqual([
      'grpc-status: 16',
      'grpc-message: unauthenticated',
      "HTTP 200: gRPC reports failures in its own status, not HTTP's",
      'JWT exp is past by 1 h 4 min',
    ]);
    expect(byClaims.summary).toMatch(/The JWT's exp is before the server's clock: refresh the token\.$/);
    const byMessage = unauthenticated({ Authorization: `Bearer ${JWT}` }, 'token%20expired');
    expect(byMessage.id).toBe('auth.token_expired');
    expect(byMessage.title).toBe('gRPC UNAUTHENTICATED: the token expired');
    expect(byMessage.summary).toMatch(/Its message speaks of expiry: refresh the token\.$/);
    expect(byMessage.evidence.some((e) => e.where === 'token')).toBe(false);
    expect(byClaims.confidence).toBeGreaterThan(byMessage.confidence);
  });

  it('7 naming a scope is a missing scope; 7 without a message is a bare permission denial', () => {
    const scope = diagnose(
      makeHar([
        call({
          responseHeaders: { 'grpc-status': '7', 'grpc-message': 'insufficient%20scope%3A%20orders.read%20required' },
        }),
      ]),
    )[0]!.causes[0]!;
    expect(scope.id).toBe('permission.insufficient_scope');
    expect(scope.title).toBe(
      'gRPC PERMISSION_DENIED: the token lacks a scope ("insufficient scope: orders.read required")',
    );
    const bare = diagnose(makeHar([call({ responseHeaders: { 'grpc-status': '7' } })]))[0]!.causes[0]!;
    expect(bare.id).toBe('permission.denied');
    expect(bare.title).toBe('gRPC PERMISSION_DENIED');
    expect(bare.summary).toBe(
      'The server answered grpc-status 7 PERMISSION_DENIED inside HTTP 200: the caller is authenticated but not allowed to call this method.',
    );
  });

  it('8 in a trailer frame: quoted as a trailer, and a quota is told apart from a rate limit in the fix', () => {
    const rl = diagnose(makeHar([bodyEntry('grpc-status:8\r\ngrpc-message:too%20many%20requests\r\n', true)]))[0]!
      .causes[0]!;
    expect(rl.title).toBe('gRPC RESOURCE_EXHAUSTED: "too many requests"');
    expect(rl.evidence[0]!.detail).toBe('trailer frame: grpc-status: 8');
    expect(rl.summary).toMatch(/the caller is being rate limited\.$/);
    expect(rl.fixes[0]).toMatch(/^Back off and retry/);
    const q = diagnose(makeHar([bodyEntry('grpc-status:8\r\ngrpc-message:daily%20quota%20exceeded\r\n', true)]))[0]!
      .causes[0]!;
    expect(q.summary).toMatch(/a longer-term quota is used up\.$/);
    expect(q.fixes).toEqual(['Wait for the quota period to reset, or raise the quota for this project or key.']);
  });
});
