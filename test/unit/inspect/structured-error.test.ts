import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../lib';
import { isFlagged } from '../../../lib/diagnose/flag';
import { bodyMayFlag, statedRefusal } from '../../../lib/diagnose/stated-refusal';
import {
  jsonDepth,
  parseJsonBody,
  readJsonError,
  readStatedErrors,
  STRUCTURED_DEPTH,
} from '../../../lib/inspect/structured-error';
import { toExchange } from '../../../lib/model/exchange';
import { explainStated } from '../../../lib/vendors/codes';
import { makeEntry, makeHar, type EntrySpec } from '../../support/har';

const codes = (body: unknown) => readJsonError(body as never).map((e) => `${e.family}:${e.code}`);
const x = (spec: Partial<EntrySpec>) =>
  toExchange(makeEntry({ url: 'https://api.example.com/x', status: 400, ...spec }), 0);

describe('readJsonError: the documented shapes', () => {
  it('reads OAuth errors, Slack envelopes and Spring bodies', () => {
    expect(codes({ error: 'invalid_grant', error_description: 'x' })).toEqual(['oauth:invalid_grant']);
    expect(codes({ ok: false, error: 'invalid_auth' })).toEqual(['envelope:invalid_auth']);
    expect(codes({ timestamp: 't', status: 403, error: 'Forbidden', message: 'Access Denied', path: '/a' })).toEqual([
      'spring:Forbidden',
    ]);
    // A reason phrase is not an OAuth code: it is kept as a message only.
    expect(codes({ error: 'Forbidden' })).toEqual(['message:']);
  });

  it('reads Google reasons before the canonical status, legacy reasons too', () => {
    expect(
      codes({ error: { code: 403, status: 'PERMISSION_DENIED', details: [{ reason: 'SERVICE_DISABLED' }] } }),
    ).toEqual(['google:SERVICE_DISABLED', 'google:PERMISSION_DENIED']);
    expect(codes({ error: { code: 403, errors: [{ reason: 'dailyLimitExceeded', domain: 'usageLimits' }] } })).toEqual([
      'google:dailyLimitExceeded',
    ]);
  });

  it('reads OData / Graph / ARM codes, inner and detail codes first', () => {
    expect(
      codes({ error: { code: 'Forbidden', message: 'm', innerError: { code: 'Authorization_RequestDenied' } } }),
    ).toEqual(['odata:Authorization_RequestDenied', 'odata:Forbidden']);
    expect(
      codes({ 'odata.error': { code: 'Authorization_RequestDenied', message: { lang: 'en', value: 'v' } } }),
    ).toEqual(['odata:Authorization_RequestDenied']);
  });

  it('reads AWS __type, GraphQL codes, JSON:API errors and problem+json', () => {
    expect(codes({ __type: 'com.amazon.coral.service#UnrecognizedClientException', message: 'm' })).toEqual([
      'aws:UnrecognizedClientException',
    ]);
    expect(codes({ errors: [{ message: 'm', extensions: { code: 'UNAUTHENTICATED' } }], data: null })).toEqual([
      'graphql:UNAUTHENTICATED',
    ]);
    expect(codes({ errors: [{ message: 'm', extensions: { classification: 'FORBIDDEN' } }] })).toEqual([
      'graphql:FORBIDDEN',
    ]);
    expect(codes({ errors: [{ status: '403', code: 'token_expired', title: 't' }] })).toEqual([
      'jsonapi:token_expired',
      'jsonapi:403',
    ]);
    expect(codes({ type: 'https://example.com/probs/out-of-credit', title: 'No credit', status: 403 })).toEqual([
      'problem:https://example.com/probs/out-of-credit',
      'problem:No credit',
    ]);
  });

  it('reads XML <Error><Code> and the x-amzn-ErrorType header', () => {
    const xml = x({
      status: 403,
      mimeType: 'application/xml',
      body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
    });
    expect(readStatedErrors(xml).map((e) => e.code)).toEqual(['AccessDenied']);
    const h = x({
      status: 403,
      body: '{"message":"Forbidden"}',
      responseHeaders: { 'x-amzn-ErrorType': 'AccessDeniedException:http://internal' },
    });
    expect(readStatedErrors(h)[0]).toMatchObject({ code: 'AccessDeniedException', message: 'Forbidden' });
  });
});

describe('bounded and hostile input', () => {
  it('refuses bodies nested deeper than the bound, without throwing', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(jsonDepth(deep)).toBeGreaterThan(STRUCTURED_DEPTH);
    expect(parseJsonBody(deep)).toBeUndefined();
    expect(parseJsonBody(`{"error":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`)).toBeUndefined();
  });

  it('ignores bodies too large to be an error, broken JSON and odd values', () => {
    expect(parseJsonBody(`{"error":"invalid_grant","pad":"${'a'.repeat(70_000)}"}`)).toBeUndefined();
    expect(parseJsonBody('{"error":"invalid_grant"')).toBeUndefined();
    for (const v of [null, 1, 'x', [], [1], { error: null }, { error: [1, 2] }, { errors: 'x' }, { errors: [null, 1] }])
      expect(() => readJsonError(v as never)).not.toThrow();
    // Not a code (a line break): kept only as the server's message.
    expect(codes({ error: 'a\nb' })).toEqual(['message:']);
  });
});

describe('refusals behind other statuses', () => {
  const flagged = (spec: Partial<EntrySpec>) => isFlagged(x(spec));

  it('flags refusal codes on 2xx (GraphQL, envelopes) and 4xx', () => {
    expect(
      flagged({
        status: 200,
        body: '{"data":null,"errors":[{"message":"no","extensions":{"code":"UNAUTHENTICATED"}}]}',
      }),
    ).toBe(true);
    expect(flagged({ status: 200, body: '{"ok":false,"error":"not_authed"}' })).toBe(true);
    expect(flagged({ status: 400, body: '{"error":"invalid_grant"}', method: 'POST' })).toBe(true);
    expect(
      flagged({
        status: 400,
        body: '{"error":{"code":400,"status":"FAILED_PRECONDITION","message":"Billing must be enabled"}}',
      }),
    ).toBe(true);
  });

  it('leaves ordinary errors alone', () => {
    expect(flagged({ status: 400, body: '{"error":"invalid_request"}' })).toBe(false);
    expect(flagged({ status: 200, body: '{"errors":[{"message":"x","extensions":{"code":"BAD_USER_INPUT"}}]}' })).toBe(
      false,
    );
    // A GraphQL code outside errors[] and a refusal word in data are not refusals.
    expect(flagged({ status: 200, body: '{"data":{"code":"UNAUTHENTICATED","errors":"FORBIDDEN"}}' })).toBe(false);
    expect(flagged({ status: 200, body: '{"error":"invalid_grant"}' })).toBe(false);
    expect(flagged({ status: 500, body: '{"error":{"status":"UNAUTHENTICATED","code":500}}' })).toBe(false);
    expect(flagged({ status: 404, body: '{"error":{"code":"NotFound","message":"x"}}' })).toBe(false);
    expect(flagged({ status: 400, body: '{"title":"Unauthorized","status":400}' })).toBe(false);
  });

  it('names the code and the message as evidence', () => {
    const d = diagnose(
      makeHar([
        {
          url: 'https://api.example.com/graphql',
          method: 'POST',
          status: 200,
          body: '{"errors":[{"message":"Not allowed","extensions":{"code":"FORBIDDEN"}}]}',
        },
      ]),
    )[0]!;
    expect(d.causes[0]!.id).toBe('permission.denied');
    expect(d.causes[0]!.evidence[0]!.detail).toContain('FORBIDDEN');
    expect(d.causes[0]!.evidence[0]!.detail).toContain('Not allowed');
  });

  it('every code table row cites its table source and maps to a real cause', () => {
    expect(explainStated([{ family: 'oauth', code: 'INVALID-GRANT', at: '/error' }], '', false)?.row.cause).toBe(
      'auth.invalid',
    );
    expect(statedRefusal(x({ status: 302, body: '{"error":"invalid_grant"}' }))).toBeNull();
  });
});

describe('bodyMayFlag: what a live capture must read before it can decide', () => {
  const lazy = (spec: Partial<EntrySpec>) => {
    const e = makeEntry({ url: 'https://api.example.com/graphql', status: 200, ...spec });
    delete (e.response.content as { text?: string }).text; // DevTools: the body comes later
    return bodyMayFlag(toExchange(e, 0));
  };

  it('asks for bodies that can state a refusal', () => {
    expect(lazy({ method: 'POST', mimeType: 'application/json' })).toBe(true);
    expect(lazy({ status: 400, method: 'POST', url: 'https://login.example.com/oauth/token' })).toBe(true);
    expect(lazy({ status: 200, mimeType: 'text/html', url: 'https://shop.example.com/' })).toBe(true);
  });

  it('leaves the rest to the user', () => {
    expect(lazy({ method: 'GET', mimeType: 'image/png', url: 'https://cdn.example.com/a.png' })).toBe(false);
    expect(lazy({ method: 'GET', mimeType: 'application/json', url: 'https://api.example.com/items' })).toBe(false);
    expect(lazy({ status: 500, mimeType: 'application/json' })).toBe(false);
    expect(bodyMayFlag(x({ status: 400, body: '{}' }))).toBe(false); // already read
  });
});
