// Issue 10: a shared artefact must be safe to paste into a public tracker. A hostile log with a
// secret in every position that has leaked (hostile-corpus.ts) goes through every artefact the
// panel and the CLI produce; no planted secret may survive in any of them, in any encoding.
import { describe, expect, it } from 'vitest';
import { diagnoseExchange, LogIndex } from '../../../lib';
import { EXPORT_FORMATS, exportEntry } from '../../../lib/export';
import { redactHar } from '../../../lib/redact';
import { buildReport, REPORT_FORMATS, renderReport } from '../../../lib/report';
import { hostileCorpus, hostileLeaks } from './hostile-corpus';

const { har, planted, quotedByEvidence } = hostileCorpus();

describe('hostile redaction corpus', () => {
  it('the corpus holds every secret, and evidence really quotes another entry (else this proves nothing)', () => {
    const raw = JSON.stringify(har);
    const decoded = [...raw.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)].map((m) =>
      Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'),
    );
    expect(hostileLeaks([raw, ...decoded].join('\n'), planted)).toHaveLength(planted.size);
    const log = new LogIndex(har);
    const plain = renderReport(
      buildReport(
        log,
        log.exchanges.map((x) => diagnoseExchange(log, x)),
        { redact: false },
      ),
      'md',
    );
    const evidence = plain.split('\n').filter((l) => l.includes('Evidence'));
    for (const s of quotedByEvidence) expect(evidence.join('\n')).toContain(s);
  });

  it.each(EXPORT_FORMATS)('%s export of every entry, redacted, knowing the log', (format) => {
    for (let i = 0; i < har.log.entries.length; i++) {
      const out = exportEntry(har.log.entries[i]!, format, { redact: true, index: i, log: har.log.entries });
      expect(hostileLeaks(out, planted), `entry ${i}`).toEqual([]);
    }
  });

  it('redacted HAR of the whole log', () => {
    expect(hostileLeaks(JSON.stringify(redactHar(har).har), planted)).toEqual([]);
  });

  it.each(REPORT_FORMATS)('report as %s: the whole log, and each entry alone (as the panel shares it)', (format) => {
    const log = new LogIndex(har);
    const all = log.exchanges.map((x) => diagnoseExchange(log, x));
    expect(hostileLeaks(renderReport(buildReport(log, all), format), planted)).toEqual([]);
    for (const d of all)
      expect(hostileLeaks(renderReport(buildReport(log, [d]), format), planted), `entry ${d.index}`).toEqual([]);
  });

  it('still runs: redacted commands use variables the user sets, not literals', () => {
    const e = har.log.entries[2]!;
    const curl = exportEntry(e, 'curl', { redact: true, log: har.log.entries });
    expect(curl).toMatch(/"\$WHY403_X_AUTHORIZATION"|\$\{?WHY403_X_AUTHORIZATION/);
    expect(curl).toContain('WHY403_AUTHENTICATION');
  });
});
