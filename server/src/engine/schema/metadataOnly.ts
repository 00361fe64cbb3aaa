/**
 * The schema of a document whose kind has none (an alpha version only older releases serve, a custom
 * resource without its CRD): the API server validates every object's `metadata` as ObjectMeta
 * (a `kind: List`'s as ListMeta) whatever its kind, so that much is checked; every other top-level
 * field is accepted as it is, since nothing here knows its shape.
 */
import { isMap, isScalar, isSeq } from '../document/yamlGuards';
import type { ManifestDocument } from '../document/manifestDocument';
import { ANY, type FieldSchema, type ObjectSchema, type SchemaNode } from './schemaTypes';
import type { KindEntry, SchemaStore } from './store';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const LIST_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
const TYPE_META: SchemaNode = { kind: 'string' };

/**
 * An entry for `doc` (a Kubernetes document of a kind the store has no schema for) that checks
 * `apiVersion`, `kind` and `metadata` only; undefined when the store lacks ObjectMeta.
 */
export function metadataOnlyEntry(doc: ManifestDocument, store: SchemaStore, apiVersion: string, kind: string): KindEntry | undefined {
  const meta = store.definition(isBuiltInList(store, apiVersion, kind) ? LIST_META : OBJECT_META);
  const contents = doc.yaml.contents;
  if (!meta || !isMap(contents)) return undefined;
  const properties = new Map<string, FieldSchema>();
  for (const pair of contents.items) {
    if (!isScalar(pair.key)) continue;
    const name = String(pair.key.value);
    const type =
      name === 'metadata' ? meta : name === 'apiVersion' || name === 'kind' ? TYPE_META : name === 'items' && kind === 'List' ? listItems(pair.value) : ANY;
    properties.set(name, { name, type, description: undefined, required: false });
  }
  const schema: ObjectSchema = { kind: 'object', id: `${apiVersion}/${kind}`, name: kind, description: undefined, properties, required: [] };
  return { apiVersion, kind, schema };
}

/**
 * The items of a `kind: List`: each is an object with its own `apiVersion` and `kind` (kubectl
 * rejects an item without them, "Object 'Kind' is missing"). Items that have them are checked as
 * chunks of their own (listItems.ts), so nothing else of an item is looked at here; an item that
 * lacks them gets "missing required field" at its first key instead of silence.
 */
function listItems(items: unknown): SchemaNode {
  const properties = new Map<string, FieldSchema>();
  for (const name of ['apiVersion', 'kind']) properties.set(name, { name, type: TYPE_META, description: undefined, required: true });
  for (const item of isSeq(items) ? items.items : []) {
    if (!isMap(item)) continue;
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (name !== undefined && !properties.has(name)) properties.set(name, { name, type: ANY, description: undefined, required: false });
    }
  }
  const item: ObjectSchema = { kind: 'object', id: 'List.items', name: 'List item', description: undefined, properties, required: ['apiVersion', 'kind'] };
  return { kind: 'array', items: item };
}

/**
 * `kind: List` and a built-in kind's `*List` carry ListMeta; a custom resource whose kind happens
 * to end in `List` is an object like any other.
 */
function isBuiltInList(store: SchemaStore, apiVersion: string, kind: string): boolean {
  if (kind === 'List') return true;
  return kind.endsWith('List') && store.isKubernetesApiVersion(apiVersion) && store.apiVersionsOf(kind.slice(0, -'List'.length)).length > 0;
}
