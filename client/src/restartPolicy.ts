/**
 * What to do when the language server process dies: restart it, a bounded number of times in a
 * window, and tell the user each time (the library's default restarts silently). Pure.
 */
export interface CrashDecision {
  restart: boolean;
  /** Shown to the user: a warning when restarted, an error when given up. */
  message: string;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now` (ms) and decides. */
  onCrash(now: number): CrashDecision {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > this.windowMs) this.crashes.shift();
    const minutes = Math.round(this.windowMs / 60000);
    if (this.crashes.length <= this.maxRestarts) {
      return {
        restart: true,
        message: `Biome Manifests: the language server stopped unexpectedly and was restarted (${this.crashes.length} of ${this.maxRestarts} restarts allowed in ${minutes} minutes). The "Biome Manifests" output has the details.`,
      };
    }
    return {
      restart: false,
      message: `Biome Manifests: the language server stopped ${this.crashes.length} times in ${minutes} minutes and will not be restarted, so diagnostics and hovers are off. Check the "Biome Manifests" output, then run "Biome Manifests: Restart Language Server".`,
    };
  }
}
