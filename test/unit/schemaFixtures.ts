/** Shared helpers of the schema, completion, hover and cursor-path specs. */
import { join, resolve } from 'node:path';
import { parseManifestFile } from '../../server/src/engine/document/manifestFile';
import type { ManifestFile } from '../../server/src/engine/document/manifestFile';
import { loadSchemaStore, type SchemaStore } from '../../server/src/engine/schema/store';

/** The repository root, from out/test/unit. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export function store(): SchemaStore {
  return loadSchemaStore(join(REPO_ROOT, 'schemas'));
}

export function parse(text: string, uri = 'file:///work/test.yaml'): ManifestFile {
  return parseManifestFile(uri, text, 1);
}

/** Strips the common indentation of a template literal so YAML in tests can be indented with the code. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw
    .replace(/^\n/, '')
    .replace(/\n[ ]*$/, '\n')
    .split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join('\n');
}
