# why403: curl for bash, zsh and dash of entry #0 (redacted): GET https://api.example.com/headers
# --globoff and --path-as-is send the URL as captured; --data-raw never reads a file; -H 'Name:' stops curl adding a header the browser did not send.
curl --globoff --path-as-is \
  --url 'https://api.example.com/headers' \
  -H 'X-Single: it'\''s' \
  -H 'X-Double: say "hi" ""' \
  -H 'X-Dollar: $HOME ${PATH} $(id) $$' \
  -H 'X-Backtick: `id` ``' \
  -H 'X-Bang: !! !$ !-1 hi!' \
  -H 'X-Percent: %PATH% %% 100% %1 %~dp0 %=%' \
  -H 'X-Caret: ^^ ^& a^' \
  -H 'X-Ops: a & b | c < d > e (f) ; g' \
  -H 'X-Backslash-End: C:\dir\' \
  -H 'X-Backslash-Quote: a\"b\\"c' \
  -H 'X-Unicode: héllo 日本 😀' \
  -H 'X-Curly: ‘smart’ “quotes” ‚‛' \
  -H 'X-Empty;' \
  -H 'X-Semicolon: a; b=c' \
  -H 'X-At: @/etc/passwd' \
  -H 'X-Eq: =1' \
  -H 'X-Lt: </etc/passwd' \
  -H 'x-lower: lower case name' \
  -H 'X-Tab: a	b' \
  -H 'X-Hash: #not-a-comment' \
  -H 'X-Brace: {a,b} [c] *' \
  -H 'X-Newline-Escape: \n \r \t \v' \
  -H 'X-Long-Spaces: a    b' \
  -H 'User-Agent:' \
  -H 'Accept:'
