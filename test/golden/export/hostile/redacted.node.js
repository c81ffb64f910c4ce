// why403: Node.js 18+ fetch of entry #0 (redacted): GET https://api.example.com/headers
// Save as request.js and run `node request.js`. Node adds accept-language, sec-fetch-mode, accept-encoding and user-agent when the request has none.
fetch("https://api.example.com/headers", {
  method: "GET",
  headers: [
    ["X-Single", "it's"],
    ["X-Double", "say \"hi\" \"\""],
    ["X-Dollar", "$HOME ${PATH} $(id) $$"],
    ["X-Backtick", "`id` ``"],
    ["X-Bang", "!! !$ !-1 hi!"],
    ["X-Percent", "%PATH% %% 100% %1 %~dp0 %=%"],
    ["X-Caret", "^^ ^& a^"],
    ["X-Ops", "a & b | c < d > e (f) ; g"],
    ["X-Backslash-End", "C:\\dir\\"],
    ["X-Backslash-Quote", "a\\\"b\\\\\"c"],
    ["X-Unicode", Buffer.from("héllo 日本 😀", "utf8").toString("latin1")],
    ["X-Curly", Buffer.from("‘smart’ “quotes” ‚‛", "utf8").toString("latin1")],
    ["X-Empty", ""],
    ["X-Semicolon", "a; b=c"],
    ["X-At", "@/etc/passwd"],
    ["X-Eq", "=1"],
    ["X-Lt", "</etc/passwd"],
    ["x-lower", "lower case name"],
    ["X-Tab", "a\tb"],
    ["X-Hash", "#not-a-comment"],
    ["X-Brace", "{a,b} [c] *"],
    ["X-Newline-Escape", "\\n \\r \\t \\v"],
    ["X-Long-Spaces", "a    b"],
  ],
}).then(async (res) => {
  console.log(res.status, res.statusText);
  for (const [name, value] of res.headers) console.log(`${name}: ${value}`);
  console.log(await res.text());
});
