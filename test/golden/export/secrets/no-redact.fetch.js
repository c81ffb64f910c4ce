// why403: fetch() for the browser console of entry #2: GET https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3
// Run it in the DevTools console of a page on the origin that made the request: the page's origin decides CORS, as it did.
// The browser sets these itself and fetch() cannot: cookie.
fetch("https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3", {
  method: "GET",
  headers: [
    ["Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0yMDI2In0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsImF1ZCI6ImFwaTovL2l0ZW1zIiwiZXhwIjoxNzk1MjU1MjAwLCJpYXQiOjE3OTUyNDgwMDAsInNjb3BlIjoiaXRlbXMucmVhZCIsInN1YiI6InVzZXItUExBTlRFRC1zdWItMTIzIiwiZW1haWwiOiJhbGljZS5wbGFudGVkQGV4YW1wbGUuY29tIiwibmFtZSI6IkFsaWNlIFBsYW50ZWRuYW1lIn0.PLANTEDsig2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBqRs_-8"],
    ["X-Api-Key", "ak_PLANTED_0123456789"],
    ["accept", "application/json"],
    ["traceparent", "00-cccc-dddd-01"],
  ],
  credentials: "include",
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
