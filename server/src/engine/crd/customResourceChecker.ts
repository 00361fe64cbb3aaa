/**
 * The schema checker, extended to custom resources: a document of a kind Kubernetes does not define is
 * validated against the schema its CRD gives (through CustomResourceSchemas: the workspace first),
 * and gets one information-level finding per kind and file when no source has one. (A CRD document's
 * own structural rules are part of the built-in checker: engine/schema/index.ts, crdStructure.ts.)
 *
 * These findings depend on other files (the CRDs; for the no-schema note, the kind's other documents
 * in the file): `dependencyKeys` names them, so the linter re-checks a custom resource when a CRD changes.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { SchemaChecker } from '../schema/schemaChecker';
import type { KindEntry, SchemaStore } from '../schema/store';
import { SCHEMA_CODES, validateEntry } from '../schema/validate';
import type { Finding } from '../types';
import { kindKey } from '../workspace/dependencyKeys';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { splitApiVersion, type CustomResourceSchemas } from './customResourceSchemas';
import { CRD_SCHEMAS_KEY } from './workspaceCrds';
import { celFindings } from './celCheck';

/** Not `schema-*`: the document is not wrong, it just cannot be checked. */
const NO_SCHEMA_CODE = 'no-crd-schema';

/**
 * Groups the API server serves itself that kubernetes.json lacks: the aggregator's and the metrics
 * APIs. Their kinds are not custom resources (no CRD can be added for them).
 */
const SERVED_BY_KUBERNETES = new Set(['apiregistration.k8s.io', 'metrics.k8s.io', 'custom.metrics.k8s.io', 'external.metrics.k8s.io']);

const builtInGroups = new WeakMap<SchemaStore, ReadonlySet<string>>();

/** The core group, every group kubernetes.json has (at any version) and SERVED_BY_KUBERNETES. */
function isBuiltInGroup(store: SchemaStore, group: string): boolean {
  let groups = builtInGroups.get(store);
  if (!groups) {
    groups = new Set([...store.allApiVersions().map((v) => splitApiVersion(v)[0]), ...SERVED_BY_KUBERNETES, 'extensions']);
    builtInGroups.set(store, groups);
  }
  return groups.has(group);
}

/**
 * A custom resource: a Kubernetes document of a group that Kubernetes itself does not serve (Gateway
 * API's `gateway.networking.k8s.io` is a CRD group though it ends in `.k8s.io`). In a built-in group,
 * a kind or version the schemas do not know is the built-in checks' business (a newer release, a List).
 */
function isCustomResource(doc: ManifestDocument, store: SchemaStore): boolean {
  const c = doc.class;
  if (c.type !== 'kubernetes' || doc.items.length > 0) return false;
  return !isBuiltInGroup(store, splitApiVersion(c.apiVersion)[0]);
}

/** The schema store answering custom resource kinds too: completion and hover walk it as they walk built-in kinds. */
export function storeWithCustomResources(store: SchemaStore, schemas: CustomResourceSchemas): SchemaStore {
  const view = Object.create(store) as SchemaStore;
  view.lookup = (apiVersion: string, kind: string): KindEntry | undefined => {
    const builtIn = store.lookup(apiVersion, kind);
    if (builtIn) return builtIn;
    const [group, version] = splitApiVersion(apiVersion);
    if (group === '') return undefined;
    const found = schemas.schemaFor(group, version, kind);
    return found ? { apiVersion, kind, schema: found.schema, source: found.source.location } : undefined;
  };
  // apiVersion ↔ kind completion offers the custom resource kinds too (built-in answers first).
  const served = (): { apiVersion: string; kind: string }[] =>
    schemas.kinds().flatMap((k) => k.versions.map((v) => ({ apiVersion: `${k.group}/${v}`, kind: k.kind })));
  view.apiVersionsOf = (kind: string) => {
    const builtIn = store.apiVersionsOf(kind);
    return builtIn.length > 0
      ? builtIn
      : served()
          .filter((s) => s.kind === kind)
          .map((s) => s.apiVersion)
          .sort();
  };
  view.kindsOf = (apiVersion: string) => {
    const builtIn = store.kindsOf(apiVersion);
    return builtIn.length > 0
      ? builtIn
      : served()
          .filter((s) => s.apiVersion === apiVersion)
          .map((s) => s.kind)
          .sort();
  };
  view.allApiVersions = () => [...new Set([...store.allApiVersions(), ...served().map((s) => s.apiVersion)])].sort();
  view.allKinds = () => [...new Set([...store.allKinds(), ...served().map((s) => s.kind)])].sort();
  return view;
}

export function customResourceAwareSchema(base: SchemaChecker, store: SchemaStore, schemas: CustomResourceSchemas, index: () => WorkspaceIndex): SchemaChecker {
  const view = storeWithCustomResources(store, schemas);
  const hasSchema = (doc: ManifestDocument): boolean => view.lookup(doc.identity!.apiVersion, doc.identity!.kind) !== undefined;
  return {
    missingRequired: (value, apiVersion, kind) => base.missingRequired(value, apiVersion, kind),
    validateDocument(doc, partial) {
      if (!isCustomResource(doc, store)) return base.validateDocument(doc, partial);
      const { apiVersion, kind } = doc.identity!;
      const entry = view.lookup(apiVersion, kind);
      // Without a schema its metadata is still checked as ObjectMeta (the built-in checker's metadata-only pass).
      if (!entry) return [...withoutSchema(doc, schemas, index()), ...base.validateDocument(doc, partial)];
      const findings = validateEntry(doc, view, entry, { partial });
      return partial ? findings : [...findings, ...celFindingsOf(doc, schemas, findings)];
    },
    dependencyKeys(doc) {
      if (!isCustomResource(doc, store)) return [];
      // Without a schema, the note goes on the kind's first document in the file: it moves when that one goes.
      return hasSchema(doc) ? [CRD_SCHEMAS_KEY] : [CRD_SCHEMAS_KEY, kindKey(doc.identity!.kind)];
    },
  };
}

/**
 * The CEL rules of the kind's CRD on a whole object (a patch is not one). A rule that fails to evaluate is noted only
 * for a workspace CRD (a catalog schema has no defaults to apply first) on an object without schema errors (a
 * wrong type makes rules fail to evaluate, and the schema error already says what is wrong).
 */
function celFindingsOf(doc: ManifestDocument, schemas: CustomResourceSchemas, schemaFindings: readonly Finding[]): Finding[] {
  const [group, version] = splitApiVersion(doc.identity!.apiVersion);
  const found = schemas.schemaFor(group, version, doc.identity!.kind);
  if (found?.openAPIV3Schema === undefined) return [];
  const reportEvaluationErrors = found.source.type === 'workspace' && !schemaFindings.some((f) => f.severity === 'error');
  return celFindings(doc, found.openAPIV3Schema, { reportEvaluationErrors });
}

/** A served-elsewhere version is the API server's refusal (an error); an unknown kind is a note (info). */
function withoutSchema(doc: ManifestDocument, schemas: CustomResourceSchemas, index: WorkspaceIndex): Finding[] {
  const { apiVersion, kind } = doc.identity!;
  const [group, version] = splitApiVersion(apiVersion);
  const served = schemas.servedVersions(group, kind);
  const range = doc.rangeOfPath(['apiVersion'], 'value');
  // The catalog is one release of the operator: an alpha/beta version of another release is not wrong, only unknown here.
  if (served.length > 0 && !served.includes(version) && schemas.originOf(group, kind) === 'catalog' && KUBE_VERSION.test(version)) {
    return firstOfKindInFile(doc, index) ? [otherReleaseNote(doc, group, version, served)] : [];
  }
  if (served.length > 0 && !served.includes(version)) {
    const message = `The CRD of ${kind} serves ${served.map((v) => `${group}/${v}`).join(', ')}, not ${apiVersion}: change apiVersion.`;
    return [
      {
        code: SCHEMA_CODES.apiVersion,
        severity: 'error',
        message,
        uri: doc.uri,
        range,
        data: { ruleId: SCHEMA_CODES.apiVersion, apiVersions: served.map((v) => `${group}/${v}`) },
      },
    ];
  }
  if (!firstOfKindInFile(doc, index)) return [];
  const message =
    served.length > 0
      ? `No usable schema for ${kind} ${apiVersion}: its CRD's schema for ${version} cannot be used (see the CRD's findings), so this resource is not checked.`
      : `No schema for ${kind} ${apiVersion}: add its CRD to the workspace or to biomeManifests.crds.paths.`;
  return [{ code: NO_SCHEMA_CODE, severity: 'info', message, uri: doc.uri, range: doc.headRange(), data: { ruleId: NO_SCHEMA_CODE } }];
}

/** A Kubernetes API version name: `v1`, `v2beta1`, `v1alpha3`. */
const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/** Orders version names as Kubernetes does (GA over beta over alpha, then by number): higher is newer. */
function versionRank(version: string): number {
  const m = KUBE_VERSION.exec(version);
  if (!m) return -1;
  const stability = m[2] === 'alpha' ? 0 : m[2] === 'beta' ? 1 : 2;
  return Number(m[1]) * 10_000 + stability * 1_000 + Number(m[3] ?? 0);
}

function otherReleaseNote(doc: ManifestDocument, group: string, version: string, served: readonly string[]): Finding {
  const { apiVersion, kind } = doc.identity!;
  const rank = versionRank(version);
  const release = served.every((v) => versionRank(v) > rank)
    ? 'an older release'
    : served.every((v) => versionRank(v) < rank)
      ? 'a newer release'
      : 'another release';
  const message =
    `${kind} ${apiVersion} is from ${release} of its operator: the bundled catalog has ${kind} only as ${served.map((v) => `${group}/${v}`).join(', ')}, ` +
    `so only its apiVersion, kind and metadata are checked. Add the CRD of the release you run to the workspace or to biomeManifests.crds.paths to check the rest.`;
  return { code: NO_SCHEMA_CODE, severity: 'info', message, uri: doc.uri, range: doc.rangeOfPath(['apiVersion'], 'value'), data: { ruleId: NO_SCHEMA_CODE } };
}

/** Whether no earlier document of the file has the same apiVersion and kind. */
function firstOfKindInFile(doc: ManifestDocument, index: WorkspaceIndex): boolean {
  const file = index.getFile(doc.uri);
  const { apiVersion, kind } = doc.identity!;
  for (const other of file?.documents ?? []) {
    if (other === doc || other.chunk === doc.chunk) return true;
    const id = other.identity;
    if (id && id.apiVersion === apiVersion && id.kind === kind) return false;
  }
  return true;
}
