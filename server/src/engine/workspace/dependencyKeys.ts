/**
 * Names for the facts a lint result can depend on. Every look-up a rule makes through the index is
 * recorded as one of these keys; an edit bumps the keys of what it changed, and only results that
 * read a bumped key are recomputed.
 */
import type { ResourceIdentity } from '../document/manifestDocument';

export function identityKey(id: { kind: string; namespace: string; name: string | undefined }): string {
  return `id:${id.kind}/${id.namespace}/${id.name ?? ''}`;
}

export function kindKey(kind: string, namespace?: string): string {
  return namespace === undefined ? `kind:${kind}` : `kind:${kind}/${namespace}`;
}

/**
 * The layout of a folder: which documents its kustomization lists as patches. Bumped only when a
 * kustomization changes, so editing one resource does not invalidate every result in its folder.
 */
export function folderKey(folder: string): string {
  return `folder:${folder}`;
}

export const PROMETHEUS_KEY = 'prometheus-configs';

/** Bumped when a file is added to or removed from the index (not edited): what kustomization paths and globs resolve to. */
export const FILES_KEY = 'files';

/** Bumped with any folder's key: the grouping of documents into base + patches may have changed. */
export const LAYOUT_KEY = 'layout';

/**
 * Keys a document's content contributes to. Not the folder key: grouping into base + patches
 * depends only on the documents of one identity (its key) and the folder's kustomization.
 */
export function keysOfResource(id: ResourceIdentity): string[] {
  return [identityKey(id), kindKey(id.kind, id.namespace), kindKey(id.kind)];
}

/** One key's current version; snapshots hold the cell itself, so checking one compares numbers, not key strings. */
interface KeyCell {
  readonly key: string;
  version: number;
}

/**
 * Versions of some keys at one moment, flat: key cell, version, key cell, version, … (lighter than a
 * Map: one is cached per document result, rule result and rendered group, thousands in a large workspace).
 */
export type VersionSnapshot = readonly (KeyCell | number)[];

export class KeyVersions {
  private readonly cells = new Map<string, KeyCell>();
  private clock = 0;

  bump(keys: Iterable<string>): void {
    this.clock++;
    for (const key of keys) this.cell(key).version = this.clock;
  }

  get(key: string): number {
    return this.cells.get(key)?.version ?? 0;
  }

  /** A snapshot of the current versions of `keys`. */
  snapshot(keys: Iterable<string>): VersionSnapshot {
    const out: (KeyCell | number)[] = [];
    for (const key of keys) {
      const cell = this.cell(key);
      out.push(cell, cell.version);
    }
    // Exact length: thousands of snapshots stay cached, and push() leaves spare room.
    return out.slice();
  }

  /**
   * Whether no key of the snapshot was bumped since. Every document of a 5,000-document file is
   * checked this way on each edit: a comparison of numbers per key, no look-up by key string.
   */
  isCurrent(snapshot: VersionSnapshot): boolean {
    for (let i = 0; i < snapshot.length; i += 2) if ((snapshot[i] as KeyCell).version !== snapshot[i + 1]) return false;
    return true;
  }

  /** A cell per key ever read or bumped (a key read before it is bumped is at version 0). */
  private cell(key: string): KeyCell {
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { key, version: 0 }));
    return cell;
  }
}

/** The keys a snapshot holds. */
export function keysOfSnapshot(snapshot: VersionSnapshot): string[] {
  const out: string[] = [];
  for (let i = 0; i < snapshot.length; i += 2) out.push((snapshot[i] as KeyCell).key);
  return out;
}
