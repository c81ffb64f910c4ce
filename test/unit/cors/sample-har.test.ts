import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose, parseHar } from '../../../lib';

// A real capture: Chromium 156, page on 127.0.0.1:8133 calling 127.0.0.1:8134 (README beside it).
// A copy of shared/samples/chrome156-devtools-gethar.har: a real getHAR() capture.
const har = parseHar(readFileSync(new URL('../../fixtures/har/chrome156-cors.har', import.meta.url), 'utf8'));
const all = diagnose(har, { all: true });
const at = (i: number) => all.find((d) => d.index === i)!;
const ids = (i: number) => at(i).causes.map((c) => c.id);

describe('chrome156-devtools-gethar.har', () => {
  it('entry 0: a same-origin 403 gets no CORS cause', () => {
    expect(at(0).flagged).toBe(true);
    expect(ids(0).some((id) => id.startsWith('cors.'))).toBe(false);
  });

  it('entry 1: simple GET without ACAO, real status 200 kept', () => {
    expect(at(1).status).toBe(200);
    expect(at(1).cors).toBe(true);
    expect(ids(1)[0]).toBe('cors.missing_allow_origin');
    const c = at(1).causes[0]!;
    expect(c.confidence).toBeGreaterThanOrEqual(0.9);
    expect(c.evidence.map((e) => e.detail)).toContain('Origin: http://127.0.0.1:8133');
    expect(c.fixes.join(' ')).toContain('Access-Control-Allow-Origin: http://127.0.0.1:8133');
  });

  it('entry 3: PUT whose preflight (entry 2) passed, response lacked ACAO', () => {
    expect(at(3).preflightIndex).toBe(2);
    expect(ids(3)[0]).toBe('cors.missing_allow_origin');
    const details = at(3).causes[0]!.evidence.map((e) => e.detail);
    expect(details).toContain('Access-Control-Allow-Origin: (absent)');
    expect(details.some((d) => d.includes('→ 204'))).toBe(true);
  });

  it('entry 4: DELETE with status 0, preflight (entry 5) answered 405 without ACAO', () => {
    expect(at(4).status).toBe(0);
    expect(at(4).preflightIndex).toBe(5);
    expect(ids(4)[0]).toBe('cors.missing_allow_origin');
    const c = at(4).causes[0]!;
    const details = c.evidence.map((e) => e.detail).join('\n');
    expect(details).toContain('405');
    expect(details).toContain('entry #5');
    expect(details).toContain('Access-Control-Request-Method: DELETE');
    expect(details).toContain('Access-Control-Request-Headers: x-custom');
    expect(c.summary).toMatch(/preflight/i);
    expect(c.fixes.join(' ')).toContain('Access-Control-Allow-Methods: DELETE');
    expect(c.fixes.join(' ')).toContain('Access-Control-Allow-Headers: x-custom');
  });

  it('entry 6: an allowed cross-origin call is not flagged', () => {
    expect(at(6).flagged).toBe(false);
    expect(diagnose(har).map((d) => d.index)).not.toContain(6);
  });
});
