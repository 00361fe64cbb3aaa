/**
 * A file's findings per document, kept between two checks of the file: after an edit of one
 * document of a 5,000-document file, every other document's findings are reused (moved to their
 * new lines) instead of being collected again, so a check costs what changed, not the file size.
 */
import type { ManifestFile } from '../document/manifestFile';
import type { ParsedChunk } from '../document/parsedChunk';
import type { Finding } from '../types';
import type { KeyVersions, VersionSnapshot } from '../workspace/dependencyKeys';
import { mapFindingRanges, relocateRange } from './shift';

export interface DocumentFindings {
  /** Final findings of the document (settings applied), with ranges as of `files`. */
  readonly findings: readonly Finding[];
  /** Versions of the facts the findings read; undefined when they read none beyond the chunk. */
  readonly snapshot: VersionSnapshot | undefined;
  /** The file versions the ranges refer to (one per URI; usually just the document's own file). */
  readonly files: readonly ManifestFile[];
}

export interface FileFindings {
  /** The lint settings the findings were computed with (serialized). */
  readonly settingsKey: string;
  readonly byChunk: Map<ParsedChunk, DocumentFindings>;
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
  if (entry.snapshot && !versions.isCurrent(entry.snapshot)) return undefined;
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
  for (const finding of entry.findings) {
    const mapped = mapFindingRanges(finding, (uri, range) => {
      const i = entry.files.findIndex((f) => f.uri === uri);
      return i >= 0 ? relocateRange(entry.files[i]!, files[i], range) : undefined;
    });
    if (!mapped) return undefined;
    if (mapped !== finding) same = false;
    findings.push(mapped);
  }
  // Nothing moved (the edit was below, or on the same line count): the same findings, new file versions.
  return { findings: same ? entry.findings : findings, snapshot: entry.snapshot, files };
}
