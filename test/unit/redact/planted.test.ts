// The redaction engine on a corpus with secrets planted in every place they occur: none
// may appear in any redacted export format, the redacted HAR, or any report format.
import { describe, expect, it } from 'vitest';
import { diagnoseExchange, LogIndex } from '../../../lib';
import { decodeJwt } from '../../../lib/inspect/jwt';
import { EXPORT_FORMATS, exportEntry } from '../../../lib/export';
import { redactHar, Vault } from '../../../lib/redact';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { leaks, loadPlanted } from './planted';

const { har, planted } = loadPlanted();

describe('planted secrets never leave redacted', () => {
  it('the corpus really holds every planted secret (the test would prove nothing otherwise)', () => {
    const text = JSON.stringify(har);
    // JWT claims and Basic passwords sit base64-encoded in the HAR; decode every such run.
    const decoded = [...text.matchAll(/[A-Za-z0-9+/_-]{12,}={0,2}/g)].map((m) =>
      Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1'),
    );
    expect(leaks([text, ...decoded].join('\n'), planted)).toEqual(planted);
  });

  it.each(EXPORT_FORMATS.flatMap((f) => har.log.entries.map((_, i) => [f, i] as const)))(
    '%s export of entry %i',
    (format, i) => {
      const out = exportEntry(har.log.entries[i]!, format, { redact: true, index: i });
      expect(leaks(out, planted)).toEqual([]);
    },
  );

  it('redacted HAR, and it still diagnoses: JWTs keep exp/aud/scope, lose signature and personal claims', () => {
    const { har: red, secrets } = redactHar(har);
    const text = JSON.stringify(red);
    expect(leaks(text, planted)).toEqual([]);
    const auth = red.log.entries[2]!.request.headers.find((h) => h.name === 'Authorization')!.value;
    const d = decodeJwt(auth.replace(/^Bearer /, ''));
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.jwt.exp).toBe(1795255200);
      expect(d.jwt.aud).toEqual(['api://items']);
      expect(d.jwt.claims).not.toHaveProperty('email');
      expect(d.jwt.claims).not.toHaveProperty('sub');
    }
    expect(secrets.length).toBeGreaterThan(10);
    expect(red.log.comment).toMatch(/WHY403_AUTHORIZATION/);
  });

  it.each(REPORT_FORMATS)('report as %s, every entry', (format) => {
    const log = new LogIndex(har);
    const report = buildReport(
      log,
      log.exchanges.map((x) => diagnoseExchange(log, x)),
    );
    const out = renderReport(report, format);
    expect(leaks(out, planted)).toEqual([]);
  });

  it('the same secret gets the same placeholder across a report; different tokens differ', () => {
    const log = new LogIndex(har);
    const report = buildReport(log, [diagnoseExchange(log, log.at(2)!)]);
    const e = report.entries[0]!;
    const header = (name: string) => e.exchange.requestHeaders.find((h) => h.name.toLowerCase() === name)!.value;
    expect(header('cookie')).toMatch(/^session=\$\{WHY403_COOKIE_SESSION\}; csrftoken=\$\{WHY403_COOKIE_CSRFTOKEN\}$/);
    expect(e.comparison?.successIndex).toBe(1);
    expect(e.comparison?.same.join('\n')).toMatch(
      /cookie session: the same value in both \(\$\{WHY403_COOKIE_SESSION\}\)/,
    );
    expect(e.comparison?.same.join('\n')).toMatch(/X-Api-Key: the same credential/i);
    const auth = e.comparison?.items.find((d) => d.area === 'auth');
    expect(auth?.failing).not.toBe(auth?.success);
    expect(auth?.detail).toMatch(/exp: 2026-11-21T13:00:00Z \(worked\) → 2026-11-21T10:00:00Z \(failed\)/);
    expect(e.curl).toContain('"$WHY403_COOKIE_SESSION"');
    expect(report.secrets.map((s) => s.name)).toContain('WHY403_COOKIE_SESSION');
  });

  it('a shared vault keeps one name per secret across artefacts', () => {
    const vault = new Vault();
    const a = exportEntry(har.log.entries[1]!, 'curl', { redact: true, vault });
    const b = exportEntry(har.log.entries[10]!, 'node', { redact: true, vault });
    const key = vault.list().find((s) => s.places.some((p) => /X-Api-Key/i.test(p)))!.name;
    expect(a).toContain(`"$${key}"`);
    expect(b).toContain(`env("${key}")`);
  });
});
