/** GitHub Actions workflow commands: one annotation per finding, shown inline on the pull request. */
import type { Severity } from '../../engine/types';
import { escapeControl } from './escape';
import type { FileFindings, ReportInput } from './model';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

// The runner's own escaping (actions/toolkit `escapeData`/`escapeProperty`), after control characters are
// made visible: nothing from a manifest can end the command or start a new one on its own line.
function data(text: string): string {
  return escapeControl(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The workflow commands of one file's findings. */
export function githubLines({ path, findings }: FileFindings): string[] {
  return findings.map((f) => {
    const { start, end } = f.range;
    const props = [
      `file=${property(path)}`,
      `line=${start.line + 1}`,
      `col=${start.character + 1}`,
      `endLine=${end.line + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${property(f.code)}`,
    ];
    return `::${COMMAND[f.severity]} ${props.join(',')}::${data(f.message)}`;
  });
}

export function formatGithub(input: ReportInput): string {
  return input.results.flatMap(githubLines).join('\n');
}
