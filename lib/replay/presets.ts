import type { CauseId } from '../core/causes';
import type { ReplayAuth, ReplayMode, ReplayRequest } from './types';

export interface EditorState {
  req: ReplayRequest;
  auth: ReplayAuth;
  mode: ReplayMode;
}

export interface Preset {
  id: string;
  label: string;
  apply(s: EditorState): EditorState;
}

/**
 * "Bearer Bearer x", '"x"', " x\n", " Bearer x" typed into the token field: the token alone. One
 * cleaner for a custom Authorization and a bearer token: the bearer field once kept a leading
 * space before a repeated scheme, and the replay sent "Bearer Bearer x".
 */
function bareToken(value: string): string {
  return (
    value
      .replace(/^\s*(bearer\s+)+/i, '')
      .trim()
      // A b64token (RFC 6750 §2.1) holds no quote: every quote is one the client added.
      .replace(/["']/g, '')
  );
}

function fixAuthorization(s: EditorState): EditorState {
  const auth = { ...s.auth };
  if (auth.type === 'custom' && auth.customName.toLowerCase() === 'authorization') {
    const token = bareToken(auth.customValue);
    return { ...s, auth: { ...auth, type: 'bearer', token, customName: '', customValue: '' } };
  }
  if (auth.type === 'bearer') return { ...s, auth: { ...auth, token: bareToken(auth.token) } };
  return s;
}

/** One-click edits that the diagnosis suggests, offered in the replay editor. */
export function presetsFor(causes: readonly CauseId[]): Preset[] {
  const out: Preset[] = [];
  if (causes.includes('auth.malformed')) {
    out.push({
      id: 'fix-authorization',
      label: 'Replay with a clean Authorization header (one scheme, no quotes or whitespace)',
      apply: fixAuthorization,
    });
  }
  if (causes.includes('api_key.missing') || causes.includes('api_key.invalid')) {
    out.push({
      id: 'api-key-header',
      label: 'Send the key in the x-api-key header',
      apply: (st) => ({
        ...st,
        auth: { ...st.auth, type: 'api-key', keyIn: 'header', keyName: st.auth.keyName || 'x-api-key' },
      }),
    });
  }
  if (causes.includes('auth.token_expired') || causes.includes('auth.invalid') || causes.includes('auth.missing')) {
    out.push({
      id: 'bearer',
      label: 'Paste a fresh bearer token',
      apply: (st) => ({ ...st, auth: { ...st.auth, type: st.auth.type === 'basic' ? 'basic' : 'bearer' } }),
    });
  }
  if (causes.some((c) => c.startsWith('cors.'))) {
    out.push({
      id: 'direct',
      label: "Send directly from Why403 (no CORS): see the server's own answer",
      apply: (st) => ({ ...st, mode: 'direct' }),
    });
  }
  if (causes.includes('auth.cookie_not_sent')) {
    out.push({
      id: 'cookie',
      label: 'Send the session cookie directly',
      apply: (st) => ({ ...st, mode: 'direct', auth: { ...st.auth, type: 'cookie' } }),
    });
  }
  return out;
}
