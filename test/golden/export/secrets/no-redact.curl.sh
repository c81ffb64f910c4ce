# why403: curl for bash, zsh and dash of entry #2: GET https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3
# --globoff and --path-as-is send the URL as captured; --data-raw never reads a file; -H 'Name:' stops curl adding a header the browser did not send.
curl --globoff --path-as-is \
  --url 'https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3' \
  -H 'Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0yMDI2In0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsImF1ZCI6ImFwaTovL2l0ZW1zIiwiZXhwIjoxNzk1MjU1MjAwLCJpYXQiOjE3OTUyNDgwMDAsInNjb3BlIjoiaXRlbXMucmVhZCIsInN1YiI6InVzZXItUExBTlRFRC1zdWItMTIzIiwiZW1haWwiOiJhbGljZS5wbGFudGVkQGV4YW1wbGUuY29tIiwibmFtZSI6IkFsaWNlIFBsYW50ZWRuYW1lIn0.PLANTEDsig2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBqRs_-8' \
  -H 'Cookie: session=sess_PLANTED_77aa88bb; csrftoken=csrf_PLANTED_66bb' \
  -H 'X-Api-Key: ak_PLANTED_0123456789' \
  -H 'accept: application/json' \
  -H 'traceparent: 00-cccc-dddd-01' \
  -H 'User-Agent:'
