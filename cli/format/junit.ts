import type { EntryDiagnosis } from '../../lib';
import { entryLines, headline, topCause } from './text';
import { escapeControls } from '../terminal';
import { xmlAttr, xmlText } from './xml';

export interface SuiteInfo {
  /** The capture's file name, or "standard input". */
  source: string;
  total: number;
  /** What the reader repaired or skipped: the suite's system-err, so the report view shows it. */
  warnings: string[];
}

function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'capture';
  }
}

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI, dorny/test-reporter):
 * one test case per flagged request, failing with its top cause and fix; with --all the other
 * requests are passing cases. Test cases are grouped by the API's origin.
 */
export function formatJunit(results: EntryDiagnosis[], suite: SuiteInfo): string {
  const failures = results.filter((d) => d.flagged).length;
  const cases = results.map((d) => {
    const open = `    <testcase classname="${xmlAttr(`why403.${origin(d.url)}`)}" name="${xmlAttr(headline(d))}"`;
    if (!d.flagged) return `${open}/>`;
    const type = d.causes[0]?.id ?? 'unknown';
    return [
      `${open}>`,
      `      <failure message="${xmlAttr(topCause(d))}" type="${xmlAttr(type)}">${xmlText(entryLines(d).join('\n'))}</failure>`,
      '    </testcase>',
    ].join('\n');
  });
  const counts = `tests="${results.length}" failures="${failures}" errors="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="why403" ${counts}>`,
    `  <testsuite name="${xmlAttr(`why403 diagnose ${suite.source}`)}" ${counts} skipped="0">`,
    ...cases,
    ...(suite.warnings.length > 0
      ? [
          `    <system-err>${xmlText(suite.warnings.map((w) => `warning: ${escapeControls(w)}`).join('\n'))}</system-err>`,
        ]
      : []),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
