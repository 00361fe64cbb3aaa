/** The rule registry: every rule file in this folder (a unit test checks the two agree). */
import type { Rule } from '../engine/lint/rule';
import { rule as noLatestTag } from './no-latest-tag';
// HPA and probe rules (issue #3)
import { rule as validHpaMetricTarget } from './valid-hpa-metric-target';
import { rule as validHpaReplicaBounds } from './valid-hpa-replica-bounds';
import { rule as validHpaScalingBehavior } from './valid-hpa-scaling-behavior';
import { rule as noMissingHpaTarget } from './no-missing-hpa-target';
import { rule as noUnscalableHpaTarget } from './no-unscalable-hpa-target';
import { rule as noIdenticalLivenessReadiness } from './no-identical-liveness-readiness';
import { rule as noLivenessBeforeReady } from './no-liveness-before-ready';
import { rule as noRemovedHpaApiVersion } from './no-removed-hpa-api-version';
import { rule as noUnsupportedApiVersion } from './no-unsupported-api-version';
import { rule as noFieldNewerThanTarget } from './no-field-newer-than-target';
import { rule as noFieldRemovedInTarget } from './no-field-removed-in-target';
import { rule as noReplicasWithHpa } from './no-replicas-with-hpa';
import { rule as noUndeclaredProbePort } from './no-undeclared-probe-port';
import { rule as noProbeTimeoutOverPeriod } from './no-probe-timeout-over-period';
import { rule as requireHpaResourceRequests } from './require-hpa-resource-requests';
import { rule as requireLivenessProbe } from './require-liveness-probe';
import { rule as requireReadinessProbe } from './require-readiness-probe';
import { rule as validProbeSettings } from './valid-probe-settings';
// Secret, ConfigMap and reference rules (issue #3)
import { rule as noDuplicateSecretKey } from './no-duplicate-secret-key';
import { rule as noInvalidDataKey } from './no-invalid-data-key';
import { rule as noInvalidSecretBase64 } from './no-invalid-secret-base64';
import { rule as noMissingConfigmap } from './no-missing-configmap';
import { rule as noMissingConfigmapKey } from './no-missing-configmap-key';
import { rule as noMissingSecret } from './no-missing-secret';
import { rule as noMissingSecretKey } from './no-missing-secret-key';
import { rule as noOversizedSecret } from './no-oversized-secret';
import { rule as noSecretInEnvValue } from './no-secret-in-env-value';
import { rule as noSecretTrailingNewline } from './no-secret-trailing-newline';
// Service, port, name and Prometheus target rules (issue #3)
import { rule as noDuplicateContainerPort } from './no-duplicate-container-port';
import { rule as noDuplicateEnv } from './no-duplicate-env';
import { rule as noInvalidPortName } from './no-invalid-port-name';
import { rule as noInvalidResourceName } from './no-invalid-resource-name';
import { rule as noPortOutOfRange } from './no-port-out-of-range';
import { rule as noSelectorTemplateMismatch } from './no-selector-template-mismatch';
import { rule as noUndeclaredTargetPort } from './no-undeclared-target-port';
import { rule as noUnexposedScrapePort } from './no-unexposed-scrape-port';
import { rule as noUnknownScrapeTarget } from './no-unknown-scrape-target';
import { rule as noUnknownDashboardJob } from './no-unknown-dashboard-job';
import { rule as noUnmatchedServiceSelector } from './no-unmatched-service-selector';
import { rule as requireContainerPort } from './require-container-port';
// Prometheus, rule-file and Alertmanager checks (issue #13)
import { rule as validMonitoringDuration } from './valid-monitoring-duration';
import { rule as validPromql } from './valid-promql';
import { rule as noScrapeTimeoutOverInterval } from './no-scrape-timeout-over-interval';
import { rule as noDuplicateJobName } from './no-duplicate-job-name';
import { rule as noConflictingAuthFields } from './no-conflicting-auth-fields';
import { rule as validRelabelConfig } from './valid-relabel-config';
import { rule as validRuleDefinition } from './valid-rule-definition';
import { rule as noDuplicateRuleGroup } from './no-duplicate-rule-group';
import { rule as noMissingAlertmanagerReceiver } from './no-missing-alertmanager-receiver';
import { rule as noMissingAlertmanagerTimeInterval } from './no-missing-alertmanager-time-interval';
import { rule as noDuplicateReceiver } from './no-duplicate-receiver';
import { rule as validAlertmanagerMatcher } from './valid-alertmanager-matcher';
import { rule as noDeprecatedAlertmanagerMatch } from './no-deprecated-alertmanager-match';
import { rule as validMonitoringSchema } from './valid-monitoring-schema';
import { rule as noMissingRuleFiles } from './no-missing-rule-files';
import { rule as validAlertLinkAnnotation } from './valid-alert-link-annotation';
import { rule as noMissingAlertmanagerTemplates } from './no-missing-alertmanager-templates';

// Kustomize rules (issue #12 part 5)
import { rule as noDeprecatedKustomizeField } from './no-deprecated-kustomize-field';
import { rule as noDuplicateKustomizeResource } from './no-duplicate-kustomize-resource';
import { rule as noKustomizeCycle } from './no-kustomize-cycle';
import { rule as noKustomizeFileOutsideRoot } from './no-kustomize-file-outside-root';
import { rule as noMissingKustomizePath } from './no-missing-kustomize-path';
import { rule as noUnmatchedPatchTarget } from './no-unmatched-patch-target';

// Operator cross-resource rules: prometheus-operator monitors, KEDA (issue #12 part 3)
import { rule as noHpaWithScaledObject } from './no-hpa-with-scaled-object';
import { rule as noUnmatchedPodMonitor } from './no-unmatched-pod-monitor';
import { rule as noUnmatchedServiceMonitor } from './no-unmatched-service-monitor';
import { rule as noMissingScaledObjectTarget } from './no-missing-scaled-object-target';
import { rule as noMissingServiceMonitorPort } from './no-missing-service-monitor-port';

const operatorRules: readonly Rule[] = [
  noUnmatchedServiceMonitor,
  noMissingServiceMonitorPort,
  noUnmatchedPodMonitor,
  noMissingScaledObjectTarget,
  noHpaWithScaledObject,
];

const kustomizeRules: readonly Rule[] = [
  noMissingKustomizePath,
  noDuplicateKustomizeResource,
  noKustomizeCycle,
  noDeprecatedKustomizeField,
  noUnmatchedPatchTarget,
  noKustomizeFileOutsideRoot,
];

export const allRules: readonly Rule[] = [
  noLatestTag,
  validHpaMetricTarget,
  validHpaReplicaBounds,
  validHpaScalingBehavior,
  noMissingHpaTarget,
  noUnscalableHpaTarget,
  noIdenticalLivenessReadiness,
  noLivenessBeforeReady,
  noRemovedHpaApiVersion,
  noUnsupportedApiVersion,
  noFieldNewerThanTarget,
  noFieldRemovedInTarget,
  noReplicasWithHpa,
  noUndeclaredProbePort,
  noProbeTimeoutOverPeriod,
  requireHpaResourceRequests,
  requireLivenessProbe,
  requireReadinessProbe,
  validProbeSettings,
  noDuplicateSecretKey,
  noInvalidDataKey,
  noInvalidSecretBase64,
  noMissingConfigmap,
  noMissingConfigmapKey,
  noMissingSecret,
  noMissingSecretKey,
  noOversizedSecret,
  noSecretInEnvValue,
  noSecretTrailingNewline,
  noDuplicateContainerPort,
  noDuplicateEnv,
  noInvalidPortName,
  noInvalidResourceName,
  noPortOutOfRange,
  noSelectorTemplateMismatch,
  noUndeclaredTargetPort,
  noUnexposedScrapePort,
  noUnknownScrapeTarget,
  noUnknownDashboardJob,
  noUnmatchedServiceSelector,
  requireContainerPort,
  validMonitoringDuration,
  validPromql,
  noScrapeTimeoutOverInterval,
  noDuplicateJobName,
  noConflictingAuthFields,
  validRelabelConfig,
  validRuleDefinition,
  noDuplicateRuleGroup,
  noMissingAlertmanagerReceiver,
  noMissingAlertmanagerTimeInterval,
  noDuplicateReceiver,
  validAlertmanagerMatcher,
  noDeprecatedAlertmanagerMatch,
  validMonitoringSchema,
  noMissingRuleFiles,
  validAlertLinkAnnotation,
  noMissingAlertmanagerTemplates,
  ...kustomizeRules,
  ...operatorRules,
];
