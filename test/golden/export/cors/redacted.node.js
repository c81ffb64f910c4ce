// why403: Node.js 18+ fetch of entry #0 (redacted): GET http://127.0.0.1:8133/api/forbidden
// Not sent: Connection (hop-by-hop, belongs to the browser's connection); Host (derived from the URL).
// Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, accept-encoding and user-agent when the request has none.
// Set these environment variables first, to the values of the original request:
//  WHY403_AUTHORIZATION: token, 10 chars
const env = (name) => { const v = process.env[name]; if (v === undefined) throw new Error(`set ${name} first`); return v; };
fetch("http://127.0.0.1:8133/api/forbidden", {
  method: "GET",
  headers: [
    ["Accept", "*/*"],
    ["Accept-Encoding", "gzip, deflate, br, zstd"],
    ["Accept-Language", "en-US,en;q=0.9"],
    ["Authorization", "Bearer " + env("WHY403_AUTHORIZATION")],
    ["Referer", "http://127.0.0.1:8133/"],
    ["Sec-Fetch-Dest", "empty"],
    ["Sec-Fetch-Mode", "cors"],
    ["Sec-Fetch-Site", "same-origin"],
    ["User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"],
    ["sec-ch-ua", "\"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\""],
    ["sec-ch-ua-mobile", "?0"],
    ["sec-ch-ua-platform", "\"Linux\""],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
