import { describe, expect, it } from 'vitest';
import { checkAccess, checkPreflight, preflightNeed } from '../../../lib/cors';
import { HeaderList } from '../../../lib/model/headers';
import { headerList } from '../../support/har';
import { API, PAGE, ex, preflight } from './helpers';

// The panel and the CLI quote a CORS failure as the line Chrome's console printed ("has been
// blocked by CORS policy: …"), so a user can match it to what they saw and search for it. The
// wording is Chromium's (services/network/public/cpp/cors/cors_error_string.cc, and the
// CONSOLE ERROR lines of its web_tests); a word changed here is a line the user cannot find.

const PRE = "Response to preflight request doesn't pass access control check: ";
const res = (h: Record<string, string | string[]>) => new HeaderList(headerList(h));
const access = (h: Record<string, string | string[]>, credentialed = false) =>
  checkAccess(res(h), PAGE, credentialed, 'response')?.message;

describe("the CORS check, in Chrome's words", () => {
  it.each<[Record<string, string | string[]>, boolean, string]>([
    [{}, false, "No 'Access-Control-Allow-Origin' header is present on the requested resource."],
    [
      { 'Access-Control-Allow-Origin': '*' },
      true,
      "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    ],
    [
      { 'Access-Control-Allow-Origin': [PAGE, PAGE] },
      false,
      `The 'Access-Control-Allow-Origin' header contains multiple values '${PAGE}, ${PAGE}', but only one is allowed.`,
    ],
    [
      { 'Access-Control-Allow-Origin': 'app.example.com' },
      false,
      "The 'Access-Control-Allow-Origin' header contains the invalid value 'app.example.com'.",
    ],
    [
      { 'Access-Control-Allow-Origin': 'https://admin.example.com' },
      false,
      "The 'Access-Control-Allow-Origin' header has a value 'https://admin.example.com' that is not equal to the supplied origin.",
    ],
    [
      { 'Access-Control-Allow-Origin': 'null' },
      false,
      "The 'Access-Control-Allow-Origin' header has a value 'null' that is not equal to the supplied origin.",
    ],
    [
      { 'Access-Control-Allow-Origin': PAGE },
      true,
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
    ],
    [
      { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'TRUE' },
      true,
      "The value of the 'Access-Control-Allow-Credentials' header in the response is 'TRUE' which must be 'true' when the request's credentials mode is 'include'.",
    ],
  ])('%j (credentialed: %s)', (headers, credentialed, message) => {
    expect(access(headers, credentialed)).toBe(message);
    // The same failure on a preflight carries the preflight prefix, once.
    expect(checkAccess(res(headers), PAGE, credentialed, 'preflight')?.message).toBe(PRE + message);
  });
});

describe("the CORS-preflight checks, in Chrome's words", () => {
  const messages = (
    method: string,
    acrh: string | null,
    status: number,
    headers: Record<string, string | string[]>,
    requestHeaders: Record<string, string> = {},
  ) => {
    const spec = preflight(method, acrh, status, headers);
    const px = ex({ ...spec, requestHeaders: { ...spec.requestHeaders, ...requestHeaders } }, 1);
    const x = ex({ method, url: API, status: 0, error: 'net::ERR_FAILED' });
    return checkPreflight(px, preflightNeed(x, px), PAGE, false).map((f) => f.message);
  };
  const OK = { 'Access-Control-Allow-Origin': PAGE };

  it('a redirect', () => {
    expect(messages('PUT', null, 302, { Location: 'https://login.example.com/' })).toEqual([
      `${PRE}Redirect is not allowed for a preflight request.`,
    ]);
  });

  it('a status that is not ok', () => {
    expect(messages('PUT', null, 403, { ...OK, 'Access-Control-Allow-Methods': 'PUT' })).toEqual([
      `${PRE}It does not have HTTP ok status.`,
    ]);
  });

  it('a method the answer does not allow', () => {
    expect(messages('PUT', null, 204, { ...OK, 'Access-Control-Allow-Methods': 'GET, POST' })).toEqual([
      'Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.',
    ]);
  });

  it('a request header the answer does not allow: the first one named', () => {
    expect(
      messages('GET', 'authorization,x-trace', 204, { ...OK, 'Access-Control-Allow-Headers': 'content-type' }),
    ).toEqual([
      'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
    ]);
  });

  it('allow lists that cannot be parsed', () => {
    expect(
      messages('PUT', 'x-trace', 204, {
        ...OK,
        'Access-Control-Allow-Methods': 'GET PUT',
        'Access-Control-Allow-Headers': 'x trace',
      }),
    ).toEqual([
      `${PRE}Cannot parse Access-Control-Allow-Methods response header field in preflight response.`,
      `${PRE}Cannot parse Access-Control-Allow-Headers response header field in preflight response.`,
    ]);
  });

  it('a private network request the answer does not allow, absent or not `true`', () => {
    const asked = { 'Access-Control-Request-Private-Network': 'true' };
    expect(messages('GET', null, 204, OK, asked)).toEqual([
      `${PRE}No 'Access-Control-Allow-Private-Network' header was present in the preflight response for this private network request.`,
    ]);
    expect(messages('GET', null, 204, { ...OK, 'Access-Control-Allow-Private-Network': 'yes' }, asked)).toEqual([
      `${PRE}The 'Access-Control-Allow-Private-Network' header in the preflight response had a value of 'yes', not 'true'.`,
    ]);
  });
});
