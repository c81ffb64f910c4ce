// why403: fetch() for the browser console of entry #0 (redacted): GET http://127.0.0.1:8133/api/forbidden
// Not sent: Connection (hop-by-hop, belongs to the browser's connection); Host (derived from the URL).
// Run it in the DevTools console of a page on http://127.0.0.1:8133: the page's origin decides CORS, as it did.
// The browser sets these itself and fetch() cannot: accept-encoding, referer, sec-fetch-dest, sec-fetch-mode, sec-fetch-site, user-agent, sec-ch-ua, sec-ch-ua-mobile, sec-ch-ua-platform.
// Fill in these placeholders first, with the values of the original request:
//  WHY403_AUTHORIZATION: token, 10 chars
const WHY403_AUTHORIZATION = "<WHY403_AUTHORIZATION>";
for (const [name, value] of Object.entries({ WHY403_AUTHORIZATION })) if (value === `<${name}>`) throw new Error(`fill in ${name} first`);
fetch("http://127.0.0.1:8133/api/forbidden", {
  method: "GET",
  headers: [
    ["Accept", "*/*"],
    ["Accept-Language", "en-US,en;q=0.9"],
    ["Authorization", "Bearer " + WHY403_AUTHORIZATION],
  ],
  referrer: "http://127.0.0.1:8133/",
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
