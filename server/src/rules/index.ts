/** The rule registry: every rule file in this folder (a unit test checks the two agree). */
import type { Rule } from '../engine/lint/rule';
import { rule as noLatestTag } from './no-latest-tag';
// HPA and probe rules (issue #3)
import { rule as hpaMetricTarget } from './hpa-metric-target';
import { rule as hpaReplicaBounds } from './hpa-replica-bounds';
import { rule as hpaScalingBehavior } from './hpa-scaling-behavior';
import { rule as hpaTargetExists } from './hpa-target-exists';
import { rule as hpaTargetScalable } from './hpa-target-scalable';
import { rule as noIdenticalLivenessReadiness } from './no-identical-liveness-readiness';
import { rule as noLivenessBeforeReady } from './no-liveness-before-ready';
import { rule as noRemovedHpaApiVersion } from './no-removed-hpa-api-version';
import { rule as noReplicasWithHpa } from './no-replicas-with-hpa';
import { rule as probePortDeclared } from './probe-port-declared';
import { rule as probeTimeoutBelowPeriod } from './probe-timeout-below-period';
import { rule as requireHpaResourceRequests } from './require-hpa-resource-requests';
import { rule as requireLivenessProbe } from './require-liveness-probe';
import { rule as requireReadinessProbe } from './require-readiness-probe';
import { rule as validProbeSettings } from './valid-probe-settings';

export const allRules: readonly Rule[] = [noLatestTag, hpaMetricTarget, hpaReplicaBounds, hpaScalingBehavior, hpaTargetExists, hpaTargetScalable, noIdenticalLivenessReadiness, noLivenessBeforeReady, noRemovedHpaApiVersion, noReplicasWithHpa, probePortDeclared, probeTimeoutBelowPeriod, requireHpaResourceRequests, requireLivenessProbe, requireReadinessProbe, validProbeSettings];
