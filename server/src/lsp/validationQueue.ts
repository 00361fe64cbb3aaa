/**
 * Schedules validation per URI: no delay on open or on the first edit after a pause, a short debounce on the edits of a burst, one run per URI at a
 * time, and a newer request replaces a pending one (stale work is never started).
 */
export class ValidationQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<string>();
  private readonly rerun = new Set<string>();
  /** When each URI was last asked for (performance.now()), to tell a burst from a single change. */
  private readonly lastRequest = new Map<string, number>();
  /** URIs whose pending timer is a leading-edge one (0 ms). */
  private readonly leading = new Set<string>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    /** A check that failed (a bug, or the connection closed under it): reported, never an unhandled rejection. */
    private readonly onError: (uri: string, error: unknown) => void = () => undefined,
  ) {}

  /**
   * Checks `uri` after `delayMs` without a newer request for it. The first request after a quiet spell
   * (none for `delayMs`, none pending or running) starts at once: a single edit's diagnostics do not
   * wait out the debounce, which is only there to merge a burst (its later requests wait for the pause).
   */
  schedule(uri: string, delayMs: number): void {
    const now = performance.now();
    const previous = this.lastRequest.get(uri);
    this.lastRequest.set(uri, now);
    const existing = this.timers.get(uri);
    // A check about to start at once reads the newest text anyway: this change rides along.
    if (existing && this.leading.has(uri)) return;
    if (existing) clearTimeout(existing);
    const quiet = !existing && !this.running.has(uri) && (previous === undefined || now - previous >= delayMs);
    if (quiet) this.leading.add(uri);
    const timer = setTimeout(
      () => {
        this.timers.delete(uri);
        this.leading.delete(uri);
        void this.start(uri);
      },
      quiet ? 0 : delayMs,
    );
    this.timers.set(uri, timer);
  }

  cancel(uri: string): void {
    const existing = this.timers.get(uri);
    if (existing) clearTimeout(existing);
    this.timers.delete(uri);
    this.rerun.delete(uri);
    this.lastRequest.delete(uri);
    this.leading.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.lastRequest.clear();
    this.leading.clear();
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
