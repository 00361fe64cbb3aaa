/**
 * The whole-manifest snippets of snippets/kubernetes.json. They are served by the language server's completion, not
 * contributed to VS Code's snippet registry: VS Code offers contributed snippets at every position of a YAML file,
 * where a whole manifest cannot go (under `resources:`, after `port: `); the server offers them only where a document
 * can start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultSchemaDir } from './store';

export interface ManifestSnippet {
  /** The snippet's name in the file ("Deployment", "Service bundle"). */
  readonly name: string;
  /** What the user types ("k8s-deployment"). */
  readonly prefix: string;
  readonly description: string;
  /** LSP/TextMate snippet text, lines joined with `\n`. */
  readonly body: string;
}

interface SnippetJson {
  prefix?: unknown;
  description?: unknown;
  body?: unknown;
}

/** Parses the snippet file's JSON; entries without a string prefix and a string or string[] body are skipped. */
export function parseManifestSnippets(json: string): ManifestSnippet[] {
  const parsed = JSON.parse(json) as Record<string, SnippetJson>;
  const out: ManifestSnippet[] = [];
  for (const [name, entry] of Object.entries(parsed)) {
    const body = Array.isArray(entry.body) && entry.body.every((l) => typeof l === 'string') ? entry.body.join('\n') : entry.body;
    if (typeof entry.prefix !== 'string' || typeof body !== 'string') continue;
    out.push({ name, prefix: entry.prefix, description: typeof entry.description === 'string' ? entry.description : name, body });
  }
  return out;
}

let cached: readonly ManifestSnippet[] | undefined;

/** The extension's snippets (snippets/ next to schemas/), read once; none when the file is missing or unreadable. */
export function manifestSnippets(): readonly ManifestSnippet[] {
  if (!cached) {
    try {
      const file = join(dirname(defaultSchemaDir()), 'snippets', 'kubernetes.json');
      cached = existsSync(file) ? parseManifestSnippets(readFileSync(file, 'utf8')) : [];
    } catch {
      cached = []; // completion must not fail because of a damaged install
    }
  }
  return cached;
}
