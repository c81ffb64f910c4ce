// Records a Playwright browser context's traffic as HAR entries, shaped as Chromium's DevTools
// writes them (the engine's best-known shape): real request and response headers, the status,
// `_error` for a request the browser failed ("net::ERR_FAILED" is how Chromium reports a CORS
// block), `_resourceType`. Bodies are read only where a refusal may hide in them (4xx, block
// pages, GraphQL/JSON POSTs: the engine's own `bodyMayFlag`), so a suite whose calls succeed
// pays for headers only.
import type { BrowserContext, Request, Response } from '@playwright/test';
import { bodyMayFlag, toExchange, type Har, type HarEntry, type HarNameValue } from '../lib';

/** The most of one body kept: the engine reads no more than this for a diagnosis. */
const BODY_CAP = 256 * 1024;

export class Recorder {
  /** One slot per request, in the order the page started them; filled when it ends. */
  private readonly slots: (HarEntry | null)[] = [];
  private readonly index = new Map<Request, number>();
  private readonly pending = new Set<Promise<void>>();

  constructor(context: BrowserContext) {
    context.on('request', (r) => {
      this.index.set(r, this.slots.push(null) - 1);
    });
    context.on('requestfinished', (r) => this.track(this.finish(r, null)));
    context.on('requestfailed', (r) => this.track(this.finish(r, r.failure()?.errorText ?? 'failed')));
  }

  /** Every entry recorded so far, after the reads under way have ended. */
  async har(): Promise<Har> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    const entries = this.slots.filter((e): e is HarEntry => e !== null);
    return { log: { version: '1.2', creator: { name: 'why403/playwright', version: '1' }, entries } };
  }

  private track(p: Promise<void>): void {
    const done = p.catch(() => undefined).finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  private async finish(request: Request, failure: string | null): Promise<void> {
    const slot = this.index.get(request);
    if (slot === undefined) return;
    this.index.delete(request);
    const response = failure === null ? await request.response() : await request.response().catch(() => null);
    const entry = await toEntry(request, response, failure);
    if (response && failure === null && mayHoldRefusal(entry)) await readBody(response, entry);
    this.slots[slot] = entry;
  }
}

function mayHoldRefusal(entry: HarEntry): boolean {
  return bodyMayFlag(toExchange(entry, 0));
}

async function readBody(response: Response, entry: HarEntry): Promise<void> {
  try {
    const body = await response.body();
    const text = body.subarray(0, BODY_CAP).toString('utf8');
    entry.response.content = { ...entry.response.content, size: body.length, text };
  } catch {
    // A redirect or an evicted body has nothing to read: the headers still diagnose.
  }
}

async function headers(list: Promise<{ name: string; value: string }[]>): Promise<HarNameValue[]> {
  return (await list.catch(() => [])).map(({ name, value }) => ({ name, value }));
}

async function toEntry(request: Request, response: Response | null, failure: string | null): Promise<HarEntry> {
  const url = request.url();
  let queryString: HarNameValue[] = [];
  try {
    queryString = [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    // not a URL with a query: none
  }
  const requestHeaders = await headers(request.headersArray());
  const responseHeaders = response ? await headers(response.headersArray()) : [];
  const postData = request.postData();
  const contentType = (list: HarNameValue[]) => list.find((h) => h.name.toLowerCase() === 'content-type')?.value ?? '';
  const started = request.timing().startTime;
  return {
    startedDateTime: new Date(Number.isFinite(started) && started > 0 ? started : Date.now()).toISOString(),
    time: 0,
    _resourceType: request.resourceType(),
    request: {
      method: request.method(),
      url,
      httpVersion: 'HTTP/1.1',
      headers: requestHeaders,
      queryString,
      cookies: [],
      headersSize: -1,
      bodySize: postData?.length ?? 0,
      ...(postData !== null ? { postData: { mimeType: contentType(requestHeaders), text: postData } } : {}),
    },
    response: {
      status: response?.status() ?? 0,
      statusText: response?.statusText() ?? '',
      httpVersion: 'HTTP/1.1',
      headers: responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: contentType(responseHeaders) },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      // Chromium's own words ("net::ERR_FAILED" for CORS) are what the engine reads; another
      // browser's failure text is not a verdict it knows, so it is left out, as Firefox's HAR does.
      _error: failure !== null && failure.startsWith('net::') ? failure : null,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
  } as HarEntry;
}
