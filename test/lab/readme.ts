// Writes test/fixtures/lab/README.md from the servers and labels of a run: which program and version recorded
// each HAR, with which config, by which writer, and what it is labelled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabLabel } from './labels';
import type { LabServer } from './types';

export function writeFixturesReadme(
  out: string,
  servers: LabServer[],
  versions: Record<string, string>,
  entries: LabLabel[],
): void {
  const rows = entries.map((e) => {
    const label = e.kind === 'quiet' ? 'quiet' : [e.cause, ...(e.alternates ?? []).map((a) => `(${a})`)].join(' ');
    return `| \`${e.file}\` | ${e.index} | ${e.method} ${e.status} | ${label} | ${e.evidence.replaceAll('|', '\\|')} |`;
  });
  const programs = servers.map((s) => {
    const how = s.configs.length
      ? s.configs.map((c) => `\`test/lab/conf/${c}\``).join(', ')
      : `\`${s.start.join(' ').replaceAll('{{LAB}}', 'test/lab')}\``;
    return `| \`${s.name}\` | ${versions[s.name] ?? 'not recorded'} | ${how} | ${s.scenarios.length} |`;
  });
  const text = `# Real-server lab recordings

Recorded by \`npm run lab\` (test/lab/run.ts; see test/lab/README.md): real, unmodified server software started
on 127.0.0.1 with the configs in \`test/lab/conf/\`, each made to refuse for a known reason through its ordinary
configuration. Writers: Playwright 1.65 \`recordHar\` on a Chromium (/usr/bin/chromium, headless) browser context
for browser scenarios (\`via: browser\`), and Playwright's API request context (its HAR recorder) for API calls
(\`via: api\`), and DevTools' own \`chrome.devtools.network.getHAR()\` with the built Why403 panel open (\`via:
devtools\`, the e2e harness; the only writer that keeps CORS preflights). Nothing is edited after recording. \`labels.json\` holds the hand-written expected label of each
entry (from the scenario tables in \`test/lab/scenarios/\`), the server and the writer.

Playwright's HAR leaves out CORS preflights (DevTools keeps them) and the Proxy-Authorization it sends; Chromium's Digest retry shows
only the final answer. Labels are what an expert can read from the capture itself.

## Programs

| server | version | config | scenarios |
|---|---|---|---|
${programs.join('\n')}

## Labelled entries

| file | entry | request | label (alternates) | why |
|---|---|---|---|---|
${rows.join('\n')}
`;
  writeFileSync(join(out, 'README.md'), text);
}
