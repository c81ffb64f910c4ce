import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../../../lib';
import { makeHar } from '../../../../support/har';

const entry = { url: 'https://api.example.com/v2/runs', status: 401, body: '{"error":"Unauthorized"}' };

describe('captures a test recorder scrubbed', () => {
  it('reads a 401 without credentials in a Polly.JS file as a refused credential, not a missing one', () => {
    const har = makeHar([entry]);
    har.log.creator = { name: 'Polly.JS', version: '6.0.6' };
    const d = diagnose(har)[0]!;
    expect(d.causes[0]!.id).toBe('auth.invalid');
    expect(d.causes.map((c) => c.id)).toContain('auth.missing');
  });

  it('keeps "none sent" for a browser capture, and when the recorder kept a credential elsewhere', () => {
    expect(diagnose(makeHar([entry]))[0]!.causes[0]!.id).toBe('auth.missing');
    const har = makeHar([{ ...entry, status: 200, requestHeaders: { Authorization: 'Bearer [REDACTED]' } }, entry]);
    har.log.creator = { name: 'Polly.JS', version: '6.0.6' };
    expect(diagnose(har)[0]!.causes[0]!.id).toBe('auth.missing');
  });
});
