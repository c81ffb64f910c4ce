import type { Cause } from '../core/causes';
import { oneLine } from './display';
import { el, esc, text } from './html-escape';
import { STYLE } from './html-style';
import { requestText, responseText, statusLine } from './http-text';
import type { Report, ReportComparison, ReportEntry } from './model';

function causes(list: Cause[]): string {
  if (list.length === 0) return text('p', 'No cause: this entry is not flagged as refused.');
  return list
    .map((c) =>
      el(
        'div',
        { class: 'cause', 'data-cause-id': c.id },
        el('h4', {}, esc(c.title), ' ', text('span', `${c.id}, ${Math.round(c.confidence * 100)}%`, { class: 'id' })),
        text('p', c.summary),
        el(
          'ul',
          {},
          ...c.evidence.map((e) =>
            el('li', {}, text('strong', `${e.where}${e.name ? ` ${e.name}` : ''}`), ': ', esc(oneLine(e.detail, 600))),
          ),
          ...c.fixes.map((f) => el('li', {}, text('strong', 'Fix'), ': ', esc(f))),
        ),
      ),
    )
    .join('');
}

function comparison(c: ReportComparison | null): string {
  if (!c) return text('p', 'No earlier successful call to the same endpoint is in the log.');
  const intro = text('p', `Compared with #${c.successIndex} (${c.successUrl} → ${c.successStatus}), which worked.`);
  const table = c.items.length
    ? el(
        'table',
        {},
        el('tr', {}, text('th', 'What'), text('th', 'Change'), text('th', 'Worked'), text('th', 'Failed')),
        ...c.items.map((d) =>
          el(
            'tr',
            {},
            text('td', `${d.area} ${d.name}`),
            text('td', d.change),
            text('td', oneLine(d.success ?? '—', 600)),
            el(
              'td',
              {},
              esc(oneLine(d.failing ?? '—', 600)),
              d.detail ? el('div', { class: 'muted' }, esc(oneLine(d.detail, 600))) : '',
            ),
          ),
        ),
      )
    : text('p', 'No difference once noise is set aside: the same request worked before.');
  const same = c.same.length ? el('ul', {}, ...c.same.map((s) => text('li', oneLine(s, 600)))) : '';
  const ignored = c.ignored.length ? text('p', `Set aside as noise: ${c.ignored.join(', ')}.`, { class: 'muted' }) : '';
  return intro + table + same + ignored;
}

/** Each entry's anchor: the summary table links to it. */
const anchor = (e: ReportEntry) => `entry-${e.index}`;

function entry(e: ReportEntry): string {
  return el(
    'section',
    { 'data-index': String(e.index), id: anchor(e) },
    text('h2', statusLine(e.exchange, e.cors)),
    text('p', e.why, { class: 'why' }),
    text('h3', 'Causes'),
    causes(e.causes),
    text('h3', 'Compared with the last successful call'),
    comparison(e.comparison),
    text('h3', 'Request'),
    text('pre', requestText(e.exchange)),
    text('h3', 'Response'),
    text('pre', responseText(e.exchange)),
    text('h3', 'Preflight'),
    e.preflight
      ? text('pre', `${requestText(e.preflight)}\n\n${responseText(e.preflight)}`)
      : text('p', 'No preflight for this request in the log.'),
    text('h3', 'Reproduce with curl'),
    text('pre', e.curl),
    text('h3', 'What the tool could not see'),
    el('ul', {}, ...e.unseen.map((u) => text('li', u))),
  );
}

/** The table a reader sees first: every reported entry, its top cause, a link to its section. */
function summary(r: Report): string {
  if (r.entries.length === 0) return '';
  const head = ['Entry', 'Method', 'URL', 'Status', 'Top cause', 'Confidence'].map((h) =>
    text('th', h, { scope: 'col' }),
  );
  return (
    text('h2', 'Summary', { class: 'summary' }) +
    el(
      'table',
      { class: 'summary' },
      el('thead', {}, el('tr', {}, ...head)),
      el(
        'tbody',
        {},
        ...r.entries.map((e) => {
          const top = e.causes[0];
          const x = e.exchange;
          return el(
            'tr',
            {},
            el('td', {}, el('a', { href: `#${anchor(e)}` }, esc(String(e.index)))),
            text('td', x.method),
            el('td', {}, el('a', { href: `#${anchor(e)}` }, esc(oneLine(x.url, 200)))),
            text('td', x.status ? String(x.status) : '—'),
            el('td', {}, top ? text('code', top.id) : '—'),
            text('td', top ? `${Math.round(top.confidence * 100)}%` : '—'),
          );
        }),
      ),
    )
  );
}

/**
 * One self-contained HTML file: inline CSS, no script, no external resource (the CSP says so
 * too), every value escaped. Opens offline, prints cleanly.
 */
export function renderHtml(r: Report): string {
  const meta =
    `Made by why403 ${r.generator.version}${r.source ? ` from ${r.source}` : ''}${r.generatedAt ? ` on ${r.generatedAt}` : ''}. ` +
    `${r.summary.flagged} of ${r.summary.entries} entries flagged; ${r.summary.reported} reported ` +
    `here.`;
  const banner = r.redacted
    ? text(
        'p',
        'Secrets are replaced by placeholders such as ${WHY403_AUTHORIZATION}: the same secret has ' +
          'the same placeholder throughout. JWTs keep only their diagnostic claims.',
        { class: 'note' },
      )
    : text('p', 'Not redacted: this report contains credentials as they were sent.', { class: 'note' });
  const secrets = r.secrets.length
    ? text('h2', 'Placeholders') +
      el(
        'table',
        {},
        el('tr', {}, text('th', 'Placeholder'), text('th', 'Stands for'), text('th', 'Seen in')),
        ...r.secrets.map((s) =>
          el('tr', {}, el('td', {}, text('code', s.name)), text('td', s.note), text('td', s.places.join('; '))),
        ),
      )
    : '';
  return (
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>Why403 report</title>',
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      text('h1', 'Why403 report'),
      text('p', meta, { class: 'muted' }),
      banner,
      summary(r),
      r.session?.length
        ? text('h2', 'Session') +
          r.session.map((o) => text('h3', o.origin) + el('ul', {}, ...o.lines.map((l) => text('li', l)))).join('\n')
        : '',
      r.entries.length === 0 ? text('p', 'Nothing in this log was flagged as refused.') : '',
      ...r.entries.map(entry),
      secrets,
      '</body>',
      '</html>',
    ].join('\n') + '\n'
  );
}
