import { diagnose } from '../../lib';
import { makeHar, type EntrySpec } from './har';

/**
 * The diagnosis of the last entry of a HAR made from `entries`, every entry diagnosed (`all`), as a
 * recorder named `creator` wrote it (the lab's sets are recorded by Playwright, and some readings
 * depend on the writer). Shared by the lab sets' behaviour tests.
 */
export function lastDiagnosis(entries: EntrySpec[], creator = 'Playwright') {
  const har = makeHar(entries);
  har.log.creator = { name: creator, version: '1' };
  const ds = diagnose(har, { all: true });
  return ds[ds.length - 1]!;
}
