import type { Exchange } from '../model/exchange';
import type { Cause } from './causes';
import type { LogIndex } from './log-index';

/**
 * What a rule sees: the entry, the log around it, and a memo so that inspections
 * (decoded JWT, parsed WWW-Authenticate, CORS verdict…) run once per entry however
 * many rules read them.
 */
export class RuleContext {
  private readonly memo = new Map<string, unknown>();
  private preflightCache: Exchange | null | undefined;
  private lastSuccessCache: Exchange | null | undefined;

  constructor(
    readonly x: Exchange,
    readonly log: LogIndex,
  ) {}

  get preflight(): Exchange | null {
    if (this.preflightCache === undefined) this.preflightCache = this.log.preflightFor(this.x);
    return this.preflightCache;
  }

  get lastSuccess(): Exchange | null {
    if (this.lastSuccessCache === undefined) this.lastSuccessCache = this.log.lastSuccessFor(this.x);
    return this.lastSuccessCache;
  }

  /** Computes `make()` once per entry under `key`. Inspectors use it to share their work. */
  once<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    this.memo.set(key, value);
    return value;
  }
}

/**
 * A rule looks at one flagged entry and returns the causes it supports (possibly none).
 * Several rules may return the same id; diagnose() merges them.
 */
export interface Rule {
  name: string;
  run(ctx: RuleContext): Cause[];
}
