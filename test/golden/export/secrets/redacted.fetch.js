// why403: fetch() for the browser console of entry #2 (redacted): GET https://api.example.com/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=3
// Run it in the DevTools console of a page on the origin that made the request: the page's origin decides CORS, as it did.
// The browser sets these itself and fetch() cannot: cookie.
// Fill in these placeholders first, with the values of the original request:
//  WHY403_QUERY_API_KEY: query parameter value, as it appears in the URL, 19 chars
//  WHY403_AUTHORIZATION: JWT (alg RS256, kid key-2026): exp=2026-11-21T10:00:00Z, iat=2026-11-21T08:00:00Z, iss=https://login.example.com/, aud=api://items, scope=items.read; signature…
//  WHY403_COOKIE_SESSION: cookie value, 21 chars
//  WHY403_COOKIE_CSRFTOKEN: cookie value, 17 chars
//  WHY403_X_API_KEY: API key, 21 chars
const WHY403_QUERY_API_KEY = "<WHY403_QUERY_API_KEY>";
const WHY403_AUTHORIZATION = "<WHY403_AUTHORIZATION>";
const WHY403_COOKIE_SESSION = "<WHY403_COOKIE_SESSION>";
const WHY403_COOKIE_CSRFTOKEN = "<WHY403_COOKIE_CSRFTOKEN>";
const WHY403_X_API_KEY = "<WHY403_X_API_KEY>";
for (const [name, value] of Object.entries({ WHY403_QUERY_API_KEY, WHY403_AUTHORIZATION, WHY403_COOKIE_SESSION, WHY403_COOKIE_CSRFTOKEN, WHY403_X_API_KEY })) if (value === `<${name}>`) throw new Error(`fill in ${name} first`);
fetch("https://api.example.com/v1/items?api_key=" + WHY403_QUERY_API_KEY + "&page=3", {
  method: "GET",
  headers: [
    ["Authorization", "Bearer " + WHY403_AUTHORIZATION],
    ["X-Api-Key", WHY403_X_API_KEY],
    ["accept", "application/json"],
    ["traceparent", "00-cccc-dddd-01"],
  ],
  credentials: "include",
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
