/**
 * Undo/redo over snapshots of the whole form (engineering §4). Typing in one field is coalesced into one step
 * (a pause longer than `coalesceMs` starts a new one, so long narratives don't vanish in one undo); paste, fill
 * and other commands are one step each.
 */
export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(
    private present: T,
    private readonly limit = 300,
  ) {}

  get current(): T {
    return this.present;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /**
   * Record a new state. With `coalesce` (the field being typed in) successive changes with the same key within
   * `coalesceMs` replace the present instead of adding a step.
   */
  record(next: T, opts: { coalesce?: string; now?: number; coalesceMs?: number } = {}): void {
    const now = opts.now ?? 0;
    const same =
      opts.coalesce !== undefined &&
      opts.coalesce === this.lastKey &&
      (opts.coalesceMs === undefined || now - this.lastAt <= opts.coalesceMs);
    if (!same) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = next;
    this.future = [];
    this.lastKey = opts.coalesce ?? null;
    this.lastAt = now;
  }

  /** End the current typing run (focus moved): the next keystroke starts a new step. */
  seal(): void {
    this.lastKey = null;
  }

  undo(): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(this.present);
    this.present = prev;
    this.lastKey = null;
    return prev;
  }

  redo(): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(this.present);
    this.present = next;
    this.lastKey = null;
    return next;
  }
}
