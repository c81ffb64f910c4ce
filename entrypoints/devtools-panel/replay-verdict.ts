import { netErrorBlocks } from '../../lib';

interface HarLike {
  startedDateTime?: string;
  _resourceType?: string;
  request?: { url?: string; method?: string };
  response?: { _error?: string | null };
}

/**
 * A page's fetch gets the same TypeError ("Failed to fetch") for a CORS block and for a server
 * it could not reach. DevTools recorded the replay like any request, with Chrome's own error
 * (net::ERR_FAILED for CORS, net::ERR_CONNECTION_REFUSED…): read it back from the capture.
 * Returns null when no such record turns up. `getHar` is the adapter's devtools.network.getHAR.
 */
export async function recordedNetError(
  getHar: () => Promise<unknown[]>,
  url: string,
  method: string,
  sinceMs: number,
): Promise<string | null> {
  let target: string;
  try {
    const u = new URL(url);
    u.hash = '';
    target = u.href;
  } catch {
    return null;
  }
  // DevTools records the failure within a few ms of the rejection; allow some slack.
  for (let attempt = 0; attempt < 5; attempt++) {
    const entries = (await getHar().catch(() => [])) as HarLike[];
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (e?.request?.url !== target || e.request.method !== method || e._resourceType === 'preflight') continue;
      if (!(Date.parse(e.startedDateTime ?? '') >= sinceMs - 1000)) continue;
      const error = e.response?._error;
      if (typeof error === 'string' && error) return error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** The engine's reading of Chrome's error words, exclusions included (lib/diagnose/flag.ts). */
export const isCorsLikeError = netErrorBlocks;
