import { decodeBasicPair } from '../model/base64';
import { API_KEY_HEADERS, API_KEY_PARAMS } from '../model/key-names';
import { EMPTY_AUTH, type ReplayAuth, type ReplayRequest } from './types';
import { unreachable } from '../core/unreachable';

function encodeBasic(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/**
 * Takes the request's main credential out of its headers/query into the helper, so the user
 * edits it in one place. Returns the request without it and the helper state.
 */
export function extractAuth(req: ReplayRequest): { req: ReplayRequest; auth: ReplayAuth } {
  const auth: ReplayAuth = { ...EMPTY_AUTH };
  const at = req.headers.findIndex((h) => h.name.toLowerCase() === 'authorization');
  const without = (i: number) => ({ ...req, headers: req.headers.filter((_, j) => j !== i) });
  if (at !== -1) {
    const value = req.headers[at]!.value;
    const m = /^\s*(basic|bearer)\s+(.*)/is.exec(value);
    const pair = m && m[1]!.toLowerCase() === 'basic' ? decodeBasicPair(m[2]!) : null;
    const basic = pair ? { username: pair.user, password: pair.password } : null;
    // A malformed value ("Bearer Bearer x", a bare token) stays a custom header, as sent.
    if (basic) return { req: without(at), auth: { ...auth, type: 'basic', ...basic } };
    // Stryker disable next-line Regex: "bearer " later in a value with spaces (never a b64token) sends the same bytes as bearer or custom
    if (m && m[1]!.toLowerCase() === 'bearer' && !/^bearer\s/i.test(m[2]!))
      return { req: without(at), auth: { ...auth, type: 'bearer', token: m[2]!.trim() } };
    return {
      req: without(at),
      auth: { ...auth, type: 'custom', customName: req.headers[at]!.name, customValue: value },
    };
  }
  const key = req.headers.findIndex((h) => API_KEY_HEADERS.has(h.name.toLowerCase()));
  if (key !== -1) {
    const h = req.headers[key]!;
    return {
      req: without(key),
      auth: { ...auth, type: 'api-key', keyName: h.name, keyValue: h.value, keyIn: 'header' },
    };
  }
  try {
    const u = new URL(req.url);
    for (const [name, value] of u.searchParams) {
      if (!API_KEY_PARAMS.has(name.toLowerCase())) continue;
      u.searchParams.delete(name);
      return {
        req: { ...req, url: u.toString() },
        auth: { ...auth, type: 'api-key', keyName: name, keyValue: value, keyIn: 'query' },
      };
    }
  } catch {
    // An unparsable URL has no query to read a key from.
  }
  return { req, auth };
}

/** Puts the helper's credential into a copy of the request, ready to send. */
export function applyAuth(req: ReplayRequest, auth: ReplayAuth): ReplayRequest {
  const headers = [...req.headers];
  const set = (name: string, value: string) => {
    const i = headers.findIndex((h) => h.name.toLowerCase() === name.toLowerCase());
    if (i === -1) headers.push({ name, value });
    else headers[i] = { name: headers[i]!.name, value };
  };
  let url = req.url;
  switch (auth.type) {
    case 'none':
      break;
    case 'basic':
      set('Authorization', `Basic ${encodeBasic(auth.username, auth.password)}`);
      break;
    case 'bearer':
      set('Authorization', `Bearer ${auth.token.trim()}`);
      break;
    case 'api-key':
      if (!auth.keyName) break;
      if (auth.keyIn === 'header') set(auth.keyName, auth.keyValue);
      else {
        try {
          const u = new URL(url);
          u.searchParams.set(auth.keyName, auth.keyValue);
          url = u.toString();
        } catch {
          // Leave the URL as typed; the send step reports an invalid URL.
        }
      }
      break;
    case 'cookie':
      set('Cookie', auth.cookie);
      break;
    case 'custom':
      if (auth.customName) set(auth.customName, auth.customValue);
      break;
    // Stryker disable all: the exhaustiveness guard; the AuthType union leaves no other case
    default:
      unreachable(auth.type, 'credential type');
    // Stryker restore all
  }
  return { ...req, url, headers };
}
