// why403: fetch() for the browser console of entry #0 (redacted): GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
// Not sent: host (derived from the URL).
// Run it in the DevTools console of a page on the origin that made the request: the page's origin decides CORS, as it did.
// The browser sets these itself and fetch() cannot: user-agent.
// Fill in these placeholders first, with the values of the original request:
//  WHY403_AUTHORIZATION: token, 10 chars
const WHY403_AUTHORIZATION = "<WHY403_AUTHORIZATION>";
for (const [name, value] of Object.entries({ WHY403_AUTHORIZATION })) if (value === `<${name}>`) throw new Error(`fill in ${name} first`);
fetch("https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1", {
  method: "GET",
  headers: [
    ["accept", "application/json, text/plain, */*"],
    ["authorization", WHY403_AUTHORIZATION],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
