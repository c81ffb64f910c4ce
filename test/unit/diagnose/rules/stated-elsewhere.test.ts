// Refusals a real server states in its own way (lab recordings, test/fixtures/lab/README.md): Apollo Server's CSRF
// prevention as 400, tinyproxy's IP allow-list page and its 401 for a wrong proxy password.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';

const entry = (file: string, index = 0) =>
  diagnose(JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har, { all: true }).find(
    (d) => d.index === index,
  )!;

describe('refusals stated in another status or by a proxy page', () => {
  it.each(['apollo/csrf-prevention-get.har', 'apollo/csrf-prevention-form.har'])(
    "%s: Apollo's CSRF prevention 400 is csrf.invalid",
    (file) => {
      const d = entry(file);
      expect(d.status).toBe(400);
      expect(d.flagged).toBe(true);
      expect(d.causes[0]?.id).toBe('csrf.invalid');
    },
  );

  it("Apollo's ordinary validation 400 (GRAPHQL_VALIDATION_FAILED) stays quiet", () => {
    expect(entry('apollo/lookalike-validation.har').flagged).toBe(false);
  });

  it("tinyproxy's allow-list page is ip.blocked", () => {
    expect(entry('tinyproxy-acl/ip-allow-list.har').causes[0]?.id).toBe('ip.blocked');
  });

  it('tinyproxy: 401 for a wrong proxy password is auth.invalid, 407 without one is auth.missing', () => {
    expect(entry('tinyproxy-auth/proxy-auth-wrong.har').causes[0]?.id).toBe('auth.invalid');
    expect(entry('tinyproxy-auth/proxy-auth-none.har').causes[0]?.id).toBe('auth.missing');
  });
});
