// The CI-output rule (lib/core/ci-safe.ts): no runner command survives, and each format reads
// back as it was (JSON and XML values identical after parsing, text unchanged to the eye).
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ciSafe } from '../../../lib/core/ci-safe';
import { runnerCommands } from '../cli/ci-runner';

const OPENERS = [
  '::stop-commands::tok',
  '  \t::error file=a.ts::x',
  '\u2003::set-output name=a::b',
  '\u001c::add-mask::x',
  'text ##[error]boom',
  '##[set-output name=a;]b',
  'x ##vso[task.setvariable variable=a]b',
  'x ##VSO[task.complete result=Failed]',
  "##teamcity[buildStatus text='x']",
  '###[error] three hashes',
  'a\r::warning::after a CR',
  'a\u2028::warning::after LS',
];

describe('ciSafe', () => {
  it.each(['text', 'json', 'xml', 'github'] as const)('%s: no line opens a runner command', (kind) => {
    for (const s of OPENERS) expect(runnerCommands(ciSafe(s, kind)), s).toEqual([]);
  });

  it('text: only an invisible word joiner is added, so the text reads the same', () => {
    for (const s of OPENERS) expect(ciSafe(s, 'text').replace(/\u2060/g, '')).toBe(s);
    expect(ciSafe('## Heading\nC# ## x\nurl#a::b', 'text')).toBe('## Heading\nC# ## x\nurl#a::b');
  });

  it('json: the document parses to the identical value', () => {
    const value = { lines: OPENERS, nested: { '##[error]key': OPENERS.join('\n') } };
    for (const doc of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const safe = ciSafe(doc, 'json');
      expect(runnerCommands(safe)).toEqual([]);
      expect(JSON.parse(safe)).toEqual(value);
    }
    // A backslash before the opener stays a backslash.
    expect(JSON.parse(ciSafe(JSON.stringify('\\##[error]'), 'json'))).toBe('\\##[error]');
  });

  it('xml: text and attributes parse to the identical value', () => {
    const xml = `<a t="${OPENERS.join(' ')}">${OPENERS.join('\n')}</a>`;
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      trimValues: false,
      htmlEntities: true,
    });
    const safe = ciSafe(xml, 'xml');
    expect(runnerCommands(safe)).toEqual([]);
    expect(parser.parse(safe)).toEqual(parser.parse(xml));
  });

  it('github: our own annotation lines keep their command, nothing else does', () => {
    const out = ciSafe(
      [
        '::error title=why403%3A GET x::#1 GET https://x/##[error] -> 403',
        '::warning title=w::::stop-commands::x',
        '::stop-commands::tok',
        '::add-mask::x',
      ].join('\n'),
      'github',
    );
    expect(runnerCommands(out)).toEqual(['::error', '::warning']);
  });
});
