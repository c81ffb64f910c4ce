# why403: PowerShell 5.1 and 7 (curl.exe) of entry #2 (redacted): GET https://api.example.com/v1/items?api_key=${WHY403_QUERY_API_KEY}&page=3
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
# Set these first ($env:NAME = '...'), to the values of the original request:
#  WHY403_QUERY_API_KEY: query parameter value, as it appears in the URL, 19 chars
#  WHY403_AUTHORIZATION: JWT (alg RS256, kid key-2026): exp=2026-11-21T10:00:00Z, iat=2026-11-21T08:00:00Z, iss=https://login.example.com/, aud=api://items, scope=items.read; signature\u{2026}
#  WHY403_COOKIE_SESSION: cookie value, 21 chars
#  WHY403_COOKIE_CSRFTOKEN: cookie value, 17 chars
#  WHY403_X_API_KEY: API key, 21 chars
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
function Why403-Env([string]$Name) { $v = [Environment]::GetEnvironmentVariable($Name); if ($null -eq $v) { throw "Set `$env:$Name first" }; $v }
function Why403-Cfg([string]$s) { $s.Replace('\', '\\').Replace('"', '\"').Replace([string][char]9, '\t').Replace([string][char]10, '\n').Replace([string][char]13, '\r').Replace([string][char]11, '\v') }
@(
  'globoff'
  'path-as-is'
  ('url = "' + 'https://api.example.com/v1/items?api_key=' + (Why403-Cfg (Why403-Env 'WHY403_QUERY_API_KEY')) + '&page=3' + '"')
  ('header = "' + 'Authorization: Bearer ' + (Why403-Cfg (Why403-Env 'WHY403_AUTHORIZATION')) + '"')
  ('header = "' + 'Cookie: session=' + (Why403-Cfg (Why403-Env 'WHY403_COOKIE_SESSION')) + '; csrftoken=' + (Why403-Cfg (Why403-Env 'WHY403_COOKIE_CSRFTOKEN')) + '"')
  ('header = "' + 'X-Api-Key: ' + (Why403-Cfg (Why403-Env 'WHY403_X_API_KEY')) + '"')
  'header = "accept: application/json"'
  'header = "traceparent: 00-cccc-dddd-01"'
  'header = "User-Agent:"'
) | curl.exe --config -
