// A preflight answered 2xx without Access-Control-Allow-Origin is flagged on the preflight as well as on the
// blocked call. Fixtures: nginx 1.22 in the lab, recorded by Chromium 156 DevTools' getHAR() (keeps preflights).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, type Har } from '../../../../lib';

const lab = (file: string): Har => JSON.parse(readFileSync(`test/fixtures/lab/${file}`, 'utf8')) as Har;

describe('a 2xx preflight without a matching ACAO', () => {
  it('is flagged itself, beside the call it blocked, and names that call', () => {
    const found = diagnose(lab('nginx/devtools-preflight-no-acao.har'));
    const preflight = found.find((d) => d.method === 'OPTIONS');
    const call = found.find((d) => d.method === 'GET' && d.url.includes('/cors-bad/'));
    expect(preflight?.status).toBe(204);
    expect(preflight?.cors).toBe(true);
    expect(preflight?.causes[0]?.id).toBe('cors.missing_allow_origin');
    expect(
      preflight?.causes[0]?.evidence.some((e) => e.name === 'blocked call' && e.detail.includes('ERR_FAILED')),
    ).toBe(true);
    expect(call?.causes[0]?.id).toBe('cors.missing_allow_origin');
  });

  it('a passing preflight and its call stay quiet', () => {
    expect(diagnose(lab('nginx/devtools-preflight-ok.har'))).toEqual([]);
  });
});
