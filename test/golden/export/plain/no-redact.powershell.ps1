# why403: PowerShell 5.1 and 7 (curl.exe) of entry #0: GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
# Not sent: host (derived from the URL).
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
@(
  'globoff'
  'path-as-is'
  'url = "https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1"'
  'header = "accept: application/json, text/plain, */*"'
  'header = "user-agent: axios/0.27.2"'
  'header = "authorization: [REDACTED]"'
) | curl.exe --config -
