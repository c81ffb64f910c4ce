# why403: HTTPie 3+ for bash, zsh and dash of entry #0 (redacted): GET https://api.example.com/headers
# Every argument after -- is METHOD, URL or a header item, never an option; --ignore-netrc adds no login.
# HTTPie always sends User-Agent and Accept-Encoding, its own when the request had none.
http \
  --ignore-stdin \
  --ignore-netrc \
  --path-as-is \
  -- \
  GET \
  'https://api.example.com/headers' \
  'X-Single:it'\''s' \
  'X-Double:say "hi" ""' \
  'X-Dollar:$HOME ${PATH} $(id) $$' \
  'X-Backtick:`id` ``' \
  'X-Bang:!! !$ !-1 hi!' \
  'X-Percent:%PATH% %% 100% %1 %~dp0 %=%' \
  'X-Caret:^^ ^& a^' \
  'X-Ops:a & b | c < d > e (f) ; g' \
  'X-Backslash-End:C:\dir\' \
  'X-Backslash-Quote:a\"b\\"c' \
  'X-Unicode:héllo 日本 😀' \
  'X-Curly:‘smart’ “quotes” ‚‛' \
  'X-Empty;' \
  'X-Semicolon:a; b=c' \
  'X-At:\@/etc/passwd' \
  'X-Eq:\=1' \
  'X-Lt:</etc/passwd' \
  'x-lower:lower case name' \
  'X-Tab:a	b' \
  'X-Hash:#not-a-comment' \
  'X-Brace:{a,b} [c] *' \
  'X-Newline-Escape:\n \r \t \v' \
  'X-Long-Spaces:a    b' \
  'Accept:' \
  'Accept-Encoding:' \
  'Connection:'
