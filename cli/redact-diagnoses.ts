import { type EntryDiagnosis, type Har, learnEntries, sealDeep, Vault, redactingDisplay } from '../lib';

/**
 * Diagnose output lands in CI logs and annotations, which are often public: URLs lose their
 * secret query parameters and user info, and free text (titles, evidence, fixes) is swept for
 * every secret of the log, through one vault so one secret has one placeholder everywhere.
 * Learn, then seal (lib/redact): the vault learns the whole log first (evidence may quote any
 * entry), and every string of the results is sealed last, so every format (text, JSON, JUnit,
 * GitHub annotations) prints only sealed text.
 */
export function redactDiagnoses(har: Har, results: EntryDiagnosis[]): EntryDiagnosis[] {
  const vault = new Vault();
  learnEntries(har.log.entries, vault);
  const show = redactingDisplay(vault);
  const shown = results.map((d) => ({
    ...d,
    url: show.url(d.url),
    causes: d.causes.map((c) => ({
      ...c,
      title: show.text(c.title),
      summary: show.text(c.summary),
      evidence: c.evidence.map((e) => ({ ...e, detail: show.text(e.detail) })),
      fixes: c.fixes.map((f) => show.text(f)),
    })),
  }));
  return sealDeep(shown, vault);
}
