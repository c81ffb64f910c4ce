// What a capture shows instead of a credential (lib/inspect/hidden.ts), at the edges of the shapes:
// a mask is made of mask characters (not of dashes alone), at least three of them, and a value
// longer than 80 characters is a real token, whatever it contains. The masks are the ones
// recorders and people write: Chrome's "Copy as HAR (sanitized)" leaves nothing, Charles and Fiddler
// users write "****", Sentry scrubs to "[Filtered]" (https://docs.sentry.io/security-legal-pii/scrubbing/server-side-scrubbing/),
// Rails filter_parameters to "[FILTERED]" (https://guides.rubyonrails.org/configuring.html#config-filter-parameters).
import { describe, expect, it } from 'vitest';
import { hiddenHeaderValueOf, hiddenValueOf } from '../../../lib/inspect/hidden';

describe('hiddenValueOf', () => {
  it('three mask characters or more are a mask; two, or a run of dashes, are not', () => {
    expect(hiddenValueOf('***')).toBe('***');
    expect(hiddenValueOf('XXX')).toBe('XXX');
    expect(hiddenValueOf('•••')).toBe('•••');
    expect(hiddenValueOf('###')).toBe('###');
    expect(hiddenValueOf('**')).toBeNull();
    expect(hiddenValueOf('xx')).toBeNull();
    expect(hiddenValueOf('X')).toBeNull();
    expect(hiddenValueOf('---')).toBeNull();
    expect(hiddenValueOf('___')).toBeNull();
  });

  it('is read trimmed, and up to 80 characters: a longer value is a real token', () => {
    expect(hiddenValueOf('  [FILTERED]  ')).toBe('[FILTERED]');
    expect(hiddenValueOf('*'.repeat(80))).toBe('*'.repeat(80));
    expect(hiddenValueOf('*'.repeat(81))).toBeNull();
    expect(hiddenValueOf('')).toBeNull();
    expect(hiddenValueOf('   ')).toBeNull();
  });

  it('a stringified nothing ("undefined") is another fault than a mask', () => {
    expect(hiddenValueOf('undefined')).toBeNull();
    expect(hiddenValueOf('null')).toBeNull();
  });

  it('reads templates, names left for the value, partial masks and hiding words', () => {
    expect(hiddenValueOf('${API_TOKEN}')).toBe('${API_TOKEN}');
    expect(hiddenValueOf('YOUR_API_KEY')).toBe('YOUR_API_KEY');
    expect(hiddenValueOf('ACCESS_TOKEN')).toBe('ACCESS_TOKEN');
    expect(hiddenValueOf('sk-****abcd')).toBe('sk-****abcd');
    expect(hiddenValueOf('[Filtered]')).toBe('[Filtered]');
    expect(hiddenValueOf('token-removed')).toBe('token-removed');
    // A real, if short, token a test sent is not hidden.
    expect(hiddenValueOf('dev-token')).toBeNull();
    expect(hiddenValueOf('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl')).toBeNull();
  });
});

describe('hiddenHeaderValueOf', () => {
  it('reads the value whole, or after its scheme', () => {
    expect(hiddenHeaderValueOf('[REDACTED]')).toBe('[REDACTED]');
    expect(hiddenHeaderValueOf(' Bearer [REDACTED] ')).toBe('[REDACTED]');
    expect(hiddenHeaderValueOf('Basic\t<credentials>')).toBe('<credentials>');
    expect(hiddenHeaderValueOf('Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl')).toBeNull();
    expect(hiddenHeaderValueOf('Bearer')).toBeNull();
  });
});
