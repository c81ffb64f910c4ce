REM why403: curl.exe for Windows cmd.exe of entry #0: GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
REM Not sent: host (derived from the URL).
curl.exe --globoff --path-as-is ^
  --url ^"https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1^" ^
  -H ^"accept: application/json, text/plain, */*^" ^
  -H ^"user-agent: axios/0.27.2^" ^
  -H ^"authorization: [REDACTED]^"
