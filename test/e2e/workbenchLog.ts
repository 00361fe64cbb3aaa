/**
 * VS Code's own verdict on the extension host: the workbench logs "Extension host (<kind>) is unresponsive." when
 * the host has not acknowledged one of its requests for 3 s (and "… is responsive." when it has caught up). The
 * e2e launcher copies every line of the workbench's log to the file BIOME_E2E_WORKBENCH_LOG (code-server keeps the
 * log itself in the browser, out of the extension host's reach); this reads it. Test-only.
 */
import * as fs from 'node:fs';

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
