/**
 * Everything the linter keeps between checks, and the one way it goes stale. A kept result carries a
 * snapshot of the dependency keys it read (`KeyVersions`): the document's own facts, the cross-file
 * facts its rules looked up, and the file's settings (`settings:<uri>`, bumped here when a check
 * brings other settings). A result is current while its snapshot is; nothing else invalidates it.
 * - per document: its final findings (`DocumentFindings`), by file and chunk;
 * - per rendered object (or config document): its rule results (`GroupResult`), shared by the
 *   documents of the object, listed under each source file;
 * - per dependency key: the files whose results read it (`dependentsOf`, for re-checks).
 * Forgetting a file drops all three for it.
 */
import type { ParsedChunk } from '../document/parsedChunk';
import type { KeyVersions } from '../workspace/dependencyKeys';
import type { DocumentFindings } from './documentFindings';
import type { GroupResult } from './groupResult';

/** The key of a file's lint settings: its results read it, and it is bumped when they change. */
export function settingsKey(uri: string): string {
  return `settings:${uri}`;
}

export class ResultStore {
  /** Per file, each document's findings at its last check, by chunk. */
  private readonly documents = new Map<string, Map<ParsedChunk, DocumentFindings>>();
  /** The settings each file was last checked with (serialized), to bump its settings key on a change. */
  private readonly settingsOf = new Map<string, string>();
  private readonly groups = new Map<string, GroupResult>();
  /** File → the group results it is a source of. */
  private readonly groupsOfFile = new Map<string, Set<string>>();
  /** Dependency key → files whose results read it (an over-approximation; never misses one). */
  private readonly keyUsers = new Map<string, Set<string>>();
  /** File → the keys it is listed under in keyUsers. */
  private readonly keysOfFile = new Map<string, Set<string>>();

  constructor(private readonly versions: KeyVersions) {}

  /** Notes the settings of a check of `uri`; when they differ from the last check's, its settings key is bumped. */
  useSettings(uri: string, serialized: string): void {
    if (this.settingsOf.get(uri) === serialized) return;
    const first = !this.settingsOf.has(uri);
    this.settingsOf.set(uri, serialized);
    if (!first) this.versions.bump([settingsKey(uri)]);
  }

  documentsOf(uri: string): ReadonlyMap<ParsedChunk, DocumentFindings> | undefined {
    return this.documents.get(uri);
  }

  setDocuments(uri: string, byChunk: Map<ParsedChunk, DocumentFindings>): void {
    this.documents.set(uri, byChunk);
  }

  group(key: string): GroupResult | undefined {
    return this.groups.get(key);
  }

  setGroup(key: string, result: GroupResult, sourceUris: Iterable<string>): void {
    this.groups.set(key, result);
    for (const uri of sourceUris) addTo(this.groupsOfFile, uri, key);
  }

  /** Lists `uris` under every key in `keys` (see dependentsOf). */
  noteKeyUsers(keys: Iterable<string>, uris: Iterable<string>): void {
    const files = [...uris];
    for (const key of keys) {
      for (const uri of files) {
        addTo(this.keyUsers, key, uri);
        addTo(this.keysOfFile, uri, key);
      }
    }
  }

  /** Files whose results read one of `changedKeys`. */
  dependentsOf(changedKeys: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const key of changedKeys) for (const uri of this.keyUsers.get(key) ?? []) out.add(uri);
    return out;
  }

  /** Drops everything kept for a file: its document results, the group results it is a source of, its places under keys, its settings. */
  forgetFile(uri: string): void {
    this.documents.delete(uri);
    this.settingsOf.delete(uri);
    for (const key of this.groupsOfFile.get(uri) ?? []) this.groups.delete(key);
    this.groupsOfFile.delete(uri);
    for (const key of this.keysOfFile.get(uri) ?? []) {
      const users = this.keyUsers.get(key);
      users?.delete(uri);
      if (users?.size === 0) this.keyUsers.delete(key);
    }
    this.keysOfFile.delete(uri);
  }

  /** Forgets the files `isIndexed` denies, and drops group results that are no longer current (bounded memory). */
  prune(isIndexed: (uri: string) => boolean): void {
    const files = new Set([...this.documents.keys(), ...this.keysOfFile.keys(), ...this.groupsOfFile.keys(), ...this.settingsOf.keys()]);
    for (const uri of files) if (!isIndexed(uri)) this.forgetFile(uri);
    for (const [key, result] of this.groups) if (!this.versions.isCurrent(result.snapshot)) this.groups.delete(key);
    for (const [uri, keys] of this.groupsOfFile) {
      for (const key of keys) if (!this.groups.has(key)) keys.delete(key);
      if (keys.size === 0) this.groupsOfFile.delete(uri);
    }
  }

  /** What is kept for a file (for tests of forgetting): document results, group results, keys listing it. */
  keptFor(uri: string): { findings: boolean; groups: number; keys: number } {
    let keys = 0;
    for (const users of this.keyUsers.values()) if (users.has(uri)) keys++;
    return { findings: this.documents.has(uri), groups: this.groupsOfFile.get(uri)?.size ?? 0, keys };
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
