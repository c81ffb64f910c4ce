# why403: PowerShell 5.1 and 7 (curl.exe) of entry #0: GET http://127.0.0.1:8133/api/forbidden
# Not sent: Connection (hop-by-hop, belongs to the browser's connection); Host (derived from the URL).
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
@(
  'globoff'
  'path-as-is'
  'url = "http://127.0.0.1:8133/api/forbidden"'
  'header = "Accept: */*"'
  'header = "Accept-Encoding: gzip, deflate, br, zstd"'
  'header = "Accept-Language: en-US,en;q=0.9"'
  'header = "Authorization: Bearer page-token"'
  'header = "Referer: http://127.0.0.1:8133/"'
  'header = "Sec-Fetch-Dest: empty"'
  'header = "Sec-Fetch-Mode: cors"'
  'header = "Sec-Fetch-Site: same-origin"'
  'header = "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"'
  'header = "sec-ch-ua: \"Not:A-Brand\";v=\"8\", \"Chromium\";v=\"156\""'
  'header = "sec-ch-ua-mobile: ?0"'
  'header = "sec-ch-ua-platform: \"Linux\""'
) | curl.exe --config -
