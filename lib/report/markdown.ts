import type { Cause } from '../core/causes';
import { requestText, responseText, statusLine } from './http-text';
import { mdCell, mdFence, mdText } from './md-escape';
import type { Report, ReportComparison, ReportEntry } from './model';

function causes(list: Cause[]): string[] {
  if (list.length === 0) return ['No cause: this entry is not flagged as refused.'];
  return list.flatMap((c, i) => [
    `${i + 1}. **${mdText(c.title)}** (\`${c.id}\`, ${Math.round(c.confidence * 100)}%)`,
    `   ${mdText(c.summary, 2000)}`,
    ...c.evidence.map(
      (e) => `   - Evidence (${mdText(`${e.where}${e.name ? ` ${e.name}` : ''}`)}): ${mdText(e.detail)}`,
    ),
    ...c.fixes.map((f) => `   - Fix: ${mdText(f, 2000)}`),
  ]);
}

function comparison(c: ReportComparison | null): string[] {
  if (!c) return ['No earlier successful call to the same endpoint is in the log.'];
  const out = [
    `Compared with #${c.successIndex} (${mdText(c.successUrl, 300)} → ${c.successStatus}), which worked.`,
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
        `| ${mdText(`${d.area} ${d.name}`, 120)} | ${d.change} | ${mdCell(d.success)} | ` +
          `${mdCell(d.failing)}${d.detail ? ` (${mdText(d.detail, 400)})` : ''} ` +
          `|`,
      );
  }
  if (c.same.length > 0) out.push('', ...c.same.map((s) => `- ${mdText(s)}`));
  if (c.ignored.length > 0) out.push('', `Set aside as noise: ${mdText(c.ignored.join(', '))}.`);
  return out;
}

function entry(e: ReportEntry): string[] {
  return [
    `## ${mdText(statusLine(e.exchange, e.cors))}`,
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
    mdFence(requestText(e.exchange), 'http'),
    '',
    '### Response',
    '',
    mdFence(responseText(e.exchange), 'http'),
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

/** Markdown for issue trackers: escaped text, fenced headers and curl, a placeholder table. */
export function renderMarkdown(r: Report): string {
  const head = [
    '# Why403 report',
    '',
    `Made by why403 ${r.generator.version}${r.source ? ` from ${mdText(r.source)}` : ''}` +
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
        ...r.secrets.map((s) => `| \`${s.name}\` | ${mdText(s.note, 400)} | ${mdText(s.places.join('; '), 400)} |`),
        '',
      ]
    : [];
  const session = r.session?.length
    ? [
        '## Session',
        '',
        ...r.session.flatMap((o) => [
          `### ${mdText(o.origin, 300)}`,
          '',
          ...o.lines.map((l) => `- ${mdText(l, 2000)}`),
          '',
        ]),
      ]
    : [];
  const none = r.entries.length === 0 ? ['Nothing in this log was flagged as refused.', ''] : [];
  return [...head, ...session, ...none, ...r.entries.flatMap(entry), ...secrets].join('\n');
}
