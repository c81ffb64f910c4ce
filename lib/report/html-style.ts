// Inline, self-contained: no fonts, images or scripts to fetch, readable on screen and paper.
export const STYLE = `
:root { color-scheme: light; }
body {
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem;
}
h1 { font-size: 1.6rem; }
h2 { font-size: 1.25rem; border-top: 2px solid #d0d7de; padding-top: 1rem; margin-top: 2.5rem; word-break: break-all; }
h3 { font-size: 1.05rem; margin-top: 1.5rem; }
pre {
  background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem;
  white-space: pre-wrap; word-break: break-all; font: 12px/1.45 ui-monospace, "SFMono-Regular", Consolas, monospace;
}
code { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; word-break: break-all; }
th { background: #f6f8fa; }
.cause { border-left: 4px solid #cf222e; padding: .25rem .75rem; margin: .75rem 0; background: #fff8f8; }
.id { color: #57606a; font-size: .9em; }
.note { background: #fff8c5; border: 1px solid #d4a72c; padding: .5rem .75rem; border-radius: 6px; }
.muted { color: #57606a; }
.why { font-size: 1.05rem; font-weight: 600; margin: .5rem 0 1rem; }
h2.summary { border-top: none; margin-top: 1.5rem; }
table.summary td { word-break: normal; white-space: nowrap; }
table.summary th { word-break: normal; white-space: nowrap; }
table.summary td:nth-child(3) { word-break: break-all; white-space: normal; min-width: 16rem; }
a { color: #0969da; }
@media print { body { margin: 0; max-width: none; } h2 { break-before: page; } pre, table, .cause { break-inside: avoid; } }
`;
