// The parts of a report the golden files do not reach, in Markdown and HTML, for real logs
// diagnosed and built as the CLI does: an entry with no cause, a comparison that found the same
// credential and set headers aside as noise, a header the working call did not send, a preflight
// block, a status-less entry in the summary, a report with no source and one with nothing flagged.
// Markdown is read back with markdown-it (CommonMark), as an issue tracker would.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseExchange, LogIndex } from '../../../lib';
import { VERSION } from '../../../lib/core/version';
import { buildReport, renderHtml, renderMarkdown } from '../../../lib/report';
import { makeHar } from '../../support/har';

const api = 'https://api.example.com/v1/items';

/** A call that worked, then the same call refused: same token, new User-Agent and request id, one header added. */
const pair = makeHar([
  {
    url: api,
    status: 200,
    requestHeaders: { Authorization: 'Bearer Tok-Same-123456', 'User-Agent': 'UA/1', 'X-Request-Id': 'r1' },
  },
  {
    url: api,
    status: 403,
    requestHeaders: {
      Authorization: 'Bearer Tok-Same-123456',
      'User-Agent': 'UA/2',
      'X-Request-Id': 'r2',
      'X-Debug': '1',
    },
  },
]);
const pairLog = new LogIndex(pair);
// Built in each test, not when the file loads: the mutation run counts what a test runs.
const refused = () => buildReport(pairLog, diagnose(pair));

/** A PUT blocked by CORS after a preflight that allowed the origin but not the method. */
const cors = makeHar([
  {
    method: 'OPTIONS',
    url: `${api}/9`,
    status: 204,
    requestHeaders: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PUT' },
    responseHeaders: { 'Access-Control-Allow-Origin': 'https://app.example.com' },
  },
  {
    method: 'PUT',
    url: `${api}/9`,
    status: 0,
    error: 'net::ERR_FAILED',
    requestHeaders: { Origin: 'https://app.example.com', 'Content-Type': 'application/json' },
    requestBody: '{}',
  },
  { url: api, status: 401, requestHeaders: { Authorization: 'Bearer Tok-Bad-654321' } },
]);
const corsReport = () => buildReport(new LogIndex(cors), diagnose(cors));

const md = new MarkdownIt();
/** Markdown rendered as an issue tracker would, for structural checks. */
const asHtml = (s: string) => md.render(s);

describe('a comparison that found no difference but noise and the same credential', () => {
  const comparison = () => refused().entries[0]!.comparison!;
  it('is what the comparison found (the premise of the checks below)', () => {
    expect(comparison().same).toEqual(['Authorization: the same credential in both (Bearer ${WHY403_AUTHORIZATION})']);
    expect(comparison().ignored).toEqual(['User-Agent', 'X-Request-Id']);
    expect(comparison().items.map((d) => [d.name, d.change, d.success, d.failing])).toEqual([
      ['X-Debug', 'added', null, '1'],
    ]);
  });

  it('Markdown: a dash where the working call had no such header, the same credential listed, the noise in a paragraph of its own', () => {
    const text = renderMarkdown(refused());
    expect(text).toContain('| header `X-Debug` | added | — | `1` |');
    const html = asHtml(text);
    expect(html).toContain('<li>Authorization: the same credential in both (Bearer ${WHY403_AUTHORIZATION})</li>');
    // After a table, a line with no blank line before it would be read as one more row.
    expect(html).toContain('<p>Set aside as noise: <code>User-Agent</code>, <code>X-Request-Id</code>.</p>');
    expect(html).not.toMatch(/<td>[^<]*Set aside/);
  });

  it('HTML: the same, each name separated', () => {
    const html = renderHtml(refused());
    expect(html).toContain('<tr><td>header X-Debug</td><td>added</td><td>—</td><td>1</td></tr>');
    expect(html).toContain(
      '<ul><li>Authorization: the same credential in both (Bearer ${WHY403_AUTHORIZATION})</li></ul>',
    );
    expect(html).toContain('<p class="muted">Set aside as noise: User-Agent, X-Request-Id.</p>');
  });

  it('without the added header: says there is no difference', () => {
    const har = makeHar([
      { url: api, status: 200, requestHeaders: { Authorization: 'Bearer Tok-Same-123456', 'User-Agent': 'UA/1' } },
      { url: api, status: 403, requestHeaders: { Authorization: 'Bearer Tok-Same-123456', 'User-Agent': 'UA/2' } },
    ]);
    const r = buildReport(new LogIndex(har), diagnose(har));
    expect(r.entries[0]!.comparison!.items).toEqual([]);
    expect(renderMarkdown(r)).toContain(
      '\nNo difference once noise is set aside: the same request worked before, so look at what changed on the server side or in time.\n',
    );
    expect(renderHtml(r)).toContain('<p>No difference once noise is set aside: the same request worked before.</p>');
  });
});

describe('an entry reported with no cause (not flagged)', () => {
  const r = () => buildReport(pairLog, [diagnoseExchange(pairLog, pairLog.at(0)!)]);
  it('says so in place of the causes', () => {
    expect(r().entries[0]!.causes).toEqual([]);
    expect(renderMarkdown(r())).toContain('### Causes\n\nNo cause: this entry is not flagged as refused.\n');
    expect(renderHtml(r())).toContain('<h3>Causes</h3><p>No cause: this entry is not flagged as refused.</p>');
  });
});

describe('the preflight block', () => {
  const put = () => corsReport().entries.find((e) => e.exchange.method === 'PUT')!;
  it('is the OPTIONS request, a blank line, then its response', () => {
    expect(put().preflight?.method).toBe('OPTIONS');
    const block =
      'OPTIONS /v1/items/9 HTTP/1.1\n(host: api.example.com)\nOrigin: https://app.example.com\n' +
      'Access-Control-Request-Method: PUT\n\nHTTP/1.1 204\nAccess-Control-Allow-Origin: https://app.example.com\n\n' +
      '(body not captured)';
    expect(renderMarkdown(corsReport())).toContain(`### Preflight\n\n\`\`\`http\n${block}\n\`\`\`\n`);
    expect(renderHtml(corsReport())).toContain(`<h3>Preflight</h3><pre>${block}</pre>`);
  });
});

describe('the summary table', () => {
  it('gives a status-less (CORS-blocked) entry a dash, and a numbered one its status', () => {
    const text = renderMarkdown(corsReport());
    expect(text).toMatch(
      /^\| 1 \| `PUT https:\/\/api\.example\.com\/v1\/items\/9` \| — \| `cors\.[a-z_]+` \| \d+% \|$/m,
    );
    expect(text).toMatch(/^\| 2 \| `GET https:\/\/api\.example\.com\/v1\/items` \| 401 \| `[a-z_.]+` \| \d+% \|$/m);
    const html = renderHtml(corsReport());
    expect(html).toMatch(/<td>PUT<\/td><td><a href="#entry-1">[^<]*<\/a><\/td><td>—<\/td>/);
    expect(html).toMatch(/<td>GET<\/td><td><a href="#entry-2">[^<]*<\/a><\/td><td>401<\/td>/);
  });

  it('is left out in Markdown for a single entry', () => {
    expect(renderMarkdown(refused())).not.toContain('## Summary');
  });
});

describe('the head of a report', () => {
  it('without a source or time, names only the version and the counts', () => {
    const line = `Made by why403 ${VERSION}. 1 of 2 entries flagged; 1 reported here.`;
    expect(renderMarkdown(refused()).split('\n')[2]).toBe(line);
    expect(renderHtml(refused())).toContain(`<p class="muted">${line}</p>`);
  });

  it('with both, names them in that order', () => {
    const r = buildReport(pairLog, diagnose(pair), { source: 'capture.har', generatedAt: '2026-12-05T10:00:00Z' });
    expect(renderMarkdown(r).split('\n')[2]).toBe(
      `Made by why403 ${VERSION} from \`capture.har\` on 2026-12-05T10:00:00Z. 1 of 2 entries flagged; 1 reported here.`,
    );
    expect(renderHtml(r)).toContain(
      `<p class="muted">Made by why403 ${VERSION} from capture.har on 2026-12-05T10:00:00Z. 1 of 2 entries flagged; 1 reported here.</p>`,
    );
  });
});

describe('a log with nothing flagged', () => {
  const r = () => buildReport(new LogIndex(makeHar([{ url: api, status: 200 }])), []);
  const banner =
    'Secrets are replaced by placeholders such as ${WHY403_AUTHORIZATION}: the same secret has the same ' +
    'placeholder throughout. JWTs keep only their diagnostic claims.';
  it('Markdown: the head and one sentence, nothing else', () => {
    expect(renderMarkdown(r())).toBe(
      `# Why403 report\n\nMade by why403 ${VERSION}. 0 of 1 entries flagged; 0 reported here.\n\n` +
        `${banner.replace('${WHY403_AUTHORIZATION}', '`${WHY403_AUTHORIZATION}`')}\n\n` +
        'Nothing in this log was flagged as refused.\n',
    );
  });

  it('HTML: the same, with no summary table and no section', () => {
    const html = renderHtml(r());
    expect(html.slice(html.indexOf('<body>'))).toBe(
      '<body>\n<h1>Why403 report</h1>\n' +
        `<p class="muted">Made by why403 ${VERSION}. 0 of 1 entries flagged; 0 reported here.</p>\n` +
        `<p class="note">${banner}</p>\n\n\n` +
        '<p>Nothing in this log was flagged as refused.</p>\n\n</body>\n</html>\n',
    );
  });
});

describe('two entries, one not flagged', () => {
  const har = makeHar([
    { url: api, status: 200, requestHeaders: { 'X-Tenant': 'a' } },
    { url: api, status: 403, statusText: 'Forbidden', requestHeaders: { 'X-Tenant': 'b' } },
  ]);
  const log = new LogIndex(har);
  const r = () =>
    buildReport(
      log,
      log.exchanges.map((x) => diagnoseExchange(log, x)),
    );
  const text = () => renderMarkdown(r());

  it('Markdown: a summary table from two entries on, a dash for no cause and no confidence', () => {
    const top = r().entries[1]!.causes[0]!;
    expect(text()).toContain(
      '## Summary\n\n| Entry | Request | Status | Top cause | Confidence |\n|---:|---|---:|---|---:|\n' +
        '| 0 | `GET https://api.example.com/v1/items` | 200 | — | — |\n' +
        `| 1 | \`GET https://api.example.com/v1/items\` | 403 | \`${top.id}\` | ${Math.round(top.confidence * 100)}% |\n\n`,
    );
  });

  it('HTML: the same dashes', () => {
    expect(renderHtml(r())).toContain(
      '<tr><td><a href="#entry-0">0</a></td><td>GET</td><td><a href="#entry-0">https://api.example.com/v1/items</a></td>' +
        '<td>200</td><td>—</td><td>—</td></tr>',
    );
  });

  it('the heading carries the status text; the first entry had nothing to compare with', () => {
    expect(text()).toContain('\n## Entry 1: `GET https://api.example.com/v1/items` → 403 Forbidden\n');
    expect(text()).toContain(
      '### Compared with the last successful call\n\nNo earlier successful call to the same endpoint is in the log.\n',
    );
    expect(renderHtml(r())).toContain('<p>No earlier successful call to the same endpoint is in the log.</p>');
  });

  it('a comparison with neither noise nor a shared credential ends with its table', () => {
    expect(text()).toContain(
      '| What | Change | Worked | Failed |\n|---|---|---|---|\n| header `X-Tenant` | changed | `a` | `b` |\n\n### Request\n',
    );
  });
});

describe('the session account and a CORS-blocked heading', () => {
  const text = () => renderMarkdown(corsReport());
  const html = () => renderHtml(corsReport());
  const lines = () => corsReport().session!.flatMap((o) => o.lines);

  it('Markdown: an origin heading in code, one item per sentence', () => {
    expect(corsReport().session!.map((o) => o.origin)).toEqual(['https://api.example.com']);
    expect(lines()).toHaveLength(1);
    const start = text().indexOf('## Session');
    expect(text().slice(start, text().indexOf('## Entry 0'))).toBe(
      `## Session\n\n### \`https://api.example.com\`\n\n- ${lines()[0]!.replace('#1', '#\u200d1')}\n\n`,
    );
  });

  it('HTML: the same, escaped', () => {
    expect(html().slice(html().indexOf('<h2>Session'), html().indexOf('<section'))).toBe(
      `<h2>Session</h2><h3>https://api.example.com</h3><ul><li>${lines()[0]}</li></ul>\n\n`,
    );
  });

  it('a blocked request with no status says so in its heading', () => {
    expect(text()).toContain(
      '\n## Entry 1: `PUT https://api.example.com/v1/items/9` → no status, blocked by the browser (CORS)\n',
    );
  });
});

describe('a header the failing call no longer sent', () => {
  it('has a dash for what failed, and the comparison nothing after its table', () => {
    const har = makeHar([
      { url: api, status: 200, requestHeaders: { 'X-Tenant': 'a', 'X-Debug': '1' } },
      { url: api, status: 403, requestHeaders: { 'X-Tenant': 'b' } },
    ]);
    const html = renderHtml(buildReport(new LogIndex(har), diagnose(har)));
    expect(html).toContain(
      '<table><tr><th>What</th><th>Change</th><th>Worked</th><th>Failed</th></tr>' +
        '<tr><td>header X-Tenant</td><td>changed</td><td>a</td><td>b</td></tr>' +
        '<tr><td>header X-Debug</td><td>removed</td><td>1</td><td>—</td></tr></table><h3>Request</h3>',
    );
  });
});

describe('a session account over two origins', () => {
  it('HTML: one heading and list per origin, a line apart', () => {
    const har = makeHar([
      { url: api, status: 401, requestHeaders: { Authorization: 'Bearer Tok-Bad-654321' } },
      { url: 'https://files.example.net/f/1', status: 403 },
    ]);
    const r = buildReport(new LogIndex(har), diagnose(har));
    const origins = r.session!.map((o) => o.origin);
    expect(origins).toEqual(['https://api.example.com', 'https://files.example.net']);
    const html = renderHtml(r);
    expect(html).toMatch(/<\/ul>\n<h3>https:\/\/files\.example\.net<\/h3><ul>/);
  });
});
