# why403: PowerShell 5.1 and 7 (curl.exe) of entry #0 (redacted): GET https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1
# Not sent: host (derived from the URL).
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
# Set these first ($env:NAME = '...'), to the values of the original request:
#  WHY403_AUTHORIZATION: token, 10 chars
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
function Why403-Env([string]$Name) { $v = [Environment]::GetEnvironmentVariable($Name); if ($null -eq $v) { throw "Set `$env:$Name first" }; $v }
function Why403-Cfg([string]$s) { $s.Replace('\', '\\').Replace('"', '\"').Replace([string][char]9, '\t').Replace([string][char]10, '\n').Replace([string][char]13, '\r').Replace([string][char]11, '\v') }
@(
  'globoff'
  'path-as-is'
  'url = "https://dev197215.service-now.com/api/now/table/sys_user?sysparm_limit=1"'
  'header = "accept: application/json, text/plain, */*"'
  'header = "user-agent: axios/0.27.2"'
  ('header = "' + 'authorization: ' + (Why403-Cfg (Why403-Env 'WHY403_AUTHORIZATION')) + '"')
) | curl.exe --config -
