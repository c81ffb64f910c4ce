// why403: fetch() for the browser console of entry #0 (redacted): GET https://api.example.com/headers
// Run it in the DevTools console of a page on the origin that made the request: the page's origin decides CORS, as it did.
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
    ["X-Unicode", String.fromCharCode(...new TextEncoder().encode("héllo 日本 😀"))],
    ["X-Curly", String.fromCharCode(...new TextEncoder().encode("‘smart’ “quotes” ‚‛"))],
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
