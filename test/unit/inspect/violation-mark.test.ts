// The CSP violation the panel stores on a synthesized entry (`_why403`) comes from the page, so it is
// hostile: anything that is not a well-formed mark reads as no violation, and nothing throws.
import { describe, expect, it } from 'vitest';
import { CSP_SOURCE, violationOf } from '../../../lib/inspect/browser-block';
import { toExchange } from '../../../lib/model/exchange';
import { makeEntry } from '../../support/har';

const withMark = (mark: unknown) => {
  const e = makeEntry({ url: 'https://cdn.example.net/lib.js', status: 0 });
  (e as { _why403?: unknown })._why403 = mark;
  return violationOf(toExchange(e, 0));
};

describe('violationOf', () => {
  it.each([null, undefined, 0, '', 'csp-violation', [], { source: 'other', directive: 'script-src' }])(
    'reads %j as no violation',
    (mark) => {
      expect(withMark(mark)).toBeNull();
    },
  );

  it('needs a directive, and reads the page-written fields as bounded text', () => {
    expect(withMark({ source: CSP_SOURCE, directive: '' })).toBeNull();
    const v = withMark({ source: CSP_SOURCE, directive: 'script-src-elem', policy: 7, disposition: 'report' })!;
    expect(v.directive).toBe('script-src-elem');
    expect(v.policy).toBe('');
    expect(v.disposition).toBe('report');
    expect(v.blockedURL).toBe('https://cdn.example.net/lib.js');
    expect(withMark({ source: CSP_SOURCE, directive: 'img-src' })!.disposition).toBe('enforce');
  });
});
