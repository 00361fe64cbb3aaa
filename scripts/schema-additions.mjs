// Fields of a Kubernetes release newer than the newest one an npm package carries (kubernetes-models
// 5.1.0 = 1.36), used by the Kubernetes documentation's examples (pods/emptydir-volume-mode.yaml,
// pods/security/security-context-7.yaml). Without them those valid manifests get "unknown field"
// errors. generate-schemas.mjs throws when the source gains one of them: then delete it here.
const CORE = 'io.k8s.api.core.v1';
const described = (schema, description) => ({ ...schema, description });

/** New definitions, by full name. */
export const NEW_DEFINITIONS = {
  // Shape from the KEP's types.go diff (alpha, newer than Kubernetes 1.36).
  [`${CORE}.CgroupOptions`]: {
    additionalProperties: false,
    description: 'CgroupOptions controls cgroup filesystem access (alpha, newer than Kubernetes 1.36).',
    properties: { mountMode: described({ type: 'string' }, '`ReadOnly` or `ReadWrite`.') },
    type: 'object',
  },
};

/** New properties of existing definitions: definition → field → schema. */
export const NEW_PROPERTIES = {
  [`${CORE}.SecurityContext`]: { cgroupOptions: { $ref: `#/definitions/${CORE}.CgroupOptions` } },
  // Its type is not in any released types.go we could read: accept any value rather than guess.
  [`${CORE}.EmptyDirVolumeSource`]: { mode: { description: 'The permission bits of the emptyDir directory (alpha, newer than Kubernetes 1.36).' } },
};
