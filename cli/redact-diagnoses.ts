import { type EntryDiagnosis, type Har, type HarEntry, redactEntries, Vault, redactingDisplay } from '../lib';

/**
 * Diagnose output lands in CI logs and annotations, which are often public: URLs lose their
 * secret query parameters and user info, and free text (titles, evidence, fixes) is swept for
 * every secret of the entries it speaks about (the entry, its preflight, the last success it
 * was compared with), through one vault so one secret has one placeholder everywhere.
 */
export function redactDiagnoses(har: Har, results: EntryDiagnosis[]): EntryDiagnosis[] {
  const vault = new Vault();
  const entries = har.log.entries;
  const seen = new Set<number>();
  for (const d of results) {
    if (d.causes.length === 0) continue;
    for (const i of [d.index, d.preflightIndex, d.lastSuccessIndex]) if (i !== undefined) seen.add(i);
  }
  redactEntries(
    [...seen].map((i) => entries[i]).filter((e): e is HarEntry => e !== undefined),
    vault,
  );
  const show = redactingDisplay(vault);
  return results.map((d) => ({
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
}
