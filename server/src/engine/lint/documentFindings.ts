/**
 * A file's findings per document, kept between two checks of the file: after an edit of one
 * document of a 5,000-document file, every other document's findings are reused (moved to their
 * new lines) instead of being collected again, so a check costs what changed, not the file size.
 */
import type { ManifestFile } from '../document/manifestFile';
import type { Finding } from '../types';
import type { KeyVersions, VersionSnapshot } from '../workspace/dependencyKeys';
import { mapFindingRanges, rangeRelocator } from './shift';

export interface DocumentFindings {
  /** Final findings of the document (settings applied), with ranges as of `files`. */
  readonly findings: readonly Finding[];
  /**
   * Versions of everything the findings depend on beyond the document's chunk (the key of the map
   * they are kept in): the file's settings, the object's own keys, what its rules and its schema read.
   */
  readonly snapshot: VersionSnapshot;
  /** The file versions the ranges refer to (one per URI; usually just the document's own file). */
  readonly files: readonly ManifestFile[];
}

/**
 * The cached findings of a document, moved to the current file versions; undefined when a fact they
 * read changed or one of their ranges is in a document that no longer exists unchanged.
 */
export function reuseFindings(
  entry: DocumentFindings,
  versions: KeyVersions,
  current: (uri: string) => ManifestFile | undefined,
): DocumentFindings | undefined {
  if (!versions.isCurrent(entry.snapshot)) return undefined;
  // No ranges to move: kept as it is (most documents of a large file; one new object each per keystroke otherwise).
  if (entry.findings.length === 0) return entry;
  let moved = false;
  const files: ManifestFile[] = [];
  for (const then of entry.files) {
    const now = current(then.uri);
    if (!now) return undefined;
    if (now !== then) moved = true;
    files.push(now);
  }
  if (!moved) return entry;
  const findings: Finding[] = [];
  let same = true;
  const relocators = new Map(entry.files.map((then, i) => [then.uri, rangeRelocator(then, files[i])]));
  for (const finding of entry.findings) {
    const mapped = mapFindingRanges(finding, (uri, range) => relocators.get(uri)?.(range));
    if (!mapped) return undefined;
    if (mapped !== finding) same = false;
    findings.push(mapped);
  }
  // Nothing moved (the edit was below, or on the same line count): the same findings, new file versions.
  return { findings: same ? entry.findings : findings, snapshot: entry.snapshot, files };
}
