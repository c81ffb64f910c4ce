import { credentialsOf } from '../../inspect/credentials';
import { SIGNATURES } from '../../vendors';
import type { Signature } from '../../vendors/types';
import type { Cause } from '../causes';
import type { Rule, RuleContext } from '../context';
import { FLAG_STATUSES } from '../flag';

/** Quotes the part of the body a signature matched, trimmed to one readable line. */
export function quoteMatch(text: string, m: RegExpExecArray): string {
  const start = Math.max(0, m.index - 40);
  const end = Math.min(text.length, m.index + m[0].length + 60);
  const snippet = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return (start > 0 ? '…' : '') + snippet + (end < text.length ? '…' : '');
}

function matches(s: Signature, ctx: RuleContext): Cause | null {
  const { x } = ctx;
  const statuses = s.status ?? [...FLAG_STATUSES];
  if (!statuses.includes(x.status)) return null;
  const evidence: Cause['evidence'] = [];
  if (s.header) {
    const v = x.res.get(s.header.name);
    if (v === undefined || (s.header.value && !s.header.value.test(v))) return null;
    evidence.push({ where: 'response.header', name: s.header.name.toLowerCase(), detail: `${s.header.name}: ${v.slice(0, 200)}` });
  }
  if (s.body) {
    const text = x.body.text;
    if (!text) return null;
    const re = new RegExp(s.body.source, s.body.flags.replace('g', ''));
    const m = re.exec(text);
    if (!m) return null;
    evidence.push({ where: 'response.body', detail: quoteMatch(text, m) });
  }
  if (s.requires) {
    const any = credentialsOf(ctx).any;
    if ((s.requires === 'credentials') !== any) return null;
  }
  evidence.push({ where: 'log', name: 'signature', detail: `${s.vendor}: ${s.id} (${s.source})` });
  return { id: s.cause, confidence: s.confidence, title: s.title, summary: s.summary, evidence, fixes: [...s.fixes] };
}

/** Matches the vendor signature table (lib/vendors) against the response. */
export const signatureRule: Rule = {
  name: 'vendor-signatures',
  run(ctx) {
    const out: Cause[] = [];
    for (const s of SIGNATURES) {
      const c = matches(s, ctx);
      if (c) out.push(c);
    }
    return out;
  },
};
