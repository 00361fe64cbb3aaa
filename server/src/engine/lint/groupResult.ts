/**
 * The rule results of one rendered object (or one config document): findings by the chunk they are
 * in, what they read, and the operations on them: relocation to new file versions, and re-running
 * only the rules whose reads changed while the object itself did not.
 */
import type { ManifestFile } from '../document/manifestFile';
import type { ParsedChunk } from '../document/parsedChunk';
import type { VersionSnapshot } from '../workspace/dependencyKeys';
import type { LocatedFinding, RawFinding } from './runRules';
import { mapFindingRanges, rangeRelocator } from './shift';

export interface GroupResult {
  /** Versions of every key the result read (its own and its rules'). */
  snapshot: VersionSnapshot;
  /** Versions of the object's own keys (identity, folder): when they change, every rule runs again. */
  ownSnapshot: VersionSnapshot;
  /** Per rule that read the workspace, the versions of what it read; the other rules read only the object. */
  ruleSnapshots: ReadonlyMap<string, VersionSnapshot>;
  chunks: ParsedChunk[];
  /** Findings by the chunk they are in, with ranges as of `files` (NO_FINDINGS when none). */
  byChunk: ReadonlyMap<ParsedChunk, RawFinding[]>;
  /** The file versions the ranges were computed against, by URI (NO_FILES when no findings). */
  files: ReadonlyMap<string, ManifestFile>;
  objectIgnores: string[];
}

// Shared by the results without findings (most of them): an empty Map still takes ≈ 180 bytes.
const NO_FINDINGS: ReadonlyMap<ParsedChunk, RawFinding[]> = new Map();
const NO_FILES: ReadonlyMap<string, ManifestFile> = new Map();
export const NO_RULE_SNAPSHOTS: ReadonlyMap<string, VersionSnapshot> = new Map();

type FileOf = (uri: string) => ManifestFile | undefined;

/** A finding with the chunk of the document it is in. */
export interface ChunkFinding {
  chunk: ParsedChunk;
  finding: RawFinding;
}

export function withChunks(located: readonly LocatedFinding[]): ChunkFinding[] {
  return located.map(({ doc, finding }) => ({ chunk: doc.chunk, finding }));
}

/** Findings grouped by chunk, with the current versions of every file their ranges are in. */
export function placeFindings(located: readonly ChunkFinding[], fileOf: FileOf): Pick<GroupResult, 'byChunk' | 'files'> {
  const byChunk = new Map<ParsedChunk, RawFinding[]>();
  const files = new Map<string, ManifestFile>();
  const noteFile = (uri: string): void => {
    const file = fileOf(uri);
    if (file) files.set(uri, file);
  };
  for (const { chunk, finding } of located) {
    const list = byChunk.get(chunk);
    if (list) list.push(finding);
    else byChunk.set(chunk, [finding]);
    noteFile(finding.uri);
    for (const r of finding.related ?? []) noteFile(r.uri);
    for (const fix of finding.data?.fixes ?? []) for (const f of fix.edits) noteFile(f.uri);
  }
  return byChunk.size > 0 ? { byChunk, files } : { byChunk: NO_FINDINGS, files: NO_FILES };
}

/** The result with its ranges moved to the current file versions, or undefined if one cannot be moved. */
export function relocateGroup(result: GroupResult, fileOf: FileOf): GroupResult | undefined {
  let moved = false;
  const files = new Map<string, ManifestFile>();
  for (const [uri, then] of result.files) {
    const now = fileOf(uri);
    if (!now) return undefined;
    files.set(uri, now);
    if (now !== then) moved = true;
  }
  if (!moved) return result;
  const byChunk = new Map<ParsedChunk, RawFinding[]>();
  const relocators = new Map([...result.files].map(([uri, then]) => [uri, rangeRelocator(then, files.get(uri))]));
  for (const [chunk, findings] of result.byChunk) {
    const mapped: RawFinding[] = [];
    for (const finding of findings) {
      const m = mapFindingRanges(finding, (uri, range) => relocators.get(uri)?.(range));
      if (!m) return undefined;
      mapped.push(m);
    }
    byChunk.set(chunk, mapped);
  }
  return { ...result, byChunk, files };
}

/**
 * The findings of `kept` (relocated to the current files) without those of the `rerun` rules, plus
 * their new findings, in the order a full run reports them: by rule, in `ruleOrder`.
 */
export function mergeRerun(
  kept: GroupResult,
  rerun: ReadonlySet<string>,
  fresh: readonly ChunkFinding[],
  ruleOrder: ReadonlyMap<string, number>,
  fileOf: FileOf,
): Pick<GroupResult, 'byChunk' | 'files'> {
  const located: { at: number; item: ChunkFinding }[] = [];
  for (const [chunk, findings] of kept.byChunk) {
    for (const finding of findings) if (!rerun.has(finding.code)) located.push({ at: located.length, item: { chunk, finding } });
  }
  for (const item of fresh) located.push({ at: located.length, item });
  const rank = (finding: RawFinding): number => ruleOrder.get(finding.code) ?? ruleOrder.size;
  located.sort((a, b) => rank(a.item.finding) - rank(b.item.finding) || a.at - b.at);
  return placeFindings(
    located.map((l) => l.item),
    fileOf,
  );
}
