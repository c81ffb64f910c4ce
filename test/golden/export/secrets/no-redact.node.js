// why403: Node.js 18+ fetch of entry #2: GET https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3
// Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, accept-encoding and user-agent when the request has none.
fetch("https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3", {
  method: "GET",
  headers: [
    ["Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0yMDI2In0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsImF1ZCI6ImFwaTovL2l0ZW1zIiwiZXhwIjoxNzk1MjU1MjAwLCJpYXQiOjE3OTUyNDgwMDAsInNjb3BlIjoiaXRlbXMucmVhZCIsInN1YiI6InVzZXItUExBTlRFRC1zdWItMTIzIiwiZW1haWwiOiJhbGljZS5wbGFudGVkQGV4YW1wbGUuY29tIiwibmFtZSI6IkFsaWNlIFBsYW50ZWRuYW1lIn0.PLANTEDsig2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBqRs_-8"],
    ["Cookie", "session=sess_PLANTED_77aa88bb; csrftoken=csrf_PLANTED_66bb"],
    ["X-Api-Key", "ak_PLANTED_0123456789"],
    ["accept", "application/json"],
    ["traceparent", "00-cccc-dddd-01"],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
