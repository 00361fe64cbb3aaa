// Which Kubernetes release each schema source tracks. kubernetes-models does not say it in its
// package.json (its README badge is stale): the release is the newest whose new fields the .d.ts
// files have (e.g. 5.1.0 has core/v1 PodSpec.schedulingGroup, added in 1.36). See schemas/README.md.
export const MODELS_KUBERNETES_VERSION = '1.36';
/** The oldest release a workspace can target (SUPPORTED_KUBERNETES_VERSIONS[0] in the server). */
export const OLDEST_SUPPORTED = '1.29';
