// Pathological inputs for every engine entry point (issue 10, "regex traps"): a body crafted to
// make a backtracking pattern retry (repeated prefixes of JWTs, tags, parameters, long runs of
// spaces and word characters) against a plain body of the same size. Prints, per entry point,
// the crafted/plain time ratio (linear code stays within a few times). Figures only.
// `npx tsx bench/pathological.ts [--size 262144] [--json]`
import { diagnoseExchange, LogIndex } from '../lib';
import type { Har, HarEntry } from '../lib/har/types';
import { exportEntry } from '../lib/export';
import { redactHar } from '../lib/redact';
import { buildReport, renderReport } from '../lib/report';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const SIZE = arg('--size', 256 * 1024);

function uEscape(s: string): string {
  return [...s].map((c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

// Units repeated to the body size; each is the start of something a pattern looks for.
const CRAFTED: Record<string, string> = {
  'eyJ (JWT prefix)': 'eyJ',
  'eyJ. (JWT parts)': 'eyJa.',
  'spaces then x': ' ',
  tabs: '\t',
  '=': '=',
  'a= (parameters)': 'a=',
  'token= (secret parameters)': 'token=',
  '<a  (open tags)': '<a ',
  '<input  (form inputs)': '<input ',
  '"a": (JSON keys)': '"a":',
  '{"a": (nested JSON)': '{"a":',
  'Bearer ': 'Bearer ',
  'error + spaces': 'error ',
  '://@ (URLs)': 'a://b@',
  digits: '9',
  '-- (boundaries)': '--',
  '% escapes': '%',
  'base64 run': 'Ab3+',
  '&amp; entities': '&a',
  '\\u escapes': '\\u00',
  // Text spelled out in `\u` escapes (lib/redact/forms.ts `unicode` layers): letters, letters
  // spelled twice, a token spelled twice, and escapes of escapes past MAX_SPELLED layers.
  '\\u-spelled letters': '\\u0041',
  '\\u-spelled twice': uEscape('\\u0041'),
  '\\u-spelled token twice': uEscape(uEscape('ghp_4bT9kLm2Xw7Rp1Vc8Hn3Qs6Yd0Fj5Ue2Ka ')),
  '\\u-spelled 5 deep': '\\u005cu005cu005cu005cu0041',
};

function body(unit: string): string {
  return (unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE - 1) + '!').slice(0, SIZE);
}

function plainBody(): string {
  const words = ['access', 'denied', 'for', 'this', 'resource', 'please', 'sign', 'in', 'again', 'later'];
  let s = '';
  for (let i = 0; s.length < SIZE; i++) s += words[(i * 7) % words.length] + (i % 12 === 11 ? '.\n' : ' ');
  return s.slice(0, SIZE);
}

function har(text: string): Har {
  const entry = {
    startedDateTime: '2026-11-29T12:00:00.000Z',
    time: 10,
    request: {
      method: 'POST',
      url: `https://api.example.com/v1/x?q=${encodeURIComponent(text.slice(0, 2048))}`,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: 'text/plain' },
        { name: 'Authorization', value: `Bearer ${text.slice(0, 16384)}` },
        { name: 'Cookie', value: `sid=${text.slice(0, 16384)}` },
        { name: 'X-Crafted', value: text.slice(0, 16384) },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: text.length,
      postData: { mimeType: 'text/plain', text },
    },
    response: {
      status: 401,
      statusText: 'Unauthorized',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: 'text/html' },
        { name: 'WWW-Authenticate', value: `Bearer error="invalid_token", error_description=${text.slice(0, 16384)}` },
        { name: 'Set-Cookie', value: `a=${text.slice(0, 16384)}` },
      ],
      cookies: [],
      content: { size: text.length, mimeType: 'text/html', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 10, receive: 0 },
  } as unknown as HarEntry;
  return { log: { version: '1.2', creator: { name: 'bench', version: '1' }, entries: [entry] } };
}

type Point = 'diagnose' | 'redact' | 'report' | 'export';
const POINTS: Record<Point, (h: Har) => void> = {
  diagnose: (h) => {
    const log = new LogIndex(h);
    diagnoseExchange(log, log.at(0)!);
  },
  redact: (h) => void redactHar(h),
  report: (h) => {
    const log = new LogIndex(h);
    renderReport(buildReport(log, [diagnoseExchange(log, log.at(0)!)]), 'md');
  },
  export: (h) => void exportEntry(h.log.entries[0]!, 'curl', { redact: true, log: h.log.entries }),
};

function time(f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
    if (best > 2000) break; // a trap: once is enough
  }
  return best;
}

export function runPathological(): Record<Point, { plainMs: number; worst: string; worstMs: number; ratio: number }> {
  const plain = har(plainBody());
  const out = {} as Record<Point, { plainMs: number; worst: string; worstMs: number; ratio: number }>;
  for (const [point, run] of Object.entries(POINTS) as [Point, (h: Har) => void][]) {
    const base = Math.max(
      time(() => run(plain)),
      1,
    );
    let worst = { name: '', ms: 0 };
    const rows: string[] = [];
    for (const [name, unit] of Object.entries(CRAFTED)) {
      const h = har(body(unit));
      const ms = time(() => run(h));
      rows.push(`${name} ${Math.round(ms)}`);
      if (ms > worst.ms) worst = { name, ms };
    }
    out[point] = {
      plainMs: Math.round(base),
      worst: worst.name,
      worstMs: Math.round(worst.ms),
      ratio: +(worst.ms / base).toFixed(1),
    };
    if (!process.argv.includes('--json'))
      console.log(
        `pathological ${point}: plain ${Math.round(base)} ms, worst crafted "${worst.name}" ${Math.round(worst.ms)} ms ` +
          `(x${out[point].ratio}) at ${SIZE} bytes; all: ${rows.join(', ')}`,
      );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runPathological();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
}
