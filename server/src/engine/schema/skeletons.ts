/**
 * Whole-document snippets for the main kinds, offered where a document can start. Each body is a manifest that
 * validates clean, also next to an HPA that scales it, once its placeholders take their defaults (checked by
 * test/unit/client-templates.test.ts).
 */

export interface Skeleton {
  readonly apiVersion: string;
  readonly kind: string;
  /** Snippet text (LSP snippet syntax: `${1:name}`). */
  readonly body: string;
}

const WORKLOAD_TEMPLATE = `  selector:
    matchLabels:
      app: \${1:name}
  template:
    metadata:
      labels:
        app: \${1:name}
    spec:
      containers:
        - name: \${1:name}
          image: \${2:image:tag}
          resources:
            requests:
              cpu: 100m
              memory: 128Mi`;

const metadata = (extra = ''): string => `metadata:\n  name: \${1:name}\n${extra}`;

export const SKELETONS: readonly Skeleton[] = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    // No `replicas`: an HPA may own the scale (no-replicas-with-hpa); the Deployment then starts at 1 replica.
    body: `apiVersion: apps/v1\nkind: Deployment\n${metadata()}spec:\n${WORKLOAD_TEMPLATE}\n`,
  },
  {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    body: `apiVersion: apps/v1\nkind: StatefulSet\n${metadata()}spec:\n  serviceName: \${1:name}\n${WORKLOAD_TEMPLATE}\n`,
  },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    body: `apiVersion: apps/v1\nkind: DaemonSet\n${metadata()}spec:\n${WORKLOAD_TEMPLATE}\n`,
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    body: `apiVersion: v1\nkind: Service\n${metadata()}spec:\n  selector:\n    app: \${1:name}\n  ports:\n    - port: \${2:80}\n      targetPort: \${3:8080}\n`,
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    body: `apiVersion: v1\nkind: ConfigMap\n${metadata()}data:\n  \${2:key}: \${3:value}\n`,
  },
  {
    apiVersion: 'v1',
    kind: 'Secret',
    body: `apiVersion: v1\nkind: Secret\n${metadata()}type: Opaque\nstringData:\n  \${2:key}: \${3:value}\n`,
  },
  {
    apiVersion: 'batch/v1',
    kind: 'Job',
    body: `apiVersion: batch/v1\nkind: Job\n${metadata()}spec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: \${1:name}\n          image: \${2:image:tag}\n`,
  },
  {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    body: `apiVersion: batch/v1\nkind: CronJob\n${metadata()}spec:\n  schedule: "\${3:0 * * * *}"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: \${1:name}\n              image: \${2:image:tag}\n`,
  },
  {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    body: `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n${metadata()}spec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: \${1:name}\n  minReplicas: \${2:2}\n  maxReplicas: \${3:10}\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: \${4:70}\n`,
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    body: `apiVersion: networking.k8s.io/v1\nkind: Ingress\n${metadata()}spec:\n  rules:\n    - host: \${2:example.com}\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: \${1:name}\n                port:\n                  number: \${3:80}\n`,
  },
  {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    body: `apiVersion: v1\nkind: PersistentVolumeClaim\n${metadata()}spec:\n  accessModes:\n    - ReadWriteOnce\n  resources:\n    requests:\n      storage: \${2:1Gi}\n`,
  },
  {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    body: `apiVersion: v1\nkind: ServiceAccount\n${metadata()}`,
  },
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    body: `apiVersion: v1\nkind: Namespace\n${metadata()}`,
  },
];

/** A snippet body with every placeholder replaced by its default: the manifest the user gets. */
export function expandSnippet(body: string): string {
  return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}
