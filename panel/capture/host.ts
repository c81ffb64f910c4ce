import type { HarEntry, ReplayOutcome, ReplayRequest } from '../../lib';

/** A finished request as DevTools hands it over: the HAR entry and a lazy body reader. */
export interface CapturedRequest {
  entry: HarEntry;
  getContent?: () => Promise<{ text: string | null; encoding?: string }>;
}

/**
 * Everything the panel needs from DevTools, behind one interface. The real implementation
 * (entrypoints/devtools-panel/adapter.ts) is the only code touching browser.devtools.*;
 * tests drive the panel with a fake under test/.
 */
export interface PanelHost {
  /** Live requests and navigations; returns an unsubscribe function. */
  subscribe(onRequest: (r: CapturedRequest) => void, onNavigated: (url: string) => void): () => void;
  /** What happened since DevTools attached, before the panel opened (getHAR). */
  backfill(): Promise<CapturedRequest[]>;
  /**
   * Set where the browser never reports some requests as finished (Firefox: the request behind a
   * refused preflight is only in getHAR()): how long after a refused preflight to look for it
   * there, in ms. Nothing else triggers the look: getHAR() is not polled.
   */
  sweepMs?: number;
  theme: 'light' | 'dark';
  /**
   * Drains the CSP violations the inspected page reported since the last call (re-arming the
   * page-side listener after a navigation). Optional: hosts without a page (tests, imports) omit it.
   */
  violations?(): Promise<unknown[]>;
  /** Calls back when the DevTools theme changes (Chrome setThemeChangeHandler, Firefox onThemeChanged). */
  watchTheme?(onChange: (theme: 'light' | 'dark') => void): void;
}

/** How a direct replay went: sent (with which headers needed a rule), or host access refused. */
export type DirectReplay =
  | {
      sent: true;
      outcome: ReplayOutcome;
      setByRule: string[];
      notSent: string[];
      /** Host access asked for. */ origin?: string;
    }
  | { sent: false; reason: string };

/** Sending replays: in the inspected page, or straight from the extension. */
export interface ReplayHost {
  inPage(req: ReplayRequest, timeoutMs: number): Promise<ReplayOutcome>;
  /** Call it straight from the click: it asks for host access to the one origin at that moment. */
  direct(req: ReplayRequest, timeoutMs: number): Promise<DirectReplay>;
  /** The inspected page's origin (for the Origin a page replay carries). */
  pageOrigin(): Promise<string | null>;
  /** Gives back the host access a direct replay asked for; true when it is gone. */
  dropAccess?(origin: string): Promise<boolean>;
}
