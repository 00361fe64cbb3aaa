/**
 * VS Code's own verdict on the extension host: the workbench logs "Extension host (<kind>) is unresponsive." when
 * the host has not acknowledged one of its requests for 3 s (and "… is responsive." when it has caught up). The
 * e2e launcher copies every line of the workbench's log to the file BIOME_E2E_WORKBENCH_LOG (code-server keeps the
 * log itself in the browser, out of the extension host's reach); this reads it. Test-only.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { HostStall } from './hostBlocking';

/** How long after a stall VS Code may take to report it: 3 s without an acknowledgement, checked every second. */
export const UNRESPONSIVE_REPORT_DELAY_MS = 4500;

const UNRESPONSIVE = /Extension host \((.+?)\) is unresponsive\./;
const RESPONSIVE = /Extension host \((.+?)\) is responsive\./;

export class WorkbenchLog {
  constructor(private readonly file = process.env.BIOME_E2E_WORKBENCH_LOG) {}

  /** Whether the launcher provides the log (code-server runs; a desktop VS Code run has none). */
  get available(): boolean {
    return !!this.file && fs.existsSync(this.file);
  }

  private text(): Buffer {
    if (!this.file) throw new Error('BIOME_E2E_WORKBENCH_LOG is not set: the e2e launcher provides the workbench log');
    return fs.readFileSync(this.file);
  }

  /** A mark (the log's length) to read what is logged after it. */
  mark(): number {
    return this.text().length;
  }

  /** The lines logged since `mark`. */
  linesSince(mark: number): string[] {
    return this.text().subarray(mark).toString('utf8').split('\n');
  }

  /** The "is unresponsive" reports logged since `mark` (each with the time the launcher received it). */
  unresponsiveSince(mark: number): string[] {
    return this.linesSince(mark).filter((line) => UNRESPONSIVE.test(line));
  }

  /** The "is responsive" reports logged since `mark` (the host caught up). */
  responsiveSince(mark: number): string[] {
    return this.linesSince(mark).filter((line) => RESPONSIVE.test(line));
  }
}

/**
 * Load average per core from which the machine counts as overloaded: at 6 runnable processes per core the
 * browser's page gets a sixth of a CPU, and VS Code's 3-second wall-clock check then fires on the workbench's
 * own work (measured: no report at a load average of 11-12 on 2 cores, reports with both the old and the new
 * client at 15-22; docs/PERFORMANCE.md).
 */
export const OVERLOADED_PER_CORE = 6;

export function loadPerCore(): number {
  return os.loadavg()[0]! / Math.max(1, os.cpus().length);
}

export interface ReportVerdict {
  /** The reports that fail the test. */
  failing: string[];
  /** Reports excused on an overloaded machine (no stall of the host behind them): printed, not failed. */
  excused: string[];
}

/** The time (epoch ms) the launcher wrote in front of a log line. */
function lineTime(line: string): number {
  return Date.parse(line.slice(0, line.indexOf(' ')));
}

/**
 * Which unresponsive reports fail the test. On a machine that is not overloaded, all of them. On an overloaded
 * one, those the host caused: a stall of the host's own thread (event loop late by ≥ 1 s) in the 4.5 s before the
 * report; the others are the workbench waiting for a CPU, and are printed with the load.
 */
export function judgeReports(reports: readonly string[], stalls: readonly HostStall[], perCoreLoad: number): ReportVerdict {
  if (perCoreLoad < OVERLOADED_PER_CORE) return { failing: [...reports], excused: [] };
  const hostStalled = (line: string): boolean => {
    const at = lineTime(line);
    return Number.isNaN(at) || stalls.some((s) => s.toMs >= at - UNRESPONSIVE_REPORT_DELAY_MS && s.fromMs <= at);
  };
  return { failing: reports.filter(hostStalled), excused: reports.filter((line) => !hostStalled(line)) };
}
