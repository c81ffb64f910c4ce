// why403/playwright: `test` and `expect` that extend @playwright/test. A test that imports them
// instead of @playwright/test records its browser context's traffic; when it does not end as
// expected, the diagnosis of every refused request is attached to it (`why403`, Markdown, and
// `why403.json`) — so it shows in the HTML, JSON and JUnit reporters — and each top cause is
// printed on the terminal. `expect(page).toHaveNoRefusals()` asserts there were none.
import { test as base, expect as baseExpect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { diagnosisOf } from './diagnosis';
import type { RefusalOptions, Why403Options } from './public';
import { Recorder } from './record';

export type { Why403Options } from './public';

// The recorder of each context this module wrapped: the matcher finds a page's traffic here.
const recorders = new WeakMap<BrowserContext, Recorder>();

function recorderOf(target: Page | BrowserContext): Recorder | undefined {
  const context = 'context' in target && typeof target.context === 'function' ? target.context() : target;
  return recorders.get(context as BrowserContext);
}

async function report(recorder: Recorder, options: Why403Options, testInfo: TestInfo): Promise<void> {
  const attach = options.attach ?? 'on-failure';
  const failed = testInfo.status !== testInfo.expectedStatus;
  const failOn = options.failOn ?? [];
  const wanted = attach === 'always' || (attach === 'on-failure' && failed);
  const mayFail = failOn === 'any' || failOn.length > 0;
  // A passing test with nothing to fail on costs nothing beyond the recording.
  if (!wanted && !mayFail) return;
  const har = await recorder.har();
  const d = diagnosisOf(har, options, testInfo.titlePath.join(' › '));
  const failing = d.refusals.filter((r) => failOn === 'any' || failOn.includes(r.causes[0]?.id ?? 'unknown'));
  if (d.refusals.length === 0) return;
  if (wanted || failing.length > 0) {
    await testInfo.attach('why403', { body: d.markdown, contentType: 'text/markdown' });
    await testInfo.attach('why403.json', { body: d.json, contentType: 'application/json' });
    for (const line of d.lines) console.log(line);
  }
  if (failing.length > 0 && !failed)
    throw new Error(
      `why403: ${failing.length} refused request(s) with a cause this test fails on:\n${d.lines.join('\n')}`,
    );
}

export const test = base.extend<{ why403: Why403Options }>({
  why403: [{}, { option: true }],
  context: async ({ context, why403 }, provide, testInfo) => {
    const recorder = new Recorder(context);
    recorders.set(context, recorder);
    await provide(context);
    await report(recorder, why403, testInfo);
  },
});

export type { RefusalOptions } from './public';

export const expect = baseExpect.extend({
  async toHaveNoRefusals(target: Page | BrowserContext, options: RefusalOptions = {}) {
    const name = 'toHaveNoRefusals';
    const recorder = recorderOf(target);
    if (!recorder)
      return {
        pass: false,
        name,
        message: () =>
          'why403: this page was not recorded; import { test, expect } from "why403/playwright" and use its page fixture',
      };
    const d = diagnosisOf(await recorder.har(), options);
    const pass = d.refusals.length === 0;
    return {
      pass,
      name,
      message: () =>
        pass
          ? `${this.utils.matcherHint(name, 'page', '', { isNot: this.isNot })}\n\nExpected a refusal; every request was answered.`
          : `${this.utils.matcherHint(name, 'page', '', { isNot: this.isNot })}\n\n` +
            `${d.refusals.length} refused request(s):\n${d.lines.join('\n')}\n\n${d.markdown}`,
    };
  },
});
