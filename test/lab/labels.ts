// Turns a scenario's hand-written expectations into labels on the entries of the HAR it recorded.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { LabServer, Scenario } from './types';

export interface LabLabel {
  /** Path under test/fixtures/lab/. */
  file: string;
  index: number;
  method: string;
  url: string;
  status: number;
  kind: 'refusal' | 'quiet';
  cause?: string;
  alternates?: string[];
  evidence: string;
  server: string;
  scenario: string;
  via: 'browser' | 'api' | 'devtools';
}

interface HarEntry {
  request: { method: string; url: string };
  response: { status: number };
}

export function labelScenario(server: LabServer, sc: Scenario, file: string, root: string): LabLabel[] {
  const entries = (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
  return sc.expect.map((e) => {
    let index = -1;
    entries.forEach((entry, i) => {
      if (!entry.request.url.includes(e.match)) return;
      if (e.method && entry.request.method !== e.method) return;
      if (e.status !== undefined && entry.response.status !== e.status) return;
      index = i;
    });
    if (index < 0) throw new Error(`no entry matches ${e.method ?? ''} ${e.match} ${e.status ?? ''} in ${file}`);
    const entry = entries[index]!;
    const label: LabLabel = {
      file: relative(root, file),
      index,
      method: entry.request.method,
      url: entry.request.url,
      status: entry.response.status,
      kind: e.label.kind,
      evidence: e.label.why,
      server: server.name,
      scenario: sc.id,
      via: sc.via,
    };
    if (e.label.kind === 'refusal') {
      label.cause = e.label.cause;
      if (e.label.alternates?.length) label.alternates = e.label.alternates;
    }
    return label;
  });
}
