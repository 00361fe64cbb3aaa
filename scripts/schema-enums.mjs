// Enumerations the Kubernetes API server enforces but kubernetes-types only types as `string`
// (the .d.ts has no literal unions below apiVersion/kind). Used by generate-schemas.mjs.
// Keyed by `<definition>.<property>`; for array properties the values constrain the items.
// Only fields whose validation rejects any other value belong here: a wrong entry is a false
// positive in every user's editor. Sources: k8s.io/kubernetes pkg/apis/*/validation (v1.30).

const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';
const BATCH = 'io.k8s.api.batch.v1';
const HPA2 = 'io.k8s.api.autoscaling.v2';
const NET = 'io.k8s.api.networking.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const SELECTOR_OPERATORS = ['DoesNotExist', 'Exists', 'In', 'NotIn'];
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const METRIC_SOURCES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

export const ENUMS = {
  [`${CORE}.Container.imagePullPolicy`]: PULL_POLICIES,
  [`${CORE}.EphemeralContainer.imagePullPolicy`]: PULL_POLICIES,
  [`${CORE}.Container.terminationMessagePolicy`]: ['FallbackToLogsOnError', 'File'],
  [`${CORE}.ContainerPort.protocol`]: PROTOCOLS,
  [`${CORE}.ServicePort.protocol`]: PROTOCOLS,
  [`${CORE}.EndpointPort.protocol`]: PROTOCOLS,
  [`${CORE}.PodSpec.restartPolicy`]: ['Always', 'Never', 'OnFailure'],
  [`${CORE}.PodSpec.dnsPolicy`]: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  [`${CORE}.HTTPGetAction.scheme`]: ['HTTP', 'HTTPS'],
  [`${CORE}.ServiceSpec.type`]: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  [`${CORE}.ServiceSpec.sessionAffinity`]: ['ClientIP', 'None'],
  [`${CORE}.ServiceSpec.externalTrafficPolicy`]: ['Cluster', 'Local'],
  [`${CORE}.ServiceSpec.internalTrafficPolicy`]: ['Cluster', 'Local'],
  [`${CORE}.ServiceSpec.ipFamilyPolicy`]: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
  [`${CORE}.PersistentVolumeClaimSpec.accessModes`]: ACCESS_MODES,
  [`${CORE}.PersistentVolumeSpec.accessModes`]: ACCESS_MODES,
  [`${CORE}.PersistentVolumeClaimSpec.volumeMode`]: ['Block', 'Filesystem'],
  [`${CORE}.NodeSelectorRequirement.operator`]: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  // An empty effect/operator is valid on tolerations: it means "all effects" / Equal. Gt and Lt
  // compare numeric taint values (Kubernetes 1.35, feature gate TaintTolerationComparisonOperators;
  // the documentation's pods/pod-with-numeric-toleration.yaml uses Gt).
  [`${CORE}.Toleration.effect`]: ['', 'NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  [`${CORE}.Toleration.operator`]: ['', 'Equal', 'Exists', 'Gt', 'Lt'],
  [`${CORE}.Taint.effect`]: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  [`${META}.LabelSelectorRequirement.operator`]: SELECTOR_OPERATORS,
  [`${APPS}.DeploymentStrategy.type`]: ['Recreate', 'RollingUpdate'],
  [`${APPS}.StatefulSetUpdateStrategy.type`]: ['OnDelete', 'RollingUpdate'],
  [`${APPS}.DaemonSetUpdateStrategy.type`]: ['OnDelete', 'RollingUpdate'],
  [`${APPS}.StatefulSetSpec.podManagementPolicy`]: ['OrderedReady', 'Parallel'],
  [`${BATCH}.CronJobSpec.concurrencyPolicy`]: ['Allow', 'Forbid', 'Replace'],
  [`${BATCH}.JobSpec.completionMode`]: ['Indexed', 'NonIndexed'],
  [`${HPA2}.MetricSpec.type`]: METRIC_SOURCES,
  [`${HPA2}.MetricTarget.type`]: ['AverageValue', 'Utilization', 'Value'],
  [`${HPA2}.HPAScalingPolicy.type`]: ['Percent', 'Pods'],
  [`${HPA2}.HPAScalingRules.selectPolicy`]: ['Disabled', 'Max', 'Min'],
  [`${NET}.HTTPIngressPath.pathType`]: ['Exact', 'ImplementationSpecific', 'Prefix'],
  [`${NET}.NetworkPolicySpec.policyTypes`]: ['Egress', 'Ingress'],
  [`${NET}.NetworkPolicyPort.protocol`]: PROTOCOLS,
};
