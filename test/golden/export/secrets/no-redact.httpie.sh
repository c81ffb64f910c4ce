# why403: HTTPie 3+ for bash, zsh and dash of entry #2: GET https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
# HTTPie always sends User-Agent and Accept-Encoding, its own when the request had none.
http \
  --ignore-stdin \
  --ignore-netrc \
  --path-as-is \
  -- \
  GET \
  'https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3' \
  'Authorization:Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0yMDI2In0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsImF1ZCI6ImFwaTovL2l0ZW1zIiwiZXhwIjoxNzk1MjU1MjAwLCJpYXQiOjE3OTUyNDgwMDAsInNjb3BlIjoiaXRlbXMucmVhZCIsInN1YiI6InVzZXItUExBTlRFRC1zdWItMTIzIiwiZW1haWwiOiJhbGljZS5wbGFudGVkQGV4YW1wbGUuY29tIiwibmFtZSI6IkFsaWNlIFBsYW50ZWRuYW1lIn0.PLANTEDsig2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBqRs_-8' \
  'Cookie:session=sess_PLANTED_77aa88bb; csrftoken=csrf_PLANTED_66bb' \
  'X-Api-Key:ak_PLANTED_0123456789' \
  'accept:application/json' \
  'traceparent:00-cccc-dddd-01' \
  'Accept-Encoding:' \
  'Connection:'
