import { describe, expect, it } from 'vitest';
import { failsCorsUnrecorded } from '../../../lib/cors';
import { API, PAGE, exNoVerdict } from './helpers';

// Captures without the browser's verdict (Firefox, proxies): the CORS check is re-run on the
// recorded headers, and only evidence makes a block.

const call = (
  requestHeaders: Record<string, string>,
  responseHeaders: Record<string, string> = {},
  resourceType = '',
) => exNoVerdict({ method: 'POST', url: API, status: 200, body: '{}', requestHeaders, responseHeaders, resourceType });

describe('a cross-origin call recorded without a verdict', () => {
  it('a form POST that asks for HTML is a navigation, not a CORS call: never blocked', () => {
    expect(failsCorsUnrecorded(call({ Origin: PAGE, Accept: 'text/html,application/xhtml+xml' }), null, false)).toBe(
      false,
    );
  });

  it('the same call asking for JSON, answered without ACAO, is blocked', () => {
    expect(failsCorsUnrecorded(call({ Origin: PAGE, Accept: 'application/json' }), null, false)).toBe(true);
  });

  it('asking for HTML in CORS mode (Sec-Fetch-Mode or a fetch resource type) is still CORS', () => {
    const html = { Origin: PAGE, Accept: 'text/html' };
    expect(failsCorsUnrecorded(call({ ...html, 'Sec-Fetch-Mode': 'cors' }), null, false)).toBe(true);
    expect(failsCorsUnrecorded(call(html, {}, 'fetch'), null, false)).toBe(true);
  });

  it('an opaque page origin ("null", a sandboxed frame) is allowed by ACAO: null only', () => {
    const sandboxed = { Origin: 'null', 'Sec-Fetch-Mode': 'cors' };
    expect(failsCorsUnrecorded(call(sandboxed, { 'Access-Control-Allow-Origin': 'null' }), null, false)).toBe(false);
    expect(failsCorsUnrecorded(call(sandboxed, { 'Access-Control-Allow-Origin': PAGE }), null, false)).toBe(true);
  });

  it('an Origin with stray spaces is the same origin; one that is not http(s) is no evidence', () => {
    expect(
      failsCorsUnrecorded(
        call({ Origin: `  ${PAGE} `, 'Sec-Fetch-Mode': 'cors' }, { 'Access-Control-Allow-Origin': PAGE }),
        null,
        false,
      ),
    ).toBe(false);
    expect(failsCorsUnrecorded(call({ Origin: 'chrome-extension://abc', 'Sec-Fetch-Mode': 'cors' }), null, false)).toBe(
      false,
    );
  });
});
