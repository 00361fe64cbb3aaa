/**
 * The file and folder paths a kustomization lists (resources, components, patches, generator
 * files, …), where they are in the document, and what they resolve to. Remote URLs
 * (`github.com/org/repo/path?ref=v1`, `https://…`, `git@…`) are recognised and left alone.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isPlainObject } from '../render/annotated';
import type { ValuePath } from '../types';

/** The file names kustomize looks for in a folder, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** What a listed path must be: any file or folder, a folder (with a kustomization), or a file. */
export type PathRole = 'resource' | 'component' | 'file';

export interface KustomizePath {
  /** Where the path is, in the kustomization document (the string scalar). */
  readonly at: ValuePath;
  /** The path as written (for generator `files`, without the `key=` prefix). */
  readonly text: string;
  /** How many characters of the scalar come before `text` (the `key=` of a generator file). */
  readonly offset: number;
  readonly role: PathRole;
  /** The field it is listed under (`resources`, `patches[].path`, …), for messages. */
  readonly field: string;
}

const LIST_FIELDS: readonly [string, PathRole][] = [
  ['resources', 'resource'],
  ['bases', 'resource'],
  ['components', 'component'],
  ['crds', 'file'],
  ['configurations', 'file'],
];
const ENTRY_PATH_FIELDS = ['patches', 'patchesJson6902', 'replacements'];
const GENERATORS = ['configMapGenerator', 'secretGenerator'];

function isPathText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !value.includes('\n');
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Every local-or-remote path a kustomization's value lists, in document order of the fields above. */
export function kustomizePaths(value: unknown): KustomizePath[] {
  const out: KustomizePath[] = [];
  if (!isPlainObject(value)) return out;
  for (const [field, role] of LIST_FIELDS) {
    listOf(value[field]).forEach((entry, i) => {
      if (isPathText(entry)) out.push({ at: [field, i], text: entry, offset: 0, role, field });
    });
  }
  listOf(value.patchesStrategicMerge).forEach((entry, i) => {
    // An entry with a line break (or a `{`) is an inline patch, not a file.
    if (isPathText(entry) && !entry.trimStart().startsWith('{'))
      out.push({ at: ['patchesStrategicMerge', i], text: entry, offset: 0, role: 'file', field: 'patchesStrategicMerge' });
  });
  for (const field of ENTRY_PATH_FIELDS) {
    listOf(value[field]).forEach((entry, i) => {
      if (isPlainObject(entry) && isPathText(entry.path))
        out.push({ at: [field, i, 'path'], text: entry.path, offset: 0, role: 'file', field: `${field}[].path` });
    });
  }
  for (const generator of GENERATORS) {
    listOf(value[generator]).forEach((entry, i) => {
      if (!isPlainObject(entry)) return;
      for (const key of ['files', 'envs'] as const) {
        listOf(entry[key]).forEach((file, j) => {
          if (!isPathText(file)) return;
          // `files` entries may name their key: `app.conf=config/app.conf`.
          const eq = key === 'files' ? file.indexOf('=') : -1;
          out.push({ at: [generator, i, key, j], text: file.slice(eq + 1), offset: eq + 1, role: 'file', field: `${generator}[].${key}` });
        });
      }
      if (isPathText(entry.env)) out.push({ at: [generator, i, 'env'], text: entry.env, offset: 0, role: 'file', field: `${generator}[].env` });
    });
  }
  return out;
}

/** Whether kustomize would fetch the path rather than read it from disk (URLs, `host.tld/org/repo`). */
export function isRemotePath(text: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^git(@|::)/.test(text) || text.includes('?')) return true;
  const first = text.split('/')[0] ?? '';
  return text.includes('/') && first.includes('.') && first !== '.' && first !== '..';
}

/** The URI a relative path names, from the kustomization's folder URI; undefined for absolute or remote paths. */
export function resolveKustomizePath(folder: string, text: string): string | undefined {
  if (isRemotePath(text) || text.startsWith('/') || /^[A-Za-z]:[\\/]/.test(text)) return undefined;
  try {
    const url = new URL(text.replace(/%/g, '%25').replace(/#/g, '%23'), `${folder}/`);
    return url.href.replace(/\/$/, '');
  } catch {
    return undefined;
  }
}

/** Whether a file or folder exists on disk (for files the index does not hold: generator inputs, folders). */
export function existsOnDisk(uri: string): boolean {
  if (!uri.startsWith('file:')) return false;
  try {
    return existsSync(fileURLToPath(uri));
  } catch {
    return false;
  }
}

/** What a path is on disk: a file, a folder, or nothing (or not readable). */
export function diskPathKind(uri: string): 'file' | 'folder' | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    // No exception for a missing path: a kustomization may list thousands.
    const stat = statSync(fileURLToPath(uri), { throwIfNoEntry: false });
    return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'folder' : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a path on disk is a file (go to definition opens files, not folders). */
export function isFileOnDisk(uri: string): boolean {
  return diskPathKind(uri) === 'file';
}
