export type DiffArea = 'method' | 'url' | 'query' | 'auth' | 'cookie' | 'origin' | 'header' | 'body';

/** One difference between the failing request and the last successful one. */
export interface DiffItem {
  area: DiffArea;
  /** Header, cookie or parameter name as sent ("Authorization", "session", "api_key"). */
  name: string;
  /** From the successful call to the failing one: "added" means only the failing one had it. */
  change: 'added' | 'removed' | 'changed';
  /** Values as shown: secrets are placeholders (${WHY403_…}), never the secret. */
  failing: string | null;
  success: string | null;
  /** What changed inside, when it can be told safely (JWT claims, Basic user, key set). */
  detail?: string;
}

export interface RequestComparison {
  failingIndex: number;
  successIndex: number;
  /** Empty when the two requests match once noise is set aside. */
  items: DiffItem[];
  /** Credentials that did not change ("Authorization: the same credential"). */
  same: string[];
  /** Volatile headers that differed and were set aside (date, trace ids, user-agent…). */
  ignored: string[];
}
