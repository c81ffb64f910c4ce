// why403: Node.js 18+ fetch of entry #0: GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
// Not sent: host (derived from the URL).
// Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, accept-encoding and user-agent when the request has none.
fetch("https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1", {
  method: "GET",
  headers: [
    ["accept", "application/json, text/plain, */*"],
    ["user-agent", "axios/0.27.2"],
    ["authorization", "[REDACTED]"],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
