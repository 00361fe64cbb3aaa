/** What a rendered-manifest preview shows, carried in its URI (`biome-rendered:/<label>?<spec>`). Pure. */
import type { RenderTarget } from '../../../server/src/protocol';

export const RENDERED_SCHEME = 'biome-rendered';

export interface PreviewSpec {
  target: RenderTarget;
  mode: 'full' | 'base';
  reveal: boolean;
  /** Workspace folder the header's file names are relative to. */
  root?: string;
}

function baseName(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  return decodeURIComponent(trimmed.slice(trimmed.lastIndexOf('/') + 1)) || 'workspace';
}

/** The preview's file-name-like label: `main-app-deployment.rendered.yaml`, `biome.base.yaml`, … */
export function previewLabel(spec: PreviewSpec): string {
  const t = spec.target;
  const stem = t.kind === 'service' ? `service-${t.name}` : baseName(t.uri).replace(/\.ya?ml$/i, '');
  const safe = stem.replace(/[^A-Za-z0-9._-]/g, '_');
  return `${safe}.${spec.mode === 'base' ? 'base' : 'rendered'}${spec.reveal ? '.revealed' : ''}.yaml`;
}

export function specToQuery(spec: PreviewSpec): string {
  return JSON.stringify(spec);
}

function isTarget(value: unknown): value is RenderTarget {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  if (t.kind === 'file' || t.kind === 'folder') return typeof t.uri === 'string';
  return t.kind === 'service' && typeof t.name === 'string' && (t.namespace === undefined || typeof t.namespace === 'string');
}

/** Reads a spec back from a URI query; undefined for anything malformed. */
export function specFromQuery(query: string): PreviewSpec | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(query);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (!isTarget(r.target) || (r.mode !== 'full' && r.mode !== 'base')) return undefined;
  return { target: r.target, mode: r.mode, reveal: r.reveal === true, ...(typeof r.root === 'string' ? { root: r.root } : {}) };
}

export function describeTarget(target: RenderTarget): string {
  switch (target.kind) {
    case 'file':
      return `file ${baseName(target.uri)}`;
    case 'folder':
      return `folder ${baseName(target.uri)}/`;
    case 'service':
      return `service ${target.name}${target.namespace ? ` (namespace ${target.namespace})` : ''}`;
  }
}

export interface HeaderFacts {
  spec: PreviewSpec;
  renderer: 'biome' | 'kubectl';
  objectCount: number;
  patchCount: number;
  /** Why kubectl was not used although the folder has a kustomization (shown in the header). */
  kubectlNote?: string;
}

/** The comment block at the top of a preview: what, which renderer, and how secrets are shown. */
export function previewHeader(facts: HeaderFacts): string {
  const { spec } = facts;
  const lines = [`# Rendered manifests for ${describeTarget(spec.target)}`];
  if (facts.renderer === 'kubectl') lines.push('# Renderer: kubectl kustomize (the folder has a kustomization.yaml)');
  else lines.push('# Renderer: Biome Manifests (strategic merge of every patch over its base)');
  if (facts.kubectlNote) lines.push(`# ${facts.kubectlNote}`);
  if (spec.mode === 'base') lines.push('# Bases only: patches are not applied (left side of "Show diff against base").');
  else if (facts.renderer === 'biome' && facts.patchCount === 0) lines.push('# No patches here: every object is shown as written.');
  else if (facts.renderer === 'biome') lines.push(`# ${facts.patchCount} patch${facts.patchCount === 1 ? '' : 'es'} merged.`);
  if (facts.renderer === 'biome') lines.push(`# ${facts.objectCount} object${facts.objectCount === 1 ? '' : 's'}.`);
  if (spec.reveal && facts.renderer === 'biome') lines.push('# Secret values are DECODED in this view (never saved to disk).');
  else lines.push('# Secret values appear as in the source (base64).');
  lines.push('# Read-only; updates as the sources change.');
  return `${lines.join('\n')}\n`;
}
