/**
 * Where each response body is: held in the panel, let go (the panel reads it again from
 * DevTools' getContent() or the import worker when the detail opens), or gone for good. Rows
 * are never evicted; bodies are, oldest first, once the held ones pass the budget.
 */
export type BodyState = { kind: 'held' } | { kind: 'away' } | { kind: 'gone'; why: string } | { kind: 'none' };

/** Bodies the panel keeps at most (UTF-16 code units, so about twice this in bytes). */
export const BODY_BUDGET = 16 * 1024 * 1024;

export class BodyShelf {
  /** Held bodies by index with their length, oldest first (Map keeps insertion order). */
  private readonly held = new Map<number, number>();
  private heldTotal = 0;
  private readonly away = new Set<number>();
  private readonly gone = new Map<number, string>();
  /** Bodies that are never let go (they hold a secret), outside the budget. */
  private readonly kept = new Set<number>();

  constructor(private readonly budget = BODY_BUDGET) {}

  /** Records a held body; returns the indices whose bodies must now be let go (oldest first). */
  hold(index: number, length: number): number[] {
    this.release(index);
    this.away.delete(index);
    this.gone.delete(index);
    this.held.set(index, length);
    this.heldTotal += length;
    const victims: number[] = [];
    for (const [i] of this.held) {
      if (this.heldTotal <= this.budget) break;
      if (i === index) continue; // the body just read is the one the user is looking at
      victims.push(i);
      this.release(i);
    }
    return victims;
  }

  /** The body is in the panel but off the budget (it holds a secret, so it is never let go). */
  keep(index: number): void {
    this.release(index);
    this.away.delete(index);
    this.gone.delete(index);
    this.kept.add(index);
  }

  /** The body was let go: it can be read again on demand. */
  shed(index: number): void {
    this.release(index);
    this.away.add(index);
  }

  /** Reading it again failed: say so in the detail view. Returns false when nothing changed. */
  markGone(index: number, why: string): boolean {
    if (this.gone.get(index) === why) return false;
    this.away.delete(index);
    this.gone.set(index, why);
    return true;
  }

  state(index: number): BodyState {
    if (this.held.has(index) || this.kept.has(index)) return { kind: 'held' };
    const why = this.gone.get(index);
    if (why !== undefined) return { kind: 'gone', why };
    return this.away.has(index) ? { kind: 'away' } : { kind: 'none' };
  }

  get heldLength(): number {
    return this.heldTotal;
  }

  clear(): void {
    this.held.clear();
    this.heldTotal = 0;
    this.away.clear();
    this.gone.clear();
    this.kept.clear();
  }

  private release(index: number): void {
    const n = this.held.get(index);
    if (n === undefined) return;
    this.heldTotal -= n;
    this.held.delete(index);
  }
}
