// diagnose --format junit and --format github with hostile captures: every byte of a
// captured request is attacker-controlled, and these outputs are parsed by CI systems.
import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { makeHar } from '../../support/har';
import { why403 } from './in-process';

const HOSTILE = 'a&b<c>"d\'e]]>\u0001\u001b[31m\u0000\ud800\uffff\u202e%0A%25,x=1:y\r\n::warning::owned';
const har = makeHar([
  { url: 'https://api.example/ok', status: 200 },
  {
    method: 'POST',
    url: `https://api.example/v1/items?q=${HOSTILE}`,
    status: 403,
    requestHeaders: { Authorization: 'Bearer Tok-Secret-123', 'X-Evil': HOSTILE },
    responseHeaders: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ error: { code: 'PERMISSION_DENIED', message: HOSTILE } }),
  },
  {
    url: 'https://cdn.example/token-expired',
    status: 401,
    responseHeaders: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${HOSTILE}"` },
  },
]);
const input = JSON.stringify(har);

// XML 1.0 (Fifth Edition) §2.2 Char, as code points: the validator below checks tags, quoting
// and entities but not characters. (The e2e trace test also parses it in Chromium's strict parser.)
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

interface Case {
  '@name': string;
  failure?: { '@message': string; '@type': string; '#text': string };
}

function parseJunit(xml: string) {
  expect(xml).not.toMatch(NOT_XML_CHAR);
  // Markup characters never appear raw inside an attribute value.
  expect(xml).not.toMatch(/="[^"]*[<&](?!amp;|lt;|gt;|quot;|apos;)[^"]*"/);
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    isArray: (name) => name === 'testcase',
    parseAttributeValue: false,
  }).parse(xml);
  const suite = doc.testsuites.testsuite;
  return { root: doc.testsuites, suite, cases: (suite.testcase ?? []) as Case[] };
}

describe('diagnose --format junit', () => {
  it('one failing test case per flagged request: top cause and fix as the message', async () => {
    const r = await why403(['diagnose', '-', '--format', 'junit'], input);
    expect(r.code).toBe(0);
    const { suite, cases } = parseJunit(r.out);
    expect(suite).toMatchObject({
      '@tests': '2',
      '@failures': '2',
      '@errors': '0',
      '@name': 'why403 diagnose standard input',
    });
    expect(cases).toHaveLength(2);
    const json = JSON.parse((await why403(['diagnose', '-', '-f', 'json'], input)).out);
    cases.forEach((c, i) => {
      const d = json.entries[i];
      const top = d.causes[0];
      expect(c['@name']).toMatch(new RegExp(`^#${d.index} ${d.method} `));
      expect(c.failure!['@type']).toBe(top.id);
      expect(c.failure!['@message'].startsWith(`[${top.id}] `)).toBe(true);
      expect(c.failure!['@message']).toContain(`Fix: ${top.fixes[0]}`.slice(0, 40));
      expect(c.failure!['#text']).toContain(top.summary.slice(0, 40));
    });
    // Captured text arrives as the visible escapes the terminal output uses, not as markup.
    expect(cases[0]!['@name']).toContain('a&b<c>"d\'e]]>\\x01\\x1b[31m\\x00\\ud800\\uffff\\u202e');
    expect(r.out).not.toContain('Tok-Secret-123');
  });

  it('--all adds passing test cases; no flagged request is an empty, valid suite', async () => {
    const all = parseJunit((await why403(['diagnose', '-', '-f', 'junit', '--all'], input)).out);
    expect(all.suite).toMatchObject({ '@tests': '3', '@failures': '2' });
    expect(all.cases[0]!.failure).toBeUndefined();
    const ok = JSON.stringify(makeHar([{ url: 'https://a.example/', status: 200 }]));
    const empty = await why403(['diagnose', '-', '-f', 'junit', '--fail-on-flagged'], ok);
    expect(empty.code).toBe(0);
    expect(parseJunit(empty.out).root).toMatchObject({ '@tests': '0', '@failures': '0' });
  });
});
/** Parses workflow commands as the Actions runner does (ActionCommand.TryParseV2) and unescapes them. */
function parseCommand(line: string) {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) return null;
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: m[1], properties, message: unescapeData(m[3]!) };
}

describe('diagnose --format github', () => {
  it('one ::error annotation per flagged request; hostile data cannot end or add a command', async () => {
    const r = await why403(['diagnose', '-', '--format', 'github', '--fail-on-flagged'], input);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('why403: 2 flagged of 3 entries.');
    const commands = lines.slice(0, -1).map(parseCommand);
    expect(commands).toHaveLength(2);
    const json = JSON.parse((await why403(['diagnose', '-', '-f', 'json'], input)).out);
    commands.forEach((c, i) => {
      const d = json.entries[i];
      expect(c).not.toBeNull();
      expect(c!.command).toBe('error');
      expect(Object.keys(c!.properties)).toEqual(['title']);
      expect(c!.properties.title).toMatch(new RegExp(`^why403: ${d.method} https://`));
      const [head, top] = c!.message.split('\n');
      expect(head).toMatch(new RegExp(`^#${d.index} `));
      expect(top).toContain(`[${d.causes[0].id}] `);
      expect(top).toContain(`Fix: `);
    });
    // The payload survives as text: %0A stays literal, CR/LF are escapes, nothing raw.
    expect(commands[0]!.properties.title).toContain('%0A%25,x=1:y\\r\\n::warning::owned');
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.out).not.toContain('Tok-Secret-123');
  });
});

describe('reader warnings in every format', () => {
  const repaired = makeHar([{ url: 'https://api.example/x', status: 403, requestHeaders: { 'Content-Length': '7' } }]);
  (repaired.log.entries[0]!.request.headers[0] as { value: unknown }).value = 7;
  const text = JSON.stringify(repaired);
  const warning = '/log/entries/0/request/headers/0/value: a number, read as "7"';

  it('json lists them; text, junit and github summarise them in one line on stderr', async () => {
    expect(JSON.parse((await why403(['diagnose', '-', '-f', 'json'], text)).out).warnings).toEqual([warning]);
    for (const f of ['text', 'junit', 'github']) {
      const r = await why403(['diagnose', '-', '-f', f], text);
      expect(r.code).toBe(0);
      expect(r.err).toBe(`why403: <stdin>: read with 1 warning: ${warning}\n`);
    }
  });

  it('junit carries them in system-err, github as one ::warning annotation', async () => {
    const junit = parseJunit((await why403(['diagnose', '-', '-f', 'junit'], text)).out);
    expect(junit.suite['system-err']).toBe(`warning: ${warning}`);
    const github = (await why403(['diagnose', '-', '-f', 'github'], text)).out.split('\n');
    expect(parseCommand(github[0]!)).toEqual({
      command: 'warning',
      properties: { title: 'why403: the capture was read with 1 warning' },
      message: warning,
    });
    expect(parseCommand(github[1]!)?.command).toBe('error');
  });
});
