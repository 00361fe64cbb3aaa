/**
 * Where a `kubectl kustomize` failure belongs in the kustomization file: kubectl names the path it
 * could not load (`accumulating resources from 'service.yaml': …`), so the entry that lists it is
 * underlined; otherwise the first line. Pure text work (no VS Code, no YAML parser: the client
 * keeps none), so it is tested without an editor.
 */

export interface FailureLocation {
  line: number;
  start: number;
  end: number;
}

const KUSTOMIZATION_FILE = /(^|[\\/])(kustomization\.ya?ml|Kustomization)$/;

export function isKustomizationFile(fileName: string): boolean {
  return KUSTOMIZATION_FILE.test(fileName);
}

/** Normalized path text: no quotes, no `./`, no trailing `/`. */
function normalize(text: string): string {
  return text
    .trim()
    .replace(/^['"]|['"]$/g, '')
    .replace(/^(\.\/)+/, '')
    .replace(/\/+$/, '');
}

/** The path value of a line listing one (`- base`, `path: p.yaml`, `- key=file`), with its columns. */
function listedPath(line: string): { value: string; start: number } | undefined {
  const match = /^(\s*(?:-\s+)?(?:path:\s+|env:\s+)?(?:[\w.-]+=)?)(\S.*?)\s*$/.exec(line);
  if (!match || /^[\w-]+:(\s|$)/.test(match[2]!)) return undefined;
  return { value: match[2]!, start: match[1]!.length };
}

/** The path-like words of kubectl's output (quotes nest in its messages, so words, not quoted strings). */
function wordsIn(output: string): string[] {
  return output
    .split(/[\s'"`<>:=,]+/)
    .map(normalize)
    .filter((w) => w !== '');
}

/** `output`: kubectl's error output (all of it: the path may be on a later line). */
export function failureLocation(output: string, text: string): FailureLocation {
  const lines = text.split(/\r?\n/);
  const quoted = wordsIn(output);
  for (let i = 0; i < lines.length; i++) {
    const listed = listedPath(lines[i]!);
    if (!listed) continue;
    const value = normalize(listed.value);
    if (value !== '' && quoted.some((q) => q === value || q.endsWith(`/${value}`))) {
      return { line: i, start: listed.start, end: listed.start + listed.value.length };
    }
  }
  return { line: 0, start: 0, end: lines[0]?.length ?? 0 };
}

/** The diagnostic text: kubectl's first line, without its `kubectl kustomize failed:` prefix noise. */
export function failureMessage(reason: string): string {
  const detail = reason.replace(/^kubectl kustomize failed:\s*/, '').replace(/^Error:\s*/, '');
  return `kubectl kustomize cannot build this folder: ${detail}`;
}
