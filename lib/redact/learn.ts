import type { HarEntry } from '../har/types';
import { discoverEntry } from './har';
import { Vault, type SecretHint } from './vault';

// An artefact about one request must not leak a secret from another (the cookie an earlier
// call set, the token a login response returned, quoted by evidence or echoed in a body): the
// artefact's vault first learns every secret of the whole log. What an entry holds is found
// once and cached; the cache is checked against the entry's size, because the panel fills a
// response body in after the entry first arrives.

interface Learned {
  size: number;
  secrets: { value: string; hint: SecretHint }[];
}

const cache = new WeakMap<HarEntry, Learned>();

function sizeOf(e: HarEntry): number {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : 0);
  return (
    len(e.request?.url) +
    len(e.request?.postData?.text) +
    len(e.response?.content?.text) +
    (e.request?.headers?.length ?? 0) +
    (e.response?.headers?.length ?? 0)
  );
}

/** Teaches `vault` every secret of `entries`, in order (earlier entries name theirs first). */
export function learnEntries(entries: readonly HarEntry[], vault: Vault): void {
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const size = sizeOf(e);
    let learned = cache.get(e);
    if (!learned || learned.size !== size) {
      const own = new Vault();
      try {
        discoverEntry(e, own);
      } catch {
        // A malformed entry teaches nothing; its own artefact says so when it is rendered.
      }
      learned = { size, secrets: own.learned() };
      cache.set(e, learned);
    }
    for (const { value, hint } of learned.secrets) vault.secret(value, hint);
  }
}
