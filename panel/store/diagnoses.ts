import type { EntryDiagnosis } from '../../lib';

/**
 * Diagnoses by index. Only flagged entries keep theirs: an unflagged diagnosis has no cause and
 * is rebuilt from the exchange on demand, so a 20,000-entry session holds 20,000 small rows and
 * a few thousand diagnoses, not 20,000 of each.
 */
export class Diagnoses {
  private readonly flagged = new Map<number, EntryDiagnosis>();
  /** The last rebuilt one, so a view reading it twice gets the same object. */
  private last: EntryDiagnosis | undefined;
  constructor(private readonly rebuild: (index: number) => EntryDiagnosis | undefined) {}

  get(index: number): EntryDiagnosis | undefined {
    const kept = this.flagged.get(index);
    if (kept) return kept;
    if (this.last?.index !== index) this.last = this.rebuild(index);
    return this.last;
  }

  /** The diagnosis of a flagged entry; undefined for any other (no rebuild: whole-log readers use it). */
  kept(index: number): EntryDiagnosis | undefined {
    return this.flagged.get(index);
  }

  /** Indices of the flagged entries, in the order they were flagged. */
  flaggedIndices(): number[] {
    return [...this.flagged.keys()];
  }

  has(index: number): boolean {
    return this.get(index) !== undefined;
  }

  /** @internal the engine records each diagnosis it makes. */
  record(d: EntryDiagnosis): void {
    if (this.last?.index === d.index) this.last = undefined;
    if (d.flagged) this.flagged.set(d.index, d);
    else this.flagged.delete(d.index);
  }

  /** @internal */
  clear(): void {
    this.flagged.clear();
    this.last = undefined;
  }
}
