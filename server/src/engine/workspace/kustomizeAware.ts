/**
 * What a folder's layout tells about its documents: a kustomization that adds selector labels
 * (its resources may leave `spec.selector` out), and files that hold whole objects (whose short
 * documents are objects written short, not patches of a namesake).
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import { patchLikeName } from '../render/group';
import { kustomizationAddsSelectors } from './kustomization';
import { KUSTOMIZATION_NAMES } from './kustomizePaths';
import { folderOf, type WorkspaceIndex } from './workspaceIndex';

/** Specs whose required `selector` kustomize fills from `commonLabels`. */
const SELECTOR_SPECS = new Set(['DeploymentSpec', 'StatefulSetSpec', 'DaemonSetSpec', 'ReplicaSetSpec']);

function folderAddsSelectors(index: WorkspaceIndex, uri: string): boolean {
  const folder = folderOf(uri);
  for (const name of KUSTOMIZATION_NAMES) {
    const file = index.getFile(`${folder}/${name}`);
    if (file?.documents.some((d) => d.class.type === 'kustomization' && kustomizationAddsSelectors(d.plain().value))) return true;
  }
  return false;
}

function isSelectorFilledByKustomize(finding: Finding): boolean {
  const data = finding.data as { field?: unknown; typeName?: unknown } | undefined;
  return finding.code === 'schema-required' && data?.field === 'selector' && SELECTOR_SPECS.has(String(data.typeName));
}

/**
 * A document's schema findings minus the missing `selector` its folder's kustomization adds. Not
 * part of validateDocument, whose results are a function of the document alone: the result that
 * holds these findings depends on the folder's key (bumped when its kustomization changes).
 */
export function withoutSelectorsKustomizeFills(index: WorkspaceIndex, uri: string, findings: Finding[]): Finding[] {
  if (!findings.some(isSelectorFilledByKustomize) || !folderAddsSelectors(index, uri)) return findings;
  return findings.filter((f) => !isSelectorFilledByKustomize(f));
}

/**
 * Whether a document is a whole object rather than a patch of a namesake: it is complete, or it
 * sits in a file that also holds a complete Kubernetes object (a file of examples or test cases,
 * not a patch file) whose name does not announce patches.
 */
export function standsAlone(index: () => WorkspaceIndex, isComplete: (doc: ManifestDocument) => boolean): (doc: ManifestDocument) => boolean {
  return (doc) => {
    if (isComplete(doc)) return true;
    if (patchLikeName(doc.uri)) return false;
    const file = index().getFile(doc.uri);
    return !!file?.documents.some((d) => d !== doc && d.class.type === 'kubernetes' && isComplete(d));
  };
}
