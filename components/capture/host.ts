import type { HarEntry } from '../../lib';

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
  theme: 'light' | 'dark';
}
