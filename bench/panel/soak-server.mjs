// The soak page (issue 19): a single-page app that polls and is refused now and then, for as
// many requests as asked and then stops. Loopback only, on an ephemeral port.
import { createServer } from 'node:http';

const PAGE = `<!doctype html><meta charset="utf-8"><title>soak</title><p id="s">soak</p><script>
const q = new URLSearchParams(location.search);
const total = Number(q.get('n') || 1000), inFlight = Number(q.get('inflight') || 6);
const soak = (window.__soak = { sent: 0, answered: 0, refused: 0, done: false });
async function worker() {
  while (soak.sent < total) {
    const i = soak.sent++;
    const r = await fetch('/api/poll?i=' + i, { cache: 'no-store', headers: { Authorization: 'Bearer soak-token' } })
      .then((res) => res.text().then(() => res.status)).catch(() => 0);
    soak.answered++;
    if (r === 403 || r === 429) soak.refused++;
  }
}
Promise.all(Array.from({ length: inFlight }, worker)).then(() => (soak.done = true));
</script>`;

/** Every 20th poll is refused (403 with a JSON reason), every 50th rate-limited (429, Retry-After). */
export function refusalOf(i) {
  if (i % 50 === 49) return 429;
  if (i % 20 === 19) return 403;
  return 200;
}

export function startSoakServer() {
  const served = { polls: 0, refused: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/api/poll') {
      const status = refusalOf(Number(url.searchParams.get('i')));
      served.polls++;
      if (status !== 200) served.refused++;
      const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' };
      if (status === 429) headers['retry-after'] = '1';
      res.writeHead(status, headers);
      res.end(
        status === 200 ? '{"ok":true,"items":[]}' : '{"error":"forbidden","message":"token lacks scope poll:read"}',
      );
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, served, stop: () => new Promise((r) => server.close(r)) });
    });
  });
}
