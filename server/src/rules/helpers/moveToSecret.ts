/** The "move this literal env value into a Secret" fix: a Secret entry plus a `secretKeyRef`. */
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import type { RuleContext } from '../../engine/lint/rule';
import type { RenderedObject } from '../../engine/render/render';
import { encodeBase64 } from '../../engine/secrets/base64';
import type { FindingFix, TextEdit, ValuePath } from '../../engine/types';
import { folderOf } from '../../engine/workspace/workspaceIndex';
import { insertAfterEntry, replaceEntry } from './edits';
import { yamlKey, yamlScalar } from './scalarSource';
import { entriesOf, keysOf } from '../../engine/k8s/secretData';
import { at, str } from '../../engine/k8s/values';

interface Placement {
  secretName: string;
  edit: TextEdit;
  uri: string;
}

function eolOf(doc: ManifestDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

/** Adds `key` to an existing Secret's base document: to stringData, else data (encoded), else a new stringData map. */
function addToSecret(secret: RenderedObject, key: string, value: string): TextEdit | undefined {
  const doc = secret.base;
  if (!doc) return undefined;
  for (const [field, text] of [
    ['stringData', yamlScalar(value)],
    ['data', encodeBase64(value)],
  ] as const) {
    const own = entriesOf(secret, field).filter((e) => secret.locate(e.path).doc === doc);
    if (own.length > 0) return insertAfterEntry(doc, own[own.length - 1]!.path, [`${yamlKey(key)}: ${text}`]);
  }
  const topKeys = Object.keys(secret.value);
  const last = topKeys[topKeys.length - 1];
  return last === undefined ? undefined : insertAfterEntry(doc, [last], ['stringData:', `  ${yamlKey(key)}: ${yamlScalar(value)}`]);
}

/** A new Secret document appended right after the document holding the env var. */
function newSecretDocument(doc: ManifestDocument, name: string, namespace: string, key: string, value: string): TextEdit {
  const eol = eolOf(doc);
  const lines = ['---', 'apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}`];
  // Same namespace as the workload: spelled out only when the workload spells out its own.
  if (str(at(doc.plain().value, 'metadata', 'namespace')) !== undefined) lines.push(`  namespace: ${namespace}`);
  lines.push('type: Opaque', 'stringData:', `  ${yamlKey(key)}: ${yamlScalar(value)}`);
  const end = doc.text.length;
  const prefix = doc.text.endsWith('\n') ? '' : eol;
  return { range: doc.range(end, end), newText: prefix + lines.join(eol) + eol };
}

function placeSecret(context: RuleContext, envDoc: ManifestDocument, owner: RenderedObject, key: string, value: string): Placement {
  const { namespace } = owner.identity;
  const folder = folderOf(envDoc.uri);
  const inFolder = context.workspace
    .objectsOfKind('Secret', namespace)
    .filter((s) => s.base !== undefined && folderOf(s.base.uri) === folder && s.identity.name !== undefined)
    .sort((a, b) => (a.identity.name ?? '').localeCompare(b.identity.name ?? ''));
  for (const secret of inFolder) {
    if (keysOf(secret).has(key)) continue;
    const edit = addToSecret(secret, key, value);
    if (edit) return { secretName: secret.identity.name!, edit, uri: secret.base!.uri };
  }
  const taken = new Set(context.workspace.objectsOfKind('Secret', namespace).map((s) => s.identity.name));
  let secretName = `${owner.identity.name ?? 'app'}-secrets`;
  for (let n = 2; taken.has(secretName); n++) secretName = `${owner.identity.name ?? 'app'}-secrets-${n}`;
  return { secretName, edit: newSecretDocument(envDoc, secretName, namespace, key, value), uri: envDoc.uri };
}

/** Replaces `value: …` (the entry at `valuePath`) with a `valueFrom.secretKeyRef`, in the style of its map. */
function valueFromEdit(doc: ManifestDocument, valuePath: ValuePath, secretName: string, key: string): TextEdit | undefined {
  return replaceEntry(doc, valuePath, ['valueFrom:', '  secretKeyRef:', `    name: ${yamlScalar(secretName)}`, `    key: ${yamlKey(key)}`]);
}

/** The fix for env var `envName` at rendered `envPath` of `owner`, holding the literal `value`. */
export function moveToSecretFix(context: RuleContext, owner: RenderedObject, envPath: ValuePath, envName: string, value: string): FindingFix[] {
  const origin = context.locate([...envPath, 'value']);
  const placement = placeSecret(context, origin.doc, owner, envName, value);
  const replace = valueFromEdit(origin.doc, origin.path, placement.secretName, envName);
  if (!replace) return [];
  const edits =
    placement.uri === origin.doc.uri
      ? [{ uri: origin.doc.uri, edits: [placement.edit, replace] }]
      : [
          { uri: placement.uri, edits: [placement.edit] },
          { uri: origin.doc.uri, edits: [replace] },
        ];
  return [{ title: `Move ${envName} into Secret ${placement.secretName}`, safety: 'unsafe', edits }];
}
