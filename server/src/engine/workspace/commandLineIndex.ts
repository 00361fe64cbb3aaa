/**
 * The command lines of a namespace's workloads, indexed by the names they mention
 * (k8s/commandLineMentions.ts): "is this Secret created by a Job told its name" is a map look-up,
 * not a regular expression per word of every workload for each missing reference.
 */
import type { WorkloadCommandLine } from '../k8s/lookup';
import { isTokenName, mentions, mentionTokens } from '../k8s/commandLineMentions';
import type { KindList } from './kindList';
import { commandLineWords } from './projectionKeys';
import { podSpecPath } from '../k8s/podSpec';
import { at } from '../k8s/values';

export interface CommandLineIndex {
  readonly lines: readonly WorkloadCommandLine[];
  readonly byName: ReadonlyMap<string, readonly WorkloadCommandLine[]>;
}

export function buildCommandLineIndex(lists: readonly KindList[]): CommandLineIndex {
  const lines = lists.flatMap(commandLinesOfList);
  const byName = new Map<string, WorkloadCommandLine[]>();
  for (const line of lines) {
    const named = new Set(line.words.flatMap(mentionTokens));
    for (const name of named) {
      const list = byName.get(name);
      if (list) list.push(line);
      else byName.set(name, [line]);
    }
  }
  return { lines, byName };
}

/** The command lines that mention `name` (in workload order). */
export function linesNaming(index: CommandLineIndex, name: string): readonly WorkloadCommandLine[] {
  if (isTokenName(name)) return index.byName.get(name) ?? [];
  return index.lines.filter((line) => line.words.some((word) => mentions(word, name)));
}

/** The command lines of a workload kind's objects (built once per list). */
function commandLinesOfList(list: KindList): WorkloadCommandLine[] {
  list.commandLines ??= list.objects.map((o) => ({
    kind: o.identity.kind,
    name: o.identity.name,
    words: commandLineWords(at(o.value, ...(podSpecPath(o.identity.kind) ?? []))).flat(),
  }));
  return list.commandLines;
}
