import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';

/**
 * Everything an extension page could have persisted, as one string per place: the extension's
 * storage areas (those that exist: without the "storage" permission there are none), the
 * page's Web Storage, IndexedDB (every record), Cache Storage, cookies and the
 * declarativeNetRequest rules still installed.
 */
export function dumpExtensionPage(frame: Frame): Promise<Record<string, string>> {
  return frame.evaluate(async () => {
    const out: Record<string, string> = {};
    const g = globalThis as unknown as {
      chrome: {
        storage?: Record<string, { get(keys: null): Promise<unknown> } | undefined>;
        declarativeNetRequest?: { getSessionRules(): Promise<unknown>; getDynamicRules(): Promise<unknown> };
      };
    };
    const s = (v: unknown) => JSON.stringify(v) ?? String(v);
    out['chrome.storage'] = g.chrome.storage ? 'present' : 'absent';
    for (const area of ['local', 'sync', 'session', 'managed']) {
      const a = g.chrome.storage?.[area];
      if (a) out[`storage.${area}`] = await a.get(null).then(s, (e: unknown) => `error: ${String(e)}`);
    }
    const web = (st: Storage) =>
      s(Object.fromEntries(Array.from({ length: st.length }, (_, i) => st.key(i)!).map((k) => [k, st.getItem(k)])));
    out.localStorage = web(localStorage);
    out.sessionStorage = web(sessionStorage);
    out.cookie = document.cookie;
    const dbs = await indexedDB.databases();
    out['indexedDB.names'] = s(dbs.map((d) => d.name));
    for (const { name } of dbs) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown>((res) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => res(String(r.error));
        });
        out[`indexedDB.${name}.${store}`] = s(all);
      }
      db.close();
    }
    const cacheNames = await caches.keys();
    out['caches'] = s(cacheNames);
    for (const c of cacheNames)
      out[`caches.${c}`] = s((await (await caches.open(c)).keys()).map((r) => [r.url, [...r.headers]]));
    if (g.chrome.declarativeNetRequest) {
      out['dnr.session'] = s(await g.chrome.declarativeNetRequest.getSessionRules());
      out['dnr.dynamic'] = s(await g.chrome.declarativeNetRequest.getDynamicRules());
    }
    return out;
  });
}

/** The inspected page's own storage and the replay slots the page script parks outcomes in. */
export function dumpInspectedPage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => ({
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    replaySlots: JSON.stringify((window as unknown as { __why403Replays?: unknown }).__why403Replays ?? null),
  }));
}

/** The browser profile's directory, as chrome://version shows it. */
export async function profileDir(page: Page): Promise<string> {
  await page.goto('chrome://version');
  const path = (await page.locator('#profile_path').textContent())?.trim() ?? '';
  if (!path) throw new Error('chrome://version shows no profile path');
  return path;
}

/** Files under `dir` whose bytes contain `needle` (UTF-8 or UTF-16LE), skipping what cannot be read. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  const hits: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const items = await readdir(d, { withFileTypes: true }).catch(() => []);
    for (const item of items) {
      const path = join(d, item.name);
      if (item.isDirectory()) await walk(path);
      else if (item.isFile()) {
        const bytes = await readFile(path).catch(() => null);
        if (bytes && patterns.some((p) => bytes.includes(p))) hits.push(path);
      }
    }
  };
  await walk(dir);
  return hits;
}
