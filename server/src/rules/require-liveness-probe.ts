import { objectRule } from '../engine/lint/rule';
import { SERVING_KINDS } from '../engine/k8s/probes';
import { checkProbeRequirement } from './helpers/probeRequirement';
import { exampleServedPod } from './helpers/exampleObjects';

export const rule = objectRule({
  id: 'require-liveness-probe',
  defaultSeverity: 'off',
  kinds: SERVING_KINDS,
  messages: {
    containerWithout:
      'Container {{containers}} of {{owner}} has no liveness probe, although Service {{service}} selects its pods: a container that hangs keeps receiving traffic until someone restarts it. Add a livenessProbe.',
    noContainerWith:
      'None of the containers {{containers}} of {{owner}} has a liveness probe, although Service {{service}} selects its pods: a container that hangs keeps receiving traffic until someone restarts it. Add a livenessProbe.',
  },
  summary: 'Pods selected by a Service have a liveness probe (off by default).',
  rationale:
    'A liveness probe lets the kubelet restart a container whose process is alive but stuck (a deadlock, an exhausted pool), which otherwise keeps its place behind the Service until someone notices. It is off by default because a poorly chosen liveness probe does more harm than none — it restarts healthy pods under load — and many services crash cleanly instead of hanging. Init containers, Jobs and CronJobs are exempt.',
  remediation:
    'Add a `livenessProbe` with a cheap check that fails only when the process is stuck (not when a dependency is down), with a generous failureThreshold.',
  valid: [
    `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
    - name: web
      image: web:1.0.0
      livenessProbe: { httpGet: { path: /livez, port: 8080 } }
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080 }]
`,
  ],
  invalid: [
    {
      example: `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: web:1.0.0
      ports:
        - name: http
          containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`,
      messageId: 'containerWithout',
      line: 9,
      column: 7,
      output: `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: web
      image: web:1.0.0
      ports:
        - name: http
          containerPort: 8080
      livenessProbe:
        tcpSocket:
          port: http
        periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
`,
    },
    {
      example: exampleServedPod('[{ name: web, image: web:1.0.0 }, { name: proxy, image: envoy:1.30.0 }]', '[{ port: 80, targetPort: 8080 }]'),
      messageId: 'noContainerWith',
      line: 7,
      column: 18,
    },
  ],
  check(context) {
    checkProbeRequirement(context, 'livenessProbe');
  },
});
