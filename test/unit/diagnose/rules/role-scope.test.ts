// "Insufficient scope" to a caller that sent no token (lib/diagnose/rules/stated-reason.ts): scopes belong
// to tokens, so to a Basic or cookie caller the word names a role. Fixtures: the lab's hapi and oidc-provider.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;
const at = (har: Har, index: number) => diagnose(har, { all: true }).find((d) => d.index === index)!;

describe('"scope" said to a caller without a token', () => {
  it('is a role its account lacks when it sent Basic credentials (hapi route scope)', () => {
    const d = at(lab('hapi/scope-forbidden.har'), 0);
    expect(d.causes[0]?.id).toBe('permission.denied');
    expect(d.causes[0]?.summary).toMatch(/role of its account/);
  });

  it('stays an OAuth scope at a token endpoint, where Basic is the client authenticating', () => {
    expect(at(lab('oidc/scope-not-allowed.har'), 0).causes[0]?.id).toBe('permission.insufficient_scope');
  });
});
