import { objectRule } from '../engine/lint/rule';
import { WORKLOAD_KINDS } from '../engine/k8s/podSpec';
import { checkObjectRefs, MISSING_KEY_MESSAGES } from './helpers/refCheck';
import { examplePod, MAIN_APP_DEPLOYMENT } from './helpers/exampleObjects';

/** A Pod reading `key` of ConfigMap app-config, and the ConfigMap with `data`. */
const withConfigMap = (
  key: string,
  data: string,
) => `${examplePod(['env:', '  - name: LOG_LEVEL', `    valueFrom: { configMapKeyRef: { name: app-config, ${key} } }`])}---
apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
${data}`;

export const rule = objectRule({
  id: 'no-missing-configmap-key',
  defaultSeverity: 'error',
  kinds: WORKLOAD_KINDS,
  messages: MISSING_KEY_MESSAGES,
  summary: "Keys that pods read from a ConfigMap exist in that ConfigMap's `data` or `binaryData`.",
  rationale:
    "When a `configMapKeyRef` or a `configMap` volume's `items` name a key the ConfigMap does not have, the pod does not start: CreateContainerConfigError for env, a failed mount for volumes. The keys of a ConfigMap are those of its `data` and `binaryData`.",
  remediation: 'Add the key to the ConfigMap, or correct the key in the reference (keys are case-sensitive).',
  valid: [
    {
      files: {
        'main-app-deployment.yaml': `${MAIN_APP_DEPLOYMENT}          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: app-config
                  key: LOG_LEVEL
          envFrom:
            - configMapRef:
                name: app-config
      volumes:
        - name: config
          configMap:
            name: app-config
            items:
              - key: app.properties
                path: app.properties
`,
        'app-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  app.properties: "mode=strict"
`,
      },
    },
  ],
  invalid: [
    {
      example: {
        files: {
          'main-app-deployment.yaml': `${MAIN_APP_DEPLOYMENT}          env:
            - name: LOG_LEVEL
              valueFrom:
                configMapKeyRef:
                  name: app-config
                  key: LOG_LEVEL
          envFrom:
            - configMapRef:
                name: app-config
      volumes:
        - name: config
          configMap:
            name: app-config
            items:
              - key: application.properties
                path: app.properties
`,
          'app-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  app.properties: "mode=strict"
`,
        },
      },
      messageId: 'keyMissing',
      line: 31,
      column: 22,
    },
    {
      example: withConfigMap('key: log_level', 'data:\n  LOG_LEVEL: info\n'),
      messageId: 'keyMissingDidYouMean',
      line: 11,
      column: 66,
      output: withConfigMap('key: LOG_LEVEL', 'data:\n  LOG_LEVEL: info\n'),
    },
    { example: withConfigMap('key: LOG_LEVEL', 'data: {}\n'), messageId: 'keyMissingNoKeys', line: 11, column: 66 },
  ],
  check(context) {
    checkObjectRefs(context, 'ConfigMap', 'key');
  },
});
