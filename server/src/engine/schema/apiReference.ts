/** Links a kind to its page in the Kubernetes API reference (https://kubernetes.io/docs/reference/kubernetes-api/). */

const BASE = 'https://kubernetes.io/docs/reference/kubernetes-api/';

/** Sections of the reference, as the site groups kinds. */
const SECTIONS: Record<string, readonly string[]> = {
  'workload-resources': [
    'Pod',
    'PodTemplate',
    'ReplicationController',
    'ReplicaSet',
    'Deployment',
    'StatefulSet',
    'ControllerRevision',
    'DaemonSet',
    'Job',
    'CronJob',
    'HorizontalPodAutoscaler',
    'PriorityClass',
    'PodSchedulingContext',
    'ResourceClaim',
    'ResourceClaimTemplate',
    'ResourceClass',
  ],
  'service-resources': ['Service', 'Endpoints', 'EndpointSlice', 'Ingress', 'IngressClass'],
  'config-and-storage-resources': [
    'ConfigMap',
    'Secret',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'StorageClass',
    'VolumeAttachment',
    'CSIDriver',
    'CSINode',
    'CSIStorageCapacity',
    'VolumeAttributesClass',
  ],
  'authentication-resources': ['ServiceAccount', 'TokenRequest', 'TokenReview', 'CertificateSigningRequest', 'ClusterTrustBundle', 'SelfSubjectReview'],
  'authorization-resources': [
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
    'SubjectAccessReview',
    'ClusterRole',
    'ClusterRoleBinding',
    'Role',
    'RoleBinding',
  ],
  'policy-resources': [
    'FlowSchema',
    'LimitRange',
    'ResourceQuota',
    'NetworkPolicy',
    'PodDisruptionBudget',
    'PriorityLevelConfiguration',
    'ValidatingAdmissionPolicy',
    'ValidatingAdmissionPolicyBinding',
  ],
  'extend-resources': ['CustomResourceDefinition', 'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  'cluster-resources': [
    'APIService',
    'ComponentStatus',
    'Event',
    'IPAddress',
    'Lease',
    'Namespace',
    'Node',
    'RuntimeClass',
    'ServiceCIDR',
    'StorageVersionMigration',
    'StorageVersion',
  ],
};

const SECTION_OF = new Map<string, string>(Object.entries(SECTIONS).flatMap(([section, kinds]) => kinds.map((k) => [k, section] as [string, string])));

/** `HorizontalPodAutoscaler` → `horizontal-pod-autoscaler`, `CSIDriver` → `csi-driver`. */
export function kebabKind(kind: string): string {
  return kind
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The reference page of a built-in kind, e.g. `…/workload-resources/deployment-v1/`; the index otherwise. */
export function apiReferenceUrl(apiVersion: string, kind: string): string {
  if (apiVersion.startsWith('kustomize.config.k8s.io/')) return 'https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/';
  const section = SECTION_OF.get(kind);
  if (!section) return BASE;
  const version = apiVersion.slice(apiVersion.indexOf('/') + 1);
  return `${BASE}${section}/${kebabKind(kind)}-${version}/`;
}
