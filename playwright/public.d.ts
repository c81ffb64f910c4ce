// Types of why403/playwright as a user's project sees them (the package ships the bundle
// .output/playwright/index.mjs, built from playwright/index.ts).
import type {
  BrowserContext,
  Expect,
  Page,
  PlaywrightTestArgs,
  PlaywrightTestOptions,
  PlaywrightWorkerArgs,
  PlaywrightWorkerOptions,
  TestType,
} from '@playwright/test';

export interface Why403Options {
  /** When the diagnosis is attached (and its top causes printed): 'on-failure' (default), 'always' or 'never'. */
  attach?: 'on-failure' | 'always' | 'never';
  /** Redact secrets in the attachment and on the terminal (default: true). */
  redact?: boolean;
  /** Refusals whose top cause is one of these fail the test even when its own assertions pass; 'any': every refusal. */
  failOn?: readonly string[] | 'any';
  /** Refusals whose top cause is one of these are left out everywhere (attachment, terminal, failOn). */
  ignore?: readonly string[];
  /** Only requests whose URL contains one of these strings or matches one of these patterns. */
  urls?: readonly (string | RegExp)[];
}

export interface RefusalOptions {
  /** Refusals whose top cause is one of these do not count here. */
  ignore?: readonly string[];
  /** Only requests whose URL contains one of these strings or matches one of these patterns. */
  urls?: readonly (string | RegExp)[];
  /** Redact secrets in the failure message (default: true). */
  redact?: boolean;
}

export declare const test: TestType<
  PlaywrightTestArgs & PlaywrightTestOptions & { why403: Why403Options },
  PlaywrightWorkerArgs & PlaywrightWorkerOptions
>;

export declare const expect: Expect<{
  /** Passes when no request of the page's context was refused; the failure message is the diagnosis. */
  toHaveNoRefusals(
    target: Page | BrowserContext,
    options?: RefusalOptions,
  ): Promise<{ pass: boolean; message: () => string; name: string }>;
}>;
