/**
 * `biomeManifests.files.associations`: globs that make a file a monitoring file whatever its content says (a rule
 * file with no groups yet, an Alertmanager config split across files). Kept per workspace folder; set when the
 * workspace is (re)loaded, which a settings change triggers.
 */
import { compileGlob } from '../workspace/glob';
import { isMonitoringFormat, type MonitoringFormat } from './formats';

interface Association {
  folder: string;
  glob: string;
  matches: (path: string) => boolean;
  format: MonitoringFormat;
}

let associations: Association[] = [];
let version = 0;
const byUri = new Map<string, MonitoringFormat | null>();
const CACHE_LIMIT = 50_000;

/** Replaces the associations of `folder` (a folder URI ending without a slash) with `globs` (glob → format). */
export function setFormatAssociations(folder: string, globs: Readonly<Record<string, unknown>>): void {
  const base = folder.replace(/\/$/, '');
  const before = JSON.stringify(associations.map((a) => [a.folder, a.glob, a.format]));
  associations = associations.filter((a) => a.folder !== base);
  for (const [glob, format] of Object.entries(globs)) {
    if (typeof format !== 'string' || !isMonitoringFormat(format) || glob.trim() === '') continue;
    // Relative globs match at any depth below the folder, as files.associations does for a bare name.
    const relative = glob.replace(/^\.?\//, '');
    const anchored = relative.includes('/') || relative.startsWith('**') ? relative : `**/${relative}`;
    // An invalid glob associates nothing (the setting's own schema flags it; globs are never backtracking regexes).
    const compiled = compileGlob(anchored);
    if (compiled.ok) associations.push({ folder: base, glob: anchored, matches: compiled.matches, format });
  }
  if (JSON.stringify(associations.map((a) => [a.folder, a.glob, a.format])) === before) return;
  byUri.clear();
  version++;
}

/** Changes whenever the associations do (the linter does not reuse results across a change). */
export function associationsVersion(): number {
  return version;
}

/** The format a setting assigns to the file at `uri`, if any. */
export function associatedFormat(uri: string): MonitoringFormat | undefined {
  if (associations.length === 0) return undefined;
  let found = byUri.get(uri);
  if (found === undefined) {
    found = null;
    for (const a of associations) {
      if (!uri.startsWith(`${a.folder}/`)) continue;
      const relative = decodeURIComponent(uri.slice(a.folder.length + 1));
      if (a.matches(relative)) found = a.format;
    }
    if (byUri.size >= CACHE_LIMIT) byUri.clear();
    byUri.set(uri, found);
  }
  return found ?? undefined;
}
