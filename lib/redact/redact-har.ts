// Redacting whole entries and logs: the vault learns first (learn.ts: known places through
// har.ts's renderEntry, then the decoding closure over every string), then each entry renders.
// Apart from har.ts so learning (which renders) and redacting (which learns) form no cycle.
import type { Har, HarEntry } from '../har/types';
import { renderEntry, walk } from './har';
import { learnEntries } from './learn';
import type { Text } from './pieces';
import { sealDeep } from './seal';
import { renderDoc } from './spell';
import { Vault, type SecretInfo } from './vault';

/**
 * Redacts entries against one vault, which first learns every secret of them (learn.ts: known
 * places, then the decoding closure over every string), then renders; the caller seals.
 */
export function redactEntries(entries: HarEntry[], vault: Vault): HarEntry[] {
  const render = (t: Text) => renderDoc(t, vault, true);
  learnEntries(entries, vault);
  return entries.map((e) => renderEntry(e, vault, render));
}

export function redactEntry(entry: HarEntry, vault: Vault = new Vault()): HarEntry {
  return redactEntries([entry], vault)[0]!;
}

export function secretsComment(secrets: SecretInfo[]): string {
  if (secrets.length === 0) return 'Redacted by why403: no secrets found.';
  return (
    `Redacted by why403: secrets replaced by placeholders (JWTs keep their diagnostic claims, ` +
    `not their signature). ${secrets.map((s) => `${s.name}: ${s.note}`).join('; ')}`
  );
}

/** A HAR with every secret replaced; same secret, same placeholder across all entries. */
export function redactHar(har: Har, vault: Vault = new Vault()): { har: Har; secrets: SecretInfo[] } {
  const entries = redactEntries(har.log.entries, vault);
  const { entries: _drop, ...rest } = har.log;
  const log = walk(rest, vault, (t) => renderDoc(t, vault, true)) as Omit<Har['log'], 'entries'>;
  const secrets = vault.list();
  return { har: sealDeep({ log: { ...log, entries, comment: secretsComment(secrets) } }, vault), secrets };
}
