// Fields of Kubernetes releases newer than kubernetes-types 1.30 and @kubernetes/client-node 1.3
// (Kubernetes 1.33) that the Kubernetes documentation's examples use. Without them those valid
// manifests get "unknown field" errors. Used by generate-schemas.mjs; each entry names the
// release and source (k8s.io/api core/v1 types.go). Keep the shapes exact: a wrong type here is a
// false error on every manifest using the field.

const CORE = 'io.k8s.api.core.v1';
const string = { type: 'string' };
const int32 = { format: 'int32', type: 'integer' };
const described = (schema, description) => ({ ...schema, description });

/** New definitions, by full name. */
export const NEW_DEFINITIONS = {
  // 1.34 (ContainerRestartRules, alpha): a container restart rule.
  [`${CORE}.ContainerRestartRule`]: {
    additionalProperties: false,
    description: 'ContainerRestartRule describes how a container exit is handled (Kubernetes 1.34+, ContainerRestartRules).',
    properties: {
      action: described(string, 'The action taken on a container exit if the requirements are satisfied (`Restart`, `RestartAllContainers`).'),
      exitCodes: { $ref: `#/definitions/${CORE}.ContainerRestartRuleOnExitCodes` },
    },
    required: ['action'],
    type: 'object',
  },
  [`${CORE}.ContainerRestartRuleOnExitCodes`]: {
    additionalProperties: false,
    description: 'The exit codes a container restart rule matches (Kubernetes 1.34+).',
    properties: {
      operator: described(string, '`In` or `NotIn`: whether the exit code is in the set of values.'),
      values: { items: int32, type: 'array' },
    },
    required: ['operator'],
    type: 'object',
  },
  // 1.34 (EnvFiles, alpha): an environment variable read from a file in a volume.
  [`${CORE}.FileKeySelector`]: {
    additionalProperties: false,
    description: 'FileKeySelector selects a key of an env file (Kubernetes 1.34+, EnvFiles).',
    properties: {
      key: described(string, 'The key within the env file.'),
      optional: { type: 'boolean' },
      path: described(string, 'The path within the volume from which to select the file.'),
      volumeName: described(string, 'The name of the volume mount containing the env file.'),
    },
    required: ['key', 'path', 'volumeName'],
    type: 'object',
  },
  // 1.34 (PodCertificateRequest, alpha); userAnnotations 1.35.
  [`${CORE}.PodCertificateProjection`]: {
    additionalProperties: false,
    description: 'PodCertificateProjection provides a private key and X.509 certificate in the pod filesystem (Kubernetes 1.34+).',
    properties: {
      certificateChainPath: string,
      credentialBundlePath: string,
      keyPath: string,
      keyType: described(string, 'RSA3072, RSA4096, ECDSAP256, ECDSAP384, ECDSAP521 or ED25519.'),
      maxExpirationSeconds: int32,
      signerName: string,
      userAnnotations: { additionalProperties: string, type: 'object' },
    },
    required: ['keyType', 'signerName'],
    type: 'object',
  },
  // Cgroup options (alpha in the documentation's current release; shape from its KEP's types.go diff).
  [`${CORE}.CgroupOptions`]: {
    additionalProperties: false,
    description: 'CgroupOptions controls cgroup filesystem access (alpha, newer than Kubernetes 1.34).',
    properties: { mountMode: described(string, '`ReadOnly` or `ReadWrite`.') },
    type: 'object',
  },
};

/** New properties of existing definitions: definition → field → schema. */
export const NEW_PROPERTIES = {
  [`${CORE}.Container`]: { restartPolicyRules: { items: { $ref: `#/definitions/${CORE}.ContainerRestartRule` }, type: 'array' } },
  [`${CORE}.EphemeralContainer`]: { restartPolicyRules: { items: { $ref: `#/definitions/${CORE}.ContainerRestartRule` }, type: 'array' } },
  [`${CORE}.EnvVarSource`]: { fileKeyRef: { $ref: `#/definitions/${CORE}.FileKeySelector` } },
  [`${CORE}.VolumeProjection`]: { podCertificate: { $ref: `#/definitions/${CORE}.PodCertificateProjection` } },
  [`${CORE}.SecurityContext`]: { cgroupOptions: { $ref: `#/definitions/${CORE}.CgroupOptions` } },
  // 1.34 (HostnameOverride, alpha).
  [`${CORE}.PodSpec`]: { hostnameOverride: described(string, 'Overrides the hostname the pod sees (Kubernetes 1.34+).') },
  // The emptyDir permission mode of the documentation's current release (alpha).
  // Its type is not in any released types.go we could read: accept any value rather than guess.
  [`${CORE}.EmptyDirVolumeSource`]: { mode: { description: 'The permission bits of the emptyDir directory (alpha, newer than Kubernetes 1.34).' } },
};

/**
 * Fields client-node has but types wrongly, by definition → field: it calls a Quantity a `string`,
 * so `tolerance: 0.05` (a number, valid) was "must be a string". Type and description from
 * k8s.io/api autoscaling/v2 types.go (1.33, HPAConfigurableTolerance).
 */
export const CLIENT_FIELD_TYPES = {
  'io.k8s.api.autoscaling.v2.HPAScalingRules': {
    tolerance: {
      $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity',
      description:
        'tolerance is the tolerance on the ratio between the current and desired metric value under which no updates are made to the desired number of replicas (e.g. 0.01 for 1%). Must be greater than or equal to zero. If not set, the default cluster-wide tolerance is applied (by default 10%). This is a beta field (Kubernetes 1.33+) and requires the HPAConfigurableTolerance feature gate to be enabled.',
    },
  },
};
