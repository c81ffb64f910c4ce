# why403: PowerShell 5.1 and 7 (curl.exe) of entry #2: GET https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
@(
  'globoff'
  'path-as-is'
  'url = "https://api.example.com/v1/items?api_key=qk_PLANTED_abcdef12&page=3"'
  'header = "Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImtleS0yMDI2In0.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUuY29tLyIsImF1ZCI6ImFwaTovL2l0ZW1zIiwiZXhwIjoxNzk1MjU1MjAwLCJpYXQiOjE3OTUyNDgwMDAsInNjb3BlIjoiaXRlbXMucmVhZCIsInN1YiI6InVzZXItUExBTlRFRC1zdWItMTIzIiwiZW1haWwiOiJhbGljZS5wbGFudGVkQGV4YW1wbGUuY29tIiwibmFtZSI6IkFsaWNlIFBsYW50ZWRuYW1lIn0.PLANTEDsig2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBqRs_-8"'
  'header = "Cookie: session=sess_PLANTED_77aa88bb; csrftoken=csrf_PLANTED_66bb"'
  'header = "X-Api-Key: ak_PLANTED_0123456789"'
  'header = "accept: application/json"'
  'header = "traceparent: 00-cccc-dddd-01"'
  'header = "User-Agent:"'
) | curl.exe --config -
