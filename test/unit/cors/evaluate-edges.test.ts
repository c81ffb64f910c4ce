// The edges of evaluateCors (lib/cors/evaluate.ts): when CORS applies and why not, what "blocked" means for a
// capture without the browser's verdict, when a response counts as recorded, and what is left to explain a block
// once every check of the Fetch standard passes (https://fetch.spec.whatwg.org/#cors-check: with credentials mode
// "include" the response, and a preflight's response too, must name the origin and send
// Access-Control-Allow-Credentials: true) or when Local Network Access is the only explanation.
import { describe, expect, it } from 'vitest';
import { evaluateCors } from '../../../lib/cors';
import { API, PAGE, blocked, ex, exNoVerdict, kinds, preflight, verdict } from './helpers';

const ACAO = { 'Access-Control-Allow-Origin': PAGE };
const CREDENTIALS_WHY =
  'no Cookie header was recorded, but the block is explained only if the request ran with credentials mode ' +
  '"include" (fetch credentials: \'include\' or XHR withCredentials)';

describe('whether CORS applies, and the reason given', () => {
  it('same-origin: names the origin', () => {
    const v = verdict(
      ex({ url: `${PAGE}/api`, status: 200, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' } }),
    );
    expect(v).toMatchObject({ applies: false, reason: `same-origin (${PAGE})` });
  });

  it('a navigation is not in CORS mode', () => {
    const v = verdict(
      ex({
        url: API,
        status: 403,
        resourceType: 'document',
        requestHeaders: { 'Sec-Fetch-Mode': 'navigate', Origin: PAGE },
      }),
    );
    expect(v).toMatchObject({ applies: false, reason: 'not a CORS-mode request (navigation, no-cors or websocket)' });
  });

  it('cross-origin: names both origins', () => {
    const v = verdict(ex(blocked({ status: 200 })));
    expect(v).toMatchObject({ applies: true, reason: `cross-origin: ${PAGE} → https://api.example.net` });
  });

  it('a block on a call whose page origin is unknown is still judged, without the origin comparison', () => {
    // Chrome's ERR_FAILED with neither Origin nor Referer recorded (provisional headers): CORS applies,
    // and only what needs no page origin can be read: the header missing altogether.
    const spec = { url: API, status: 200, error: 'net::ERR_FAILED', requestHeaders: { 'Sec-Fetch-Mode': 'cors' } };
    const v = verdict(ex(spec));
    expect(v).toMatchObject({
      applies: true,
      origin: null,
      reason: 'cross-origin: unknown origin → https://api.example.net',
    });
    expect(kinds(v)).toEqual(['missing_allow_origin']);
    // Any single Access-Control-Allow-Origin may be the right one: nothing to report from the response.
    const w = verdict(ex({ ...spec, responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' } }));
    expect(w.applies).toBe(true);
    expect(kinds(w)).toEqual(['invalid_allow_credentials']);
  });
});

describe('blocked, without the browser’s verdict', () => {
  it('a capture without _error whose response fails the CORS check is blocked, whatever the caller passed', () => {
    const x = exNoVerdict({ url: API, status: 200, requestHeaders: { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' } });
    const v = evaluateCors({ x, preflight: null, blocked: false, cookieNames: [] });
    expect(v).toMatchObject({ applies: true, blocked: true, verdictRecorded: false });
    expect(kinds(v)).toEqual(['missing_allow_origin']);
    // Read from headers alone, at most likely: the browser's own verdict is not in the file.
    expect(v.failures[0]!.confidence).toBe(0.85);
  });

  it('with the browser’s verdict recorded and no block, nothing is re-checked', () => {
    const x = ex({ url: API, status: 200, requestHeaders: { Origin: PAGE } });
    expect(evaluateCors({ x, preflight: null, blocked: false, cookieNames: [] })).toMatchObject({
      applies: true,
      blocked: false,
      failures: [],
    });
  });
});

describe('a response with status 0', () => {
  it('is still read when its headers were recorded: the Access-Control-Allow-Origin it carried is judged', () => {
    const v = verdict(
      ex(blocked({ status: 0, responseHeaders: { 'Access-Control-Allow-Origin': 'https://other.example' } })),
    );
    expect(kinds(v)).toEqual(['allow_origin_mismatch']);
    expect(v.failures[0]).toMatchObject({ stage: 'response', value: 'https://other.example' });
    expect(v.failures[0]!.inferred).toBeUndefined();
  });
});

describe('a block every check passes without credentials: credentials mode "include" inferred', () => {
  it('on the actual response: ACAO names the page but no Allow-Credentials', () => {
    const v = verdict(ex(blocked({ status: 200, responseHeaders: ACAO })));
    expect(v.failures).toEqual([
      {
        kind: 'invalid_allow_credentials',
        stage: 'response',
        value: null,
        message:
          "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
        inferred: CREDENTIALS_WHY,
        confidence: 0.72,
      },
    ]);
  });

  it('on the preflight, when the call recorded no response: its first failure with credentials, only', () => {
    // A credentialed request's preflight must allow credentials too, and `*` methods count only without them:
    // both fail, and Chrome stops at the first (Allow-Credentials is part of the CORS check, before the methods).
    const p = ex(preflight('PUT', null, 204, { ...ACAO, 'Access-Control-Allow-Methods': '*' }), 1);
    const v = verdict(ex(blocked({ method: 'PUT', status: 0 })), p);
    expect(v.failures).toEqual([
      expect.objectContaining({
        kind: 'invalid_allow_credentials',
        stage: 'preflight',
        inferred: CREDENTIALS_WHY,
        confidence: 0.72,
      }),
    ]);
  });

  it('when the answer allows credentials as well, nothing in the capture explains the block: no failure made up', () => {
    const v = verdict(
      ex(blocked({ status: 200, responseHeaders: { ...ACAO, 'Access-Control-Allow-Credentials': 'true' } })),
    );
    expect(v).toMatchObject({ applies: true, blocked: true, failures: [] });
    const p = ex(
      preflight('PUT', null, 204, {
        ...ACAO,
        'Access-Control-Allow-Methods': 'PUT',
        'Access-Control-Allow-Credentials': 'true',
      }),
      1,
    );
    expect(verdict(ex(blocked({ method: 'PUT', status: 0 })), p).failures).toEqual([]);
  });
});

describe('Local Network Access inferred from the address spaces', () => {
  it('the only explanation of a block: said so, at a confidence by how sure both spaces are', () => {
    // A credentialed call whose response allows it: CORS passed, yet Chrome blocked it.
    const ok = { ...ACAO, 'Access-Control-Allow-Credentials': 'true' };
    const guessed = verdict(
      ex({
        url: 'http://192.168.1.20/api',
        status: 200,
        error: 'net::ERR_FAILED',
        requestHeaders: { Origin: PAGE },
        responseHeaders: ok,
      }),
      null,
      ['sid'],
    );
    expect(guessed.failures).toEqual([
      {
        kind: 'local_network',
        stage: 'browser',
        value: null,
        message: 'Permission was denied for this request to access the `local` address space.',
        inferred:
          'a page in the public address space called the local space (hostname 192.168.1.20) and nothing else in the capture explains the block',
        confidence: 0.65,
      },
    ]);
    // Both ends IP literals: both spaces known, not guessed from a name.
    const page = 'http://192.168.1.5:8080';
    const sure = verdict(
      ex({
        url: 'http://127.0.0.1:9000/api',
        status: 200,
        error: 'net::ERR_FAILED',
        requestHeaders: { Origin: page },
        responseHeaders: { 'Access-Control-Allow-Origin': page, 'Access-Control-Allow-Credentials': 'true' },
      }),
      null,
      ['sid'],
    );
    expect(sure.failures).toEqual([
      expect.objectContaining({
        kind: 'local_network',
        message: 'Permission was denied for this request to access the `loopback` address space.',
        inferred:
          'a page in the local address space called the loopback space (hostname 127.0.0.1) and nothing else in the capture explains the block',
        confidence: 0.75,
      }),
    ]);
  });

  it('beside a CORS failure: named as a possible second cause, lower', () => {
    const x = ex({
      url: 'https://nas.home.example/api',
      status: 200,
      error: 'net::ERR_FAILED',
      requestHeaders: { Origin: PAGE },
    });
    (x.entry as { serverIPAddress?: string }).serverIPAddress = '10.0.0.8';
    const v = verdict(x);
    expect(v.failures[1]).toEqual({
      kind: 'local_network',
      stage: 'browser',
      value: null,
      message: 'Permission was denied for this request to access the `local` address space.',
      inferred:
        'a page in the public address space called the local space (server address 10.0.0.8); Local Network Access may block it too',
      confidence: 0.5,
    });
  });
});
