// why403: Node.js 18+ fetch of entry #2 (redacted): GET https://api.example.com/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=3
// Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, accept-encoding and user-agent when the request has none.
// Set these environment variables first, to the values of the original request:
//  WHY403_QUERY_API_KEY: query parameter value, as it appears in the URL, 19 chars
//  WHY403_AUTHORIZATION: JWT (alg RS256, kid key-2026): exp=2026-11-21T10:00:00Z, iat=2026-11-21T08:00:00Z, iss=https://login.example.com/, aud=api://items, scope=items.read; signature…
//  WHY403_COOKIE_SESSION: cookie value, 21 chars
//  WHY403_COOKIE_CSRFTOKEN: cookie value, 17 chars
//  WHY403_X_API_KEY: API key, 21 chars
const env = (name) => { const v = process.env[name]; if (v === undefined) throw new Error(`set ${name} first`); return v; };
fetch("https://api.example.com/v1/items?api_key=" + env("WHY403_QUERY_API_KEY") + "&page=3", {
  method: "GET",
  headers: [
    ["Authorization", "Bearer " + env("WHY403_AUTHORIZATION")],
    ["Cookie", "session=" + env("WHY403_COOKIE_SESSION") + "; csrftoken=" + env("WHY403_COOKIE_CSRFTOKEN")],
    ["X-Api-Key", env("WHY403_X_API_KEY")],
    ["accept", "application/json"],
    ["traceparent", "00-cccc-dddd-01"],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
