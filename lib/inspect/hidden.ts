import { anyOf } from '../core/any-of';
import { stringifiedOf } from './token-kind';

/**
 * Recorders and people hide credentials before they share a capture: "[REDACTED]", "Bearer ****",
 * "<redacted>", "xxx", "${TOKEN}", "{{token}}", "[FILTERED]", "sk-…abcd". Such a value is not
 * what the client sent, so it is neither a malformed credential nor proof of a missing one. The
 * test is on shape, not a list of strings: a real credential is a long run of token characters,
 * while a mask is made of mask characters, a bracketed or templated word, or a word that says
 * it was hidden.
 */

// A word saying the value was hidden, alone or with a name around it: "REDACTED", "[FILTERED]",
// "***REDACTED***", "<hidden>", "token-removed", "SANITIZED_VALUE".
const HIDING_WORD =
  /^[^A-Za-z0-9]*(?:[A-Za-z]+[-_ ]){0,2}(?:redact\w*|filtered|hidden|masked|removed|omitted|saniti[sz]ed|scrubbed|censored|elided|obfuscated|anonymi[sz]ed|placeholder|stripped|snip(?:ped)?)(?:[-_ ][A-Za-z]+){0,2}[^A-Za-z0-9]*$/i;
// Only mask characters: "****", "xxx", "XXXXXXXX", "•••", "###", "...", "…".
const ALL_MASK = /^[*•·xX#.…_-]+$/;
// A token with a masked middle or end: "eyJhbGci…", "sk-****1234", "abc***", "ya29.xxxxx".
const PARTLY_MASKED = /\*{3,}|•{2,}|…|\.{3,}|x{5,}|X{5,}/;
// Templates and bracketed names: ${TOKEN}, $TOKEN, {{token}}, {token}, %TOKEN%, <token>, [token], (token).
const TEMPLATE =
  /^(?:\$\{[^{}]{1,60}\}|\$[A-Za-z_][A-Za-z0-9_]{0,60}|\{\{?[^{}]{1,60}\}?\}|%[A-Za-z_][\w]{0,60}%|<[^<>]{1,60}>|\[[^[\]]{1,60}\]|\([^()]{1,60}\))$/;
// "YOUR_TOKEN", "my-api-key-here", "ACCESS_TOKEN", "API_KEY": a name left where the value goes, as a
// person writes it (a possessive or "here") or as an environment variable's name (upper case).
// A lower-case word such as "page-token", "dev-token" or "test-key" is a real, if silly,
// credential a test sends: the server read it and refused it, so it is not hidden (issue 17).
const NAME_NOT_VALUE = anyOf(
  /^(?:your|my|insert|put|enter)[-_ ]?(?:[a-z]+[-_ ])?(?:api[-_ ]?)?(?:key|token|secret|password|jwt|credentials?)(?:[-_ ]?(?:here|goes[-_ ]?here|value))?$/,
  /^(?:[a-z]+[-_ ])?(?:api[-_ ]?)?(?:key|token|secret|password|jwt|credentials?)[-_ ]?(?:here|goes[-_ ]?here)$/,
  'i',
);
const ENV_NAME = /^(?:[A-Z][A-Z0-9]*_)*(?:API_?)?(?:KEY|TOKEN|SECRET|PASSWORD|JWT|CREDENTIALS?)$/;

/**
 * The placeholder a capture shows instead of a credential, or null when the value looks real.
 * `value` is the credential part (after any scheme).
 */
export function hiddenValueOf(value: string): string | null {
  const v = value.trim();
  if (v === '' || v.length > 80 || stringifiedOf(v)) return null;
  if (v.length >= 3 && ALL_MASK.test(v) && /[*•·xX#…]/.test(v) && !/^[xX]{1,2}$/.test(v)) return v;
  if (TEMPLATE.test(v)) return v;
  if (NAME_NOT_VALUE.test(v) || ENV_NAME.test(v)) return v;
  if (PARTLY_MASKED.test(v)) return v;
  if (HIDING_WORD.test(v)) return v;
  return null;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9_-]{0,20})[ \t]+(\S[\s\S]*)$/;

/** The same for a whole header value, with or without a scheme ("Bearer ****", "[REDACTED]"). */
export function hiddenHeaderValueOf(value: string): string | null {
  const v = value.trim();
  const whole = hiddenValueOf(v);
  if (whole) return whole;
  const m = SCHEME.exec(v);
  return m ? hiddenValueOf(m[2]!) : null;
}
