// Which Kubernetes release each schema source tracks. Neither package says it in its package.json
// (kubernetes-models' README badge is stale): a release is the newest whose new fields and kinds
// the package has (e.g. kubernetes-models 5.1.0 has admissionregistration.k8s.io/v1
// MutatingAdmissionPolicy, new in 1.36). See schemas/README.md.

/** kubernetes-models, the source of kubernetes.json, tracks this release. */
export const MODELS_KUBERNETES_VERSION = '1.36';
/** The oldest release a workspace can target (SUPPORTED_KUBERNETES_VERSIONS[0] in the server). */
export const OLDEST_SUPPORTED = '1.29';

/**
 * Supported release → the package version whose models give its field set (generate-versions.mjs).
 * null: no npm package version tracks that release (1.31 and 1.35 were never published to the
 * registry we use); a field new in such a gap is dated to the gap's first release.
 */
export const RELEASE_SOURCES = {
  1.29: { package: '@kubernetes/client-node', version: '0.21.0' },
  '1.30': { package: '@kubernetes/client-node', version: '0.22.3' },
  1.31: null,
  1.32: { package: '@kubernetes/client-node', version: '1.1.2' },
  1.33: { package: '@kubernetes/client-node', version: '1.3.0' },
  1.34: { package: '@kubernetes/client-node', version: '1.4.0' },
  1.35: null,
  1.36: { package: '@kubernetes/client-node', version: '2.0.1' },
};
