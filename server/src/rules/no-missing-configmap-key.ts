import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { checkObjectRefs, MISSING_KEY_MESSAGES } from './helpers/refCheck';
import { examplePod, labelledDeployment } from './helpers/exampleObjects';
import { APP_CONFIG, CONFIG_ENV, CONFIG_ENV_FROM, CONFIGMAP_REFERENCES, configVolume, exampleConfigMap } from './helpers/exampleReferences';

/** A Pod reading `key` of ConfigMap app-config, and the ConfigMap with `lines` after its metadata. */
const withConfigMap = (key: string, lines: string[]) =>
  `${examplePod(['env:', '  - name: LOG_LEVEL', `    valueFrom: { configMapKeyRef: { name: app-config, ${key} } }`])}---\n${exampleConfigMap(lines)}`;

export const rule = objectRule({
  id: 'no-missing-configmap-key',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: MISSING_KEY_MESSAGES,
  summary: "Keys that pods read from a ConfigMap exist in that ConfigMap's `data` or `binaryData`.",
  rationale:
    "When a `configMapKeyRef` or a `configMap` volume's `items` name a key the ConfigMap does not have, the pod does not start: CreateContainerConfigError for env, a failed mount for volumes. The keys of a ConfigMap are those of its `data` and `binaryData`.",
  remediation: 'Add the key to the ConfigMap, or correct the key in the reference (keys are case-sensitive).',
  valid: [CONFIGMAP_REFERENCES],
  invalid: [
    {
      // The volume reads key application.properties, which app-config does not have.
      example: {
        files: {
          'main-app-deployment.yaml': labelledDeployment({
            container: [...CONFIG_ENV, ...CONFIG_ENV_FROM],
            spec: configVolume('app-config', 'application.properties'),
          }),
          'app-config.yaml': APP_CONFIG,
        },
      },
      messageId: 'keyMissing',
      line: 31,
      column: 22,
    },
    {
      example: withConfigMap('key: log_level', ['data:', '  LOG_LEVEL: info']),
      messageId: 'keyMissingDidYouMean',
      line: 11,
      column: 66,
      output: withConfigMap('key: LOG_LEVEL', ['data:', '  LOG_LEVEL: info']),
    },
    { example: withConfigMap('key: LOG_LEVEL', ['data: {}']), messageId: 'keyMissingNoKeys', line: 11, column: 66 },
  ],
  check(context) {
    checkObjectRefs(context, 'ConfigMap', 'key');
  },
});
