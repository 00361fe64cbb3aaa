/**
 * The rules the API server enforces on a CustomResourceDefinition beyond its OpenAPI schema: its name
 * is `<plural>.<group>`, every version has a schema, exactly one version is the storage version, and
 * each schema is structural (`type` at every level, arrays with `items`, …). A schema too large, too
 * deep or cyclic to use is reported here too, once, on the CRD.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { SchemaNode } from '../schema/schemaTypes';
import type { Finding, Range, ValuePath } from '../types';
import { compiledVersion, crdOf } from './crdDefinition';

const CRD_STRUCTURE_CODE = 'schema-crd-structure';

/** At most this many structural problems per version are listed (a broken generator can produce thousands). */
const MAX_PROBLEMS_PER_VERSION = 50;

export function crdStructureFindings(doc: ManifestDocument, objectMeta: SchemaNode): Finding[] {
  const crd = crdOf(doc);
  if (!crd) return [];
  const out: Finding[] = [];
  const report = (path: ValuePath, message: string, part: 'key' | 'value' = 'key'): void => {
    out.push(finding(doc, doc.rangeOfPath(path, part), message));
  };
  if (crd.plural && crd.name !== undefined && crd.name !== `${crd.plural}.${crd.group}`) {
    report(
      ['metadata', 'name'],
      `A CustomResourceDefinition must be named \`<spec.names.plural>.<spec.group>\`: \`${crd.plural}.${crd.group}\`, not \`${crd.name}\`.`,
      'value',
    );
  }
  const storage = crd.versions.filter((v) => v.storage);
  if (crd.versions.length > 0 && storage.length !== 1) {
    const which = storage.length === 0 ? 'none is' : `${storage.map((v) => v.name).join(', ')} are`;
    report(['spec', 'versions'], `Exactly one version must have \`storage: true\`; ${which}.`);
  }
  for (const version of crd.versions) {
    const at = ['spec', 'versions', version.index];
    const compiled = compiledVersion(doc, crd, version, objectMeta);
    if (!compiled.ok) {
      const message =
        version.rawSchema === undefined
          ? `Version ${version.name} has no \`schema.openAPIV3Schema\`: apiextensions.k8s.io/v1 requires a schema for every version.`
          : `The schema of version ${version.name} cannot be used: ${compiled.reason}. Its custom resources are not checked.`;
      report(version.rawSchema === undefined ? [...at, 'name'] : [...at, 'schema', 'openAPIV3Schema'], message);
      continue;
    }
    for (const problem of compiled.problems.slice(0, MAX_PROBLEMS_PER_VERSION)) {
      report(
        [...at, 'schema', 'openAPIV3Schema', ...problem.path],
        `${problem.message} (version ${version.name}${problem.structural === false ? '' : ', not a structural schema'})`,
      );
    }
  }
  return out;
}

function finding(doc: ManifestDocument, range: Range, message: string): Finding {
  return { code: CRD_STRUCTURE_CODE, severity: 'error', message, uri: doc.uri, range, data: { ruleId: CRD_STRUCTURE_CODE } };
}
