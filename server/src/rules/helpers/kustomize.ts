/** What kustomization rules share: the checked kustomization, its folder, and its listed paths resolved. */
import type { ManifestDocument } from '../../engine/document/manifestDocument';
import type { ConfigRuleContext, Report, RuleExample } from '../../engine/lint/rule';
import { isPlainObject } from '../../engine/render/annotated';
import { folderOf } from '../../engine/workspace/workspaceIndex';
import { kustomizePaths, resolveKustomizePath, type KustomizePath } from '../../engine/workspace/kustomizePaths';

export interface KustomizationTarget {
  readonly doc: ManifestDocument;
  readonly value: Record<string, unknown>;
  /** URI of the folder holding the kustomization. */
  readonly folder: string;
}

/** The kustomization a rule checks, or undefined when the document is not one (or not a map). */
export function kustomizationOf(context: ConfigRuleContext): KustomizationTarget | undefined {
  const target = context.target;
  if (target.doc.class.type !== 'kustomization' || !isPlainObject(target.value)) return undefined;
  return { doc: target.doc, value: target.value, folder: folderOf(target.doc.uri) };
}

export interface ResolvedPath extends KustomizePath {
  /** The URI it names; undefined for remote and absolute paths. */
  readonly uri: string | undefined;
}

/** The kustomization's listed paths, each with the URI it resolves to. */
export function resolvedPaths(target: KustomizationTarget): ResolvedPath[] {
  return kustomizePaths(target.value).map((p) => ({ ...p, uri: resolveKustomizePath(target.folder, p.text) }));
}

/** A listed path as written, in code style, for messages (`../base`, `deploy.yaml`). */
export function shownPath(p: KustomizePath): string {
  return `\`${p.text}\``;
}

/** A rule example that is a folder's kustomization.yaml (a plain string example would be `example.yaml`). */
export function asKustomization(text: string): RuleExample {
  return { files: { 'kustomization.yaml': text } };
}

/** A ConfigMap for examples: the smallest complete object a kustomization can list. */
export const CONFIGMAP_EXAMPLE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: main-app
data: {}
`;

/** An overlay including a base folder, for examples: valid for every kustomize rule. */
export const OVERLAY_EXAMPLE: RuleExample = {
  files: {
    'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\n',
    'base/kustomization.yaml': 'resources:\n  - configmap.yaml\n',
    'base/configmap.yaml': CONFIGMAP_EXAMPLE,
  },
};

/** Where a finding on a listed path goes: the path's value (for `key=path`, just the path, inside any quote). */
export function atPath(doc: ManifestDocument, p: KustomizePath): Pick<Report, 'path' | 'part' | 'offsetInValue'> {
  if (p.offset === 0) return { path: p.at, part: 'value' };
  const node = doc.nodeAt(p.at);
  const quote = node && 'type' in node && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
  return { path: p.at, part: 'value', offsetInValue: { start: p.offset + quote, end: p.offset + quote + p.text.length } };
}
