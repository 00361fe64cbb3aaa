/**
 * How long the extension host's thread is blocked while a test works, measured inside the host: the tests run on
 * the extension host's thread, so a sampler here sees every block of the extension (and of any other code on that
 * thread). Test-only: the product carries no such code.
 *
 * A timer ticks every RESOLUTION_MS; a late tick means the thread did not get back to its event loop. How late is
 * the event-loop delay, which on a loaded machine also counts time the OS gave the process no CPU. What the
 * thread itself computed during that gap (its CPU time) is the block that is the code's doing, and the bound is
 * checked on that, so a slow or busy CI machine does not fail the test for other processes' work.
 */
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';

/** The bound of issue #15: the extension host's thread never busy for longer than this at a stretch. */
export const HOST_BLOCKING_BOUND_MS = 200;
const RESOLUTION_MS = 10;

export interface PhaseBlocking {
  phase: string;
  /** The longest stretch the thread computed without returning to its event loop (its CPU time in the gap), ms. */
  longestBlockMs: number;
  /** The latest the sampler's tick came (event-loop delay, wall clock, includes waiting for a CPU), ms. */
  longestDelayMs: number;
  /** All the thread computed during the phase, ms. */
  cpuMs: number;
  wallMs: number;
  /** When the phase began and ended (epoch ms), to line it up with VS Code's logs. */
  startedAt: number;
  endedAt: number;
}

/** CPU time of this thread (Node ≥ 23.9, as in code-server's host); of the whole process before that. */
function threadCpuMs(): number {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Keeps this thread computing for `cpuMs` of its own CPU time (the sampler's self-test; a stand-in for a slow handler). */
export function blockThreadFor(cpuMs: number): void {
  const until = threadCpuMs() + cpuMs;
  while (threadCpuMs() < until) {
    // blocking on purpose
  }
}

class Sampler {
  longestBlockMs = 0;
  longestDelayMs = 0;
  private lastAt = performance.now();
  private readonly firstCpu = threadCpuMs();
  private lastCpu = this.firstCpu;
  private readonly timer = setInterval(() => this.tick(), RESOLUTION_MS);

  /** Takes the last sample (a block that ended the work is seen by the tick after it), then stops. */
  async stop(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 3 * RESOLUTION_MS));
    clearInterval(this.timer);
  }

  get cpuMs(): number {
    return this.lastCpu - this.firstCpu;
  }

  private tick(): void {
    const at = performance.now();
    const cpu = threadCpuMs();
    this.longestDelayMs = Math.max(this.longestDelayMs, at - this.lastAt - RESOLUTION_MS);
    this.longestBlockMs = Math.max(this.longestBlockMs, cpu - this.lastCpu);
    this.lastAt = at;
    this.lastCpu = cpu;
  }
}

/** A stretch the host's thread did not get back to its event loop (wall clock, epoch ms), and what it computed meanwhile. */
export interface HostStall {
  fromMs: number;
  toMs: number;
  cpuMs: number;
}

/** Shortest stall recorded: VS Code's unresponsive check waits 3 s, so shorter ones cannot explain a report alone. */
const STALL_RECORD_MS = 1000;

/** Records the host's stalls over a whole scenario, between phases too (where the per-phase sampler is not running). */
export class HostStallRecorder {
  readonly stalls: HostStall[] = [];
  private lastAt = Date.now();
  private lastCpu = threadCpuMs();
  private readonly timer = setInterval(() => this.tick(), RESOLUTION_MS);

  stop(): void {
    clearInterval(this.timer);
    this.tick();
  }

  private tick(): void {
    const at = Date.now();
    const cpu = threadCpuMs();
    if (at - this.lastAt - RESOLUTION_MS >= STALL_RECORD_MS) this.stalls.push({ fromMs: this.lastAt, toMs: at, cpuMs: Math.round(cpu - this.lastCpu) });
    this.lastAt = at;
    this.lastCpu = cpu;
  }
}

export class HostBlockingMonitor {
  readonly phases: PhaseBlocking[] = [];

  /** Runs `work` with the thread sampled; records its longest block under `phase`. */
  async phase<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const profile = await startProfile();
    const started = performance.now();
    const startedAt = Date.now();
    const sampler = new Sampler();
    try {
      return await work();
    } finally {
      await sampler.stop();
      await profile?.(phase);
      const round = (ms: number): number => Math.round(ms * 10) / 10;
      this.phases.push({
        phase,
        longestBlockMs: round(sampler.longestBlockMs),
        longestDelayMs: round(sampler.longestDelayMs),
        cpuMs: Math.round(sampler.cpuMs),
        wallMs: Math.round(performance.now() - started),
        startedAt,
        endedAt: Date.now(),
      });
    }
  }

  /** One line per phase, for the test's output and its failure message. */
  report(): string {
    return this.phases
      .map(
        (p) =>
          `${p.phase} [${clock(p.startedAt)}–${clock(p.endedAt)}]: longest block ${p.longestBlockMs} ms (event-loop delay ${p.longestDelayMs} ms), ${p.cpuMs} ms of CPU in ${p.wallMs} ms`,
      )
      .join('\n');
  }

  /** The phases with a block over the bound. */
  overBound(boundMs = HOST_BLOCKING_BOUND_MS): PhaseBlocking[] {
    return this.phases.filter((p) => p.longestBlockMs > boundMs);
  }
}

/** `hh:mm:ss.mmm` (UTC) of an epoch time, as VS Code's logs print it. */
function clock(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 23);
}

/**
 * With BIOME_E2E_HOST_PROFILE=<folder>, a CPU profile of the extension host per phase (`<phase>.cpuprofile`, open
 * it in Chrome DevTools or VS Code) to find what blocked it; returns the function that stops and writes it.
 */
async function startProfile(): Promise<((phase: string) => Promise<void>) | undefined> {
  const folder = process.env.BIOME_E2E_HOST_PROFILE;
  if (!folder) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async (phase) => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `${phase.replace(/[^A-Za-z0-9]+/g, '-')}.cpuprofile`), JSON.stringify(profile));
  };
}
