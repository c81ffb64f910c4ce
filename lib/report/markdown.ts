import type { Cause } from '../core/causes';
import { requestText, responseText } from './http-text';
import { mdCell, mdCode, mdFence, mdText, mdTextCell } from './md-escape';
import type { Report, ReportComparison, ReportEntry, ReportExchange } from './model';

// Markdown for issue trackers and chat, readable raw: our words as plain text, captured values in
// code spans and fenced blocks (md-escape.ts). Entries are "Entry 45", never "#45": on GitHub
// "#45" is a link to issue 45.

const pct = (c: Cause) => `${Math.round(c.confidence * 100)}%`;

function evidenceWhere(where: string, name: string | undefined): string {
  return `${where.replace('.', ' ')}${name ? ` ${mdCode(name, 120)}` : ''}`;
}

function causes(list: Cause[]): string[] {
  if (list.length === 0) return ['No cause: this entry is not flagged as refused.'];
  return list.flatMap((c, i) => [
    `${i + 1}. **${mdText(c.title)}** (\`${c.id}\`, ${pct(c)})`,
    `   ${mdText(c.summary, 2000)}`,
    ...c.evidence.map((e) => `   - Evidence (${evidenceWhere(e.where, e.name)}): ${mdCode(e.detail)}`),
    ...c.fixes.map((f) => `   - Fix: ${mdText(f, 2000)}`),
  ]);
}

function comparison(c: ReportComparison | null): string[] {
  if (!c) return ['No earlier successful call to the same endpoint is in the log.'];
  const out = [
    `Compared with entry ${c.successIndex} (${mdCode(c.successUrl, 300)} → ${c.successStatus}), which worked.`,
    '',
  ];
  if (c.items.length === 0)
    out.push(
      'No difference once noise is set aside: the same request worked before, so look at what changed on the server side or in time.',
    );
  else {
    out.push('| What | Change | Worked | Failed |', '|---|---|---|---|');
    for (const d of c.items)
      out.push(
        `| ${d.area} ${mdCell(d.name, 120)} | ${mdTextCell(d.change)} | ${mdCell(d.success)} | ` +
          `${mdCell(d.failing)}${d.detail ? ` (${mdTextCell(d.detail, 400)})` : ''} |`,
      );
  }
  if (c.same.length > 0) out.push('', ...c.same.map((s) => `- ${mdText(s)}`));
  if (c.ignored.length > 0) out.push('', `Set aside as noise: ${c.ignored.map((n) => mdCode(n, 80)).join(', ')}.`);
  return out;
}

function statusOf(x: ReportExchange, cors: boolean): string {
  const status = x.status === 0 ? 'no status' : `${x.status}${x.statusText ? ` ${mdText(x.statusText, 100)}` : ''}`;
  return `${status}${cors ? ', blocked by the browser (CORS)' : ''}`;
}

function entry(e: ReportEntry): string[] {
  const x = e.exchange;
  return [
    `## Entry ${e.index}: ${mdCode(`${x.method} ${x.url}`, 400)} → ${statusOf(x, e.cors)}`,
    '',
    `**Why:** ${mdText(e.why, 1000)}`,
    '',
    '### Causes',
    '',
    ...causes(e.causes),
    '',
    '### Compared with the last successful call',
    '',
    ...comparison(e.comparison),
    '',
    '### Request',
    '',
    mdFence(requestText(x), 'http'),
    '',
    '### Response',
    '',
    mdFence(responseText(x), 'http'),
    '',
    '### Preflight',
    '',
    ...(e.preflight
      ? [mdFence(`${requestText(e.preflight)}\n\n${responseText(e.preflight)}`, 'http')]
      : ['No preflight for this request in the log.']),
    '',
    '### Reproduce with curl',
    '',
    mdFence(e.curl, 'sh'),
    '',
    '### What the tool could not see',
    '',
    ...e.unseen.map((u) => `- ${mdText(u, 1000)}`),
    '',
  ];
}

/** One row per reported entry, so a reader sees every refusal before the first detail. */
function summary(r: Report): string[] {
  if (r.entries.length < 2) return [];
  return [
    '## Summary',
    '',
    '| Entry | Request | Status | Top cause | Confidence |',
    '|---:|---|---:|---|---:|',
    ...r.entries.map((e) => {
      const top = e.causes[0];
      return (
        `| ${e.index} | ${mdCell(`${e.exchange.method} ${e.exchange.url}`, 120)} | ${e.exchange.status || '—'} | ` +
        `${top ? `\`${top.id}\`` : '—'} | ${top ? pct(top) : '—'} |`
      );
    }),
    '',
  ];
}

/** Markdown for issue trackers: our words plain, captured values in code, a placeholder table. */
export function renderMarkdown(r: Report): string {
  const head = [
    '# Why403 report',
    '',
    `Made by why403 ${r.generator.version}${r.source ? ` from ${mdCode(r.source)}` : ''}` +
      `${r.generatedAt ? ` on ${mdText(r.generatedAt)}` : ''}. ` +
      `${r.summary.flagged} of ${r.summary.entries} entries flagged; ${r.summary.reported} reported ` +
      `here.`,
    '',
    r.redacted
      ? 'Secrets are replaced by placeholders such as `${WHY403_AUTHORIZATION}`: the same secret ' +
        'has the same placeholder throughout. JWTs keep only their diagnostic claims.'
      : '**Not redacted: this report contains credentials as they were sent.**',
    '',
  ];
  const secrets = r.secrets.length
    ? [
        '## Placeholders',
        '',
        '| Placeholder | Stands for | Seen in |',
        '|---|---|---|',
        ...r.secrets.map(
          (s) => `| \`${s.name}\` | ${mdTextCell(s.note, 400)} | ${mdTextCell(s.places.join('; '), 400)} |`,
        ),
        '',
      ]
    : [];
  const session = r.session?.length
    ? [
        '## Session',
        '',
        ...r.session.flatMap((o) => [
          `### ${mdCode(o.origin, 300)}`,
          '',
          ...o.lines.map((l) => `- ${mdText(l, 2000)}`),
          '',
        ]),
      ]
    : [];
  const none = r.entries.length === 0 ? ['Nothing in this log was flagged as refused.', ''] : [];
  return [...head, ...summary(r), ...session, ...none, ...r.entries.flatMap(entry), ...secrets].join('\n');
}
