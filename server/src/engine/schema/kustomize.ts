/**
 * The kustomize API schema (schemas/kustomize.json): which entry serves a kustomization document,
 * and its validation. A kustomization.yaml may leave out apiVersion and kind (kustomize defaults
 * them), so the entry is chosen from the kind, defaulting to v1beta1 Kustomization.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ManifestDocument } from '../document/manifestDocument';
import type { Finding } from '../types';
import type { JsonSchema } from './compile';
import { defaultSchemaDir, SchemaStore, type KindEntry } from './store';
import { validateEntry } from './validate';

export const KUSTOMIZE_FILE = 'kustomize.json';
export const KUSTOMIZE_GROUP = 'kustomize.config.k8s.io';
export const KUSTOMIZATION_DEFAULTS = { apiVersion: `${KUSTOMIZE_GROUP}/v1beta1`, kind: 'Kustomization' } as const;
const COMPONENT_VERSION = `${KUSTOMIZE_GROUP}/v1alpha1`;

const loaded = new Map<string, SchemaStore>();

/** The kustomize schema store of a schemas/ folder, read and compiled once. */
export function loadKustomizeStore(schemaDir: string = defaultSchemaDir()): SchemaStore {
  let store = loaded.get(schemaDir);
  if (!store) {
    const parsed = JSON.parse(readFileSync(join(schemaDir, KUSTOMIZE_FILE), 'utf8')) as { definitions: Record<string, JsonSchema> };
    store = new SchemaStore(parsed.definitions);
    loaded.set(schemaDir, store);
  }
  return store;
}

/** apiVersion and kind of a kustomization's text, with kustomize's defaults for what is left out. */
export function kustomizeIdentity(found: { apiVersion?: string; kind?: string }): { apiVersion: string; kind: string } {
  const kind = found.kind ?? KUSTOMIZATION_DEFAULTS.kind;
  const apiVersion = found.apiVersion ?? (kind === 'Component' ? COMPONENT_VERSION : KUSTOMIZATION_DEFAULTS.apiVersion);
  return { apiVersion, kind };
}

function stringField(value: unknown, key: string): string | undefined {
  const field = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  return typeof field === 'string' ? field : undefined;
}

/** The schema entry of a kustomization document; undefined for an apiVersion kustomize does not serve. */
export function kustomizeEntry(doc: ManifestDocument, store: SchemaStore): KindEntry | undefined {
  if (doc.class.type !== 'kustomization') return undefined;
  const value = doc.plain().value;
  const id = kustomizeIdentity({ apiVersion: stringField(value, 'apiVersion'), kind: stringField(value, 'kind') });
  return store.lookup(id.apiVersion, id.kind);
}

/** Schema findings of a kustomization document: unknown fields (with did-you-mean), types, enums. */
export function validateKustomization(doc: ManifestDocument, store: SchemaStore = loadKustomizeStore()): Finding[] {
  const entry = kustomizeEntry(doc, store);
  return entry ? validateEntry(doc, store, entry) : [];
}
