// Which `number` fields of a catalog kind are integers. The `.d.ts` files say only `number`; the package's compiled
// ajv validator knows. It is asked, not parsed: one document with 0.5 in every number field, and every
// `type: integer` error it reports names an integer field (the validators collect all errors).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The validator module of a kind: its model's `.js` imports it from `_schemas/`. */
function validatorFile(entry) {
  const modelJs = entry.file.replace(/\.d\.ts$/, '.js');
  const match = /import\{validate\}from"([^"]+)"/.exec(readFileSync(modelJs, 'utf8'));
  return match ? resolve(dirname(modelJs), match[1]) : undefined;
}

/** A document with 0.5 at every number field of `schema`, and the property path of each JSON pointer. */
function probe(schema, path, pointers) {
  if (schema.type === 'number') {
    pointers.set(`/${path.map((step) => (step === '[]' ? '0' : step === '{}' ? 'x' : step)).join('/')}`, path);
    return 0.5;
  }
  if (schema.type === 'array' && schema.items) {
    const item = probe(schema.items, [...path, '[]'], pointers);
    return item === undefined ? undefined : [item];
  }
  if (schema.type !== 'object') return undefined;
  if (schema.additionalProperties) {
    const value = probe(schema.additionalProperties, [...path, '{}'], pointers);
    return value === undefined ? undefined : { x: value };
  }
  let doc;
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const value = probe(child, [...path, name], pointers);
    if (value !== undefined) (doc ??= {})[name] = value;
  }
  return doc;
}

/** Property paths (see `markInteger`) of the integer fields of one kind. */
export async function integerPaths(entry, schema) {
  const file = validatorFile(entry);
  if (!file) throw new Error(`no validator found for ${entry.apiVersion} ${entry.kind}`);
  const { validate } = await import(pathToFileURL(file).href);
  const pointers = new Map();
  const doc = { ...(probe(schema, [], pointers) ?? {}), apiVersion: entry.apiVersion, kind: entry.kind };
  validate(doc);
  const found = [];
  for (const error of validate.errors ?? []) {
    const path = pointers.get(error.instancePath);
    if (path && error.keyword === 'type' && error.params?.type === 'integer') found.push(path);
  }
  return found;
}
