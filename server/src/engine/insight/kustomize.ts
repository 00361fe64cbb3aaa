/**
 * Kustomization paths at the cursor: completion of the files and folders next to the
 * kustomization (from the index and the disk) in `resources`, `components`, `patches[].path`,
 * generator `files`/`envs`, …, and go to definition on a listed path (a folder: its kustomization).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPlainObject } from '../render/annotated';
import { existsOnDisk, isFileOnDisk, KUSTOMIZATION_NAMES, kustomizePaths, resolveKustomizePath } from '../workspace/kustomizePaths';
import { folderOf, type WorkspaceIndex } from '../workspace/workspaceIndex';
import type { CursorContext, InsightCompletion, InsightProvider, Location } from './types';

const LIST_SLOTS = new Set(['resources', 'bases', 'components', 'crds', 'patchesStrategicMerge', 'configurations']);
const ENTRY_SLOTS = new Set(['patches', 'patchesJson6902', 'replacements']);
const GENERATORS = new Set(['configMapGenerator', 'secretGenerator']);
/** Entries listed per folder at most: a folder of 100,000 files still answers at once. */
const MAX_ENTRIES = 500;
const START: Location['range'] = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Whether the cursor (at `path`, with `linePrefix` before it on its line) is where a path is written. */
function inPathSlot(path: readonly (string | number)[], linePrefix: string): boolean {
  const [field, , key] = path;
  if (typeof field !== 'string') return false;
  if (LIST_SLOTS.has(field)) return path.length <= 2 && !/:\s*\S*$/.test(linePrefix.replace(/^\s*-\s*/, ''));
  if (ENTRY_SLOTS.has(field)) return key === 'path' || (path.length === 2 && /(^|\s)path:\s*\S*$/.test(linePrefix));
  if (GENERATORS.has(field)) return key === 'files' || key === 'envs' || key === 'env' || (path.length === 2 && /(^|\s)env:\s*\S*$/.test(linePrefix));
  return false;
}

/** Names in a folder, from the index and the disk: folders end with `/`. */
function entriesOf(index: WorkspaceIndex, folder: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const prefix = `${folder}/`;
  for (const file of index.files()) {
    if (!file.uri.startsWith(prefix)) continue;
    const rest = file.uri.slice(prefix.length);
    const slash = rest.indexOf('/');
    out.set(decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)), slash >= 0);
    if (out.size >= MAX_ENTRIES) return out;
  }
  if (!folder.startsWith('file:')) return out;
  try {
    for (const entry of readdirSync(fileURLToPath(folder), { withFileTypes: true })) {
      if (out.size >= MAX_ENTRIES) break;
      if (!entry.name.startsWith('.')) out.set(entry.name, entry.isDirectory());
    }
  } catch {
    // A folder that is not there (yet) offers nothing.
  }
  return out;
}

function pathCompletions(ctx: CursorContext): InsightCompletion[] {
  if (ctx.doc.class.type !== 'kustomization') return [];
  const text = ctx.doc.text;
  const linePrefix = text.slice(text.lastIndexOf('\n', ctx.offset - 1) + 1, ctx.offset);
  if (!inPathSlot(ctx.at.path, linePrefix)) return [];
  // What is typed of the path so far: after `- `, `: ` or a generator file's `key=`.
  const typed = /([^\s'"=:]*)$/.exec(linePrefix)?.[1] ?? '';
  const dirPart = typed.slice(0, typed.lastIndexOf('/') + 1);
  const home = folderOf(ctx.doc.uri);
  const folder = dirPart === '' ? home : resolveKustomizePath(home, dirPart);
  if (!folder) return [];
  const out: InsightCompletion[] = [];
  for (const [name, isFolder] of entriesOf(ctx.index, folder)) {
    if (folder === home && (KUSTOMIZATION_NAMES as readonly string[]).includes(name)) continue;
    out.push({ label: isFolder ? `${name}/` : name, insertText: name, detail: isFolder ? 'folder' : 'file' });
  }
  return out.sort((a, b) => a.label.localeCompare(b.label));
}

function pathDefinition(ctx: CursorContext): Location[] {
  if (ctx.doc.class.type !== 'kustomization' || ctx.at.onKey) return [];
  const value = ctx.doc.plain().value;
  if (!isPlainObject(value)) return [];
  const at = ctx.at.path;
  const listed = kustomizePaths(value).find((p) => p.at.length === at.length && p.at.every((part, i) => part === at[i]));
  const uri = listed && resolveKustomizePath(folderOf(ctx.doc.uri), listed.text);
  if (!uri) return [];
  if (ctx.index.getFile(uri)) return [{ uri, range: START }];
  for (const name of KUSTOMIZATION_NAMES) {
    const inside = `${uri}/${name}`;
    if (ctx.index.getFile(inside) || existsOnDisk(inside)) return [{ uri: inside, range: START }];
  }
  return isFileOnDisk(uri) ? [{ uri, range: START }] : [];
}

export const kustomizeInsight: InsightProvider = {
  id: 'kustomize',
  completion: pathCompletions,
  definition: pathDefinition,
};
