REM why403: curl.exe for Windows cmd.exe of entry #0: GET http://127.0.0.1:8133/api/forbidden
REM Not sent: Connection (hop-by-hop, belongs to the browser's connection); Host (derived from the URL).
curl.exe --globoff --path-as-is ^
  --url ^"http://127.0.0.1:8133/api/forbidden^" ^
  -H ^"Accept: */*^" ^
  -H ^"Accept-Encoding: gzip, deflate, br, zstd^" ^
  -H ^"Accept-Language: en-US,en;q=0.9^" ^
  -H ^"Authorization: Bearer page-token^" ^
  -H ^"Referer: http://127.0.0.1:8133/^" ^
  -H ^"Sec-Fetch-Dest: empty^" ^
  -H ^"Sec-Fetch-Mode: cors^" ^
  -H ^"Sec-Fetch-Site: same-origin^" ^
  -H ^"User-Agent: Mozilla/5.0 ^(X11; Linux x86_64^) AppleWebKit/537.36 ^(KHTML, like Gecko^) HeadlessChrome/156.0.0.0 Safari/537.36^" ^
  -H ^"sec-ch-ua: \^"Not:A-Brand\^";v=\^"8\^", \^"Chromium\^";v=\^"156\^"^" ^
  -H ^"sec-ch-ua-mobile: ?0^" ^
  -H ^"sec-ch-ua-platform: \^"Linux\^"^"
