# why403: PowerShell 5.1 and 7 (curl.exe) of entry #0: GET https://api.example.com/headers
# Runs curl.exe (part of Windows 10 1803+ and 11) with its options as a curl config on standard input:
# PowerShell 5.1 strips double quotes from native arguments and Invoke-WebRequest rewrites headers; a config keeps every byte.
$OutputEncoding = [System.Text.UTF8Encoding]::new($false)
@(
  'globoff'
  'path-as-is'
  'url = "https://api.example.com/headers"'
  'header = "X-Single: it''s"'
  'header = "X-Double: say \"hi\" \"\""'
  'header = "X-Dollar: $HOME ${PATH} $(id) $$"'
  'header = "X-Backtick: `id` ``"'
  'header = "X-Bang: !! !$ !-1 hi!"'
  'header = "X-Percent: %PATH% %% 100% %1 %~dp0 %=%"'
  'header = "X-Caret: ^^ ^& a^"'
  'header = "X-Ops: a & b | c < d > e (f) ; g"'
  'header = "X-Backslash-End: C:\\dir\\"'
  'header = "X-Backslash-Quote: a\\\"b\\\\\"c"'
  ('header = "X-Unicode: h' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('w6k=')) + 'llo ' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('5pel5pys')) + ' ' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('8J+YgA==')) + '"')
  ('header = "X-Curly: ' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('4oCY')) + 'smart' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('4oCZ')) + ' ' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('4oCc')) + 'quotes' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('4oCd')) + ' ' + [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('4oCa4oCb')) + '"')
  'header = "X-Empty;"'
  'header = "X-Semicolon: a; b=c"'
  'header = "X-At: @/etc/passwd"'
  'header = "X-Eq: =1"'
  'header = "X-Lt: </etc/passwd"'
  'header = "x-lower: lower case name"'
  'header = "X-Tab: a\tb"'
  'header = "X-Hash: #not-a-comment"'
  'header = "X-Brace: {a,b} [c] *"'
  'header = "X-Newline-Escape: \\n \\r \\t \\v"'
  'header = "X-Long-Spaces: a    b"'
  'header = "User-Agent:"'
  'header = "Accept:"'
) | curl.exe --config -
