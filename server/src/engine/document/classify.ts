/** Decides what a YAML document is: a Kubernetes object, a Helm template, a Prometheus config, … */
import { type Document, visit } from 'yaml';
import { isMap, isScalar, isSeq } from './yamlGuards';
import { formatByKeys, formatByNameAndKeys } from '../monitoring/formats';
import { isDashboard } from '../monitoring/dashboards';

export type DocumentClass =
  | { type: 'empty' }
  | { type: 'helm-template' }
  | { type: 'kubernetes'; apiVersion: string; kind: string; name: string | undefined; namespace: string }
  | { type: 'kustomization' }
  | { type: 'prometheus-config' }
  | { type: 'alertmanager-config' }
  | { type: 'prometheus-rules' }
  | { type: 'grafana-dashboard' }
  | { type: 'other' };

interface ChunkLike {
  readonly text: string;
  readonly yaml: Document.Parsed;
}

const HELM_MARKER = /\{\{-?\s*[^}]*\}\}|\{\{-?\s*$/m;
/**
 * What only Helm writes inside `{{ }}`; Prometheus rule templates (`{{ $labels.job }}`, `{{ $value | humanize }}`)
 * and Alertmanager's (`{{ template "slack.title" . }}`, Go's `template` action, in almost every real config)
 * don't: they are quoted or in block scalars. A chart's unquoted `{{ template "x.fullname" . }}` is read by YAML
 * as a map used as a key (`actionAsFlowMap`), or fails to parse. The gap is bounded: 10,000 nested `{` would otherwise cost a quadratic search.
 */
const HELM_SPECIFIC = /\{\{-?\s*(?:[^}\n]{0,200}?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|(?:include|define|tpl|toYaml)\b|\/\*)/;
const KUSTOMIZATION_FILE = /(^|[\\/])[Kk]ustomization\.ya?ml$/;

function stringAt(map: unknown, key: string): string | undefined {
  if (!isMap(map)) return undefined;
  const node = map.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * An unquoted `{{ … }}` parses as a flow map whose key is a flow map (`{ {template "x" .}: null }`), which no
 * real manifest or monitoring file holds: the mark of a template action outside a string.
 */
function actionAsFlowMap(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Pair(_, pair) {
      if (!isMap(pair.key)) return undefined;
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** Line by line without splitting the whole text: a document's first line usually decides. */
function hasOnlyComments(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).trim();
    if (!(line === '' || line.startsWith('#') || line === '---' || line.startsWith('--- #') || line === '...')) return false;
    start = end + 1;
  }
  return true;
}

/** The identity a typed List (`ConfigMapList`) gives its items, which may leave out `apiVersion` and `kind`. */
export interface ImpliedIdentity {
  apiVersion: string;
  kind: string;
}

export function classify(chunk: ChunkLike, fileName: string, implied?: ImpliedIdentity): DocumentClass {
  // Alert templates look like Helm's: a document that parses as YAML and has no Helm-only action is not a chart.
  if (HELM_MARKER.test(chunk.text) && (HELM_SPECIFIC.test(chunk.text) || chunk.yaml.errors.length > 0 || actionAsFlowMap(chunk.yaml)))
    return { type: 'helm-template' };
  const contents = chunk.yaml.contents;
  if (contents === null || hasOnlyComments(chunk.text)) return { type: 'empty' };
  if (KUSTOMIZATION_FILE.test(fileName)) return { type: 'kustomization' };
  if (!isMap(contents)) return { type: 'other' };
  if (
    isDashboard(
      fileName,
      (key) => contents.has(key),
      (key) => isSeq(contents.get(key, true)),
    )
  )
    return { type: 'grafana-dashboard' };
  const apiVersion = stringAt(contents, 'apiVersion') ?? implied?.apiVersion;
  const kind = stringAt(contents, 'kind') ?? implied?.kind;
  // Not Flux's `kustomize.toolkit.fluxcd.io` Kustomization, a custom resource with other fields.
  if ((kind === 'Kustomization' || kind === 'Component') && (apiVersion === undefined || apiVersion.startsWith('kustomize.config.k8s.io/'))) {
    return { type: 'kustomization' };
  }
  if (apiVersion !== undefined && kind !== undefined) {
    const metadata = contents.get('metadata', true);
    return {
      type: 'kubernetes',
      apiVersion,
      kind,
      name: stringAt(metadata, 'name'),
      namespace: stringAt(metadata, 'namespace') ?? 'default',
    };
  }
  // Monitoring files by content first, then by name (only with one of the format's own top-level keys).
  const format =
    formatByKeys(
      (key) => contents.has(key),
      () => groupsLookLikeRules(contents.get('groups', true)),
    ) ?? (apiVersion === undefined && kind === undefined ? formatByNameAndKeys(fileName, topLevelKeys(contents)) : undefined);
  return format ? { type: format } : { type: 'other' };
}

function topLevelKeys(map: { items: readonly { key: unknown }[] }): string[] {
  const out: string[] = [];
  for (const pair of map.items) if (isScalar(pair.key)) out.push(String(pair.key.value));
  return out;
}

/** `groups:` of rule groups: a sequence whose first item is a map with `name` or `rules`. */
function groupsLookLikeRules(groups: unknown): boolean {
  if (!isSeq(groups)) return false;
  const first = groups.items[0];
  return first === undefined || (isMap(first) && (first.has('name') || first.has('rules')));
}
