// The lab's vocabulary: a server program the lab starts, and a scenario recorded against it.
// Types only (no Playwright import at runtime), so the unit suite can read the manifest without it.
import type { APIRequestContext, Page } from 'playwright-core';
import type { CauseId } from '../../lib';

/** What one recorded entry must (or must not) be read as. */
export type Expectation =
  { kind: 'refusal'; cause: CauseId; alternates?: CauseId[]; why: string } | { kind: 'quiet'; why: string };

/** Addresses of every server in this run (127.0.0.1 ports 18000–18999). */
export interface Ports {
  /** The lab's own page host: the "app" origin that calls the servers cross-origin, and a plain 200 backend for proxies. */
  app: number;
  [server: string]: number;
}

export interface ScenarioTools {
  ports: Ports;
  /** A page of the recorded browser context (browser scenarios only). */
  readonly page: Page;
  /** Playwright's API client, recorded (API scenarios only). */
  readonly api: APIRequestContext;
  /** Navigates the page; a navigation Chromium gives up on (401 it cannot answer) is not an error. */
  open(url: string): Promise<void>;
  url(server: string, path: string): string;
  /** Runs fetch() in the page and returns its status (0 when the browser blocked it). */
  fetchInPage(url: string, init?: Record<string, unknown>): Promise<number>;
}

export interface Scenario {
  /** File name of the HAR (without .har), unique within its server. */
  id: string;
  /** What the scenario does, in words (README table). */
  what: string;
  /**
   * The writer: `browser`, a page in Chromium recorded by Playwright's recordHar; `api`, Playwright's API request
   * context; `devtools`, a page in Chromium with DevTools and the Why403 panel open, recorded by DevTools'
   * own getHAR() (needs `npx wxt build`; the only writer that keeps CORS preflights).
   */
  via: 'browser' | 'api' | 'devtools';
  /** Browser-context options the scenario needs (a proxy, HTTP credentials…). */
  contextOptions?: (ports: Ports) => Record<string, unknown>;
  run(t: ScenarioTools): Promise<void>;
  /**
   * Which entries are labelled: `match` is a substring of the URL (plus optional method), the LAST matching
   * entry is labelled. Several labels per scenario are allowed (a refusal and the quiet calls around it).
   */
  expect: { match: string; method?: string; status?: number; label: Expectation }[];
}

export interface LabServer {
  /** Short name: folder under test/fixtures/lab/ and key in Ports. */
  name: string;
  /** Command printing the version (its first line is kept in labels.json). */
  version: string[];
  /** Where the program lives, to skip the server when it is not installed. */
  needs: string;
  /** Config templates under test/lab/conf/ to copy into the run directory with {{PORT}}, {{DIR}}, {{LAB}}, {{APP}} filled in. */
  configs: string[];
  /** Command to run in the foreground (own start-up disabled: never via init), with placeholders as above. */
  start: string[];
  env?: Record<string, string>;
  /** Seconds to wait for the port. */
  startup?: number;
  scenarios: Scenario[];
}
