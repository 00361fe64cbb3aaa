/**
 * Schedules validation per URI: no delay on open, a short debounce on edits, one run per URI at a
 * time, and a newer request replaces a pending one (stale work is never started).
 */
export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    /** A check that failed (a bug, or the connection closed under it): reported, never an unhandled rejection. */
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  schedule(uri: string, delayMs: number): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.start(uri);
    }, delayMs);
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    this.timers.delete(uri);
    this.rerun.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async start(uri: string): Promise<void> {
    if (this.running.has(uri)) {
      this.rerun.add(uri);
      return;
    }
    this.running.add(uri);
    try {
      await this.validate(uri);
    } catch (error) {
      this.onError(uri, error);
    } finally {
      this.running.delete(uri);
      if (this.rerun.delete(uri)) this.schedule(uri, 0);
    }
  }
}
