import { base64ToBytes, utf8OrLatin1 } from '../model/base64';
import { hasControl, maskSecret } from './mask';
import { placeholderOf, tokenKindOf } from './token-kind';

/** What a Basic credential says, minus the password: only its length is kept. */
export interface BasicReading {
  user: string;
  /** The user for display: masked when it is itself a key (Stripe sends `sk_live_…:` as the user). */
  shownUser: string;
  passwordLength: number;
  /** Why the value cannot be read as `base64(user:password)`, if so. */
  problem?: string;
  /** "undefined", "null"… sent as the user or the password. */
  placeholder?: string;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeLatin1OrUtf8(b64: string): string | null {
  const bytes = base64ToBytes(b64);
  return bytes ? utf8OrLatin1(bytes) : null;
}

/** A user name that looks like a key or token rather than a person or account name. */
export function looksSecret(user: string): boolean {
  if (tokenKindOf(user)) return true;
  return user.length >= 20 && /\d/.test(user) && /[A-Za-z]/.test(user) && !/[@.\s]/.test(user);
}

function reading(user: string, passwordLength: number, extra: Partial<BasicReading> = {}): BasicReading {
  return { user, shownUser: looksSecret(user) ? maskSecret(user) : user, passwordLength, ...extra };
}

/** Reads the credentials part of `Basic <credentials>` (RFC 7617). Never throws. */
export function readBasic(credentials: string): BasicReading {
  const value = credentials.trim();
  if (value === '') return reading('', 0, { problem: 'the Basic value is empty' });
  if (!B64.test(value)) {
    if (value.includes(':') && !/\s/.test(value)) {
      const colon = value.indexOf(':');
      return reading(value.slice(0, colon), value.length - colon - 1, {
        problem: 'user:password was sent as plain text: Basic needs it base64-encoded',
      });
    }
    const url = /[-_]/.test(value) && /^[A-Za-z0-9_-]+=*$/.test(value);
    return reading('', 0, {
      problem: url
        ? 'the Basic value is base64url, not standard base64 (+ and / became - and _)'
        : 'the Basic value is not base64',
    });
  }
  const text = decodeLatin1OrUtf8(value.length % 4 === 0 ? value : value + '='.repeat((4 - (value.length % 4)) % 4));
  if (text === null) return reading('', 0, { problem: 'the Basic value is not valid base64' });
  const colon = text.indexOf(':');
  if (colon === -1) {
    return reading('', 0, { problem: 'the decoded Basic value has no ":" between user and password' });
  }
  const user = text.slice(0, colon);
  const password = text.slice(colon + 1);
  const r = reading(user, password.length);
  const placeholder = placeholderOf(user) ?? placeholderOf(password);
  if (placeholder) r.placeholder = placeholder;
  if (hasControl(text)) r.problem = 'the decoded Basic value contains control characters (a newline encoded with it?)';
  return r;
}
