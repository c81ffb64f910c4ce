// Generates a realistic, deterministic HAR for benchmarks: mostly successful API and asset
// traffic, with refusals of every common kind mixed in, bodies up to 64 KB.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (a) => a[Math.floor(rand() * a.length)];
const hosts = [
  'https://api.example.com',
  'https://cdn.example.com',
  'https://auth.example.org',
  'https://www.example.com',
];
const paths = [
  '/v1/items',
  '/v1/users/42',
  '/graphql',
  '/static/app.js',
  '/img/logo.png',
  '/v2/orders?page=3',
  '/api/session',
];
const jwt = (exp) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify({ sub: 'u1', exp, iat: exp - 3600, scope: 'read:items' })]
    .map((s) => Buffer.from(s).toString('base64url'))
    .join('.') + '.sig';

const baseReq = (url) => [
  { name: 'Accept', value: 'application/json' },
  { name: 'Accept-Language', value: 'en-US,en;q=0.9' },
  { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0.0.0 Safari/537.36' },
  { name: 'Referer', value: 'https://www.example.com/app' },
  { name: 'Sec-Fetch-Mode', value: 'cors' },
  { name: 'Sec-Fetch-Site', value: url.startsWith('https://www.') ? 'same-origin' : 'same-site' },
  { name: 'Origin', value: 'https://www.example.com' },
];
const baseRes = (date) => [
  { name: 'Date', value: date },
  { name: 'Server', value: pick(['nginx', 'cloudflare', 'AmazonS3', 'envoy']) },
  { name: 'Cache-Control', value: 'no-store' },
  { name: 'X-Request-Id', value: Math.floor(rand() * 1e12).toString(16) },
];
function jsonBody(max) {
  const n = Math.floor(rand() * max);
  const items = [];
  let size = 2;
  while (size < n) {
    const item = { id: items.length, name: `item ${items.length}`, tags: ['a', 'b'], price: rand() * 100 };
    size += JSON.stringify(item).length + 1;
    items.push(item);
  }
  return JSON.stringify({ items });
}

const refusals = [
  (d) => ({
    status: 401,
    headers: [
      { name: 'WWW-Authenticate', value: 'Bearer error="invalid_token", error_description="The access token expired"' },
    ],
    body: '{"error":"invalid_token"}',
    auth: `Bearer ${jwt(Math.floor(Date.parse(d) / 1000) - 7200)}`,
  }),
  () => ({
    status: 403,
    headers: [{ name: 'x-amzn-ErrorType', value: 'ForbiddenException' }],
    body: '{"message":"Forbidden"}',
    key: 'abcd1234abcd1234',
  }),
  () => ({
    status: 403,
    headers: [
      { name: 'X-RateLimit-Remaining', value: '0' },
      { name: 'X-RateLimit-Reset', value: '1795000000' },
    ],
    body: '{"message":"API rate limit exceeded for 10.0.0.1."}',
  }),
  () => ({ status: 429, headers: [{ name: 'Retry-After', value: '30' }], body: '{"error":"Too Many Requests"}' }),
  () => ({
    status: 403,
    headers: [{ name: 'cf-ray', value: '8a1b2c3d4e5f6789-FRA' }],
    mime: 'text/html',
    body: '<!DOCTYPE html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1><p>Error 1020</p>'.padEnd(
      6000,
      ' ',
    ),
  }),
  () => ({ status: 403, headers: [], body: '{"detail":"Authentication credentials were not provided."}' }),
  () => ({ status: 419, headers: [], body: '{"message":"CSRF token mismatch."}' }),
  () => ({
    status: 400,
    headers: [],
    body:
      '{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status' +
      '":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","rea' +
      'son":"API_KEY_INVALID","domain":"googleapis.com"}]}}',
  }),
  () => ({ status: 200, cors: true, headers: [], body: undefined }),
];

export function generateHar(count) {
  const entries = [];
  const t0 = Date.UTC(2026, 10, 21, 12, 0, 0);
  for (let i = 0; i < count; i++) {
    const started = new Date(t0 + i * 150);
    const date = started.toUTCString();
    const url = pick(hosts) + pick(paths);
    const reqHeaders = baseReq(url);
    const resHeaders = baseRes(date);
    let status = 200;
    let body;
    let mime = 'application/json';
    let error = null;
    let encoding;
    const roll = rand();
    if (roll < 0.12) {
      const r = pick(refusals)(date);
      status = r.status;
      resHeaders.push(...r.headers);
      body = r.body;
      mime = r.mime ?? mime;
      if (r.auth) reqHeaders.push({ name: 'Authorization', value: r.auth });
      if (r.key) reqHeaders.push({ name: 'x-api-key', value: r.key });
      if (r.cors) error = 'net::ERR_FAILED';
    } else if (roll < 0.17) {
      status = pick([404, 500, 304, 302]);
      body = status === 404 ? '<html><body><h1>404 Not Found</h1><hr><center>nginx</center></body></html>' : '';
      mime = 'text/html';
    } else if (roll < 0.25) {
      mime = 'image/png';
      encoding = 'base64';
      body = Buffer.alloc(Math.floor(rand() * 48000), 7).toString('base64');
    } else {
      reqHeaders.push({ name: 'Authorization', value: `Bearer ${jwt(Math.floor(t0 / 1000) + 3600)}` });
      resHeaders.push(
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Access-Control-Allow-Origin', value: 'https://www.example.com' },
      );
      body = jsonBody(rand() < 0.05 ? 64 * 1024 : 4096);
    }
    entries.push({
      startedDateTime: started.toISOString(),
      time: 20 + rand() * 200,
      _resourceType: 'fetch',
      request: {
        method: pick(['GET', 'GET', 'GET', 'POST']),
        url,
        httpVersion: 'HTTP/2',
        headers: reqHeaders,
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/2',
        headers: resHeaders,
        cookies: [],
        content: {
          size: body?.length ?? 0,
          mimeType: mime,
          ...(body !== undefined ? { text: body } : {}),
          ...(encoding ? { encoding } : {}),
        },
        redirectURL: '',
        headersSize: -1,
        bodySize: body?.length ?? 0,
        _error: error,
      },
      cache: {},
      timings: { send: 1, wait: 20, receive: 5 },
    });
  }
  return { log: { version: '1.2', creator: { name: 'why403-bench', version: '1' }, pages: [], entries } };
}
