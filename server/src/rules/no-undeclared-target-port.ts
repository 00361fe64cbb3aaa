import { objectRule } from '../engine/lint/rule';
import { checkTargetPorts, TARGET_PORT_MESSAGES } from './helpers/targetPortCheck';
import { exampleServedPod, MAIN_APP_DEPLOYMENT } from './helpers/exampleObjects';

/** The invalid example's example. */
const INVALID_EXAMPLE = `${MAIN_APP_DEPLOYMENT}          ports:
            - containerPort: 3000
---
apiVersion: v1
kind: Service
metadata:
  name: main-app
spec:
  selector:
    app: main-app
  ports:
    - port: 80
      targetPort: 8080
`;

export const rule = objectRule({
  id: 'no-undeclared-target-port',
  defaultSeverity: 'warning',
  kinds: ['Service'],
  messages: TARGET_PORT_MESSAGES,
  summary: "A Service's targetPort is a port the selected containers declare.",
  rationale:
    "A named targetPort is looked up in the `ports` of each selected pod's containers: when no container declares that name, the pod gets no endpoint and the Service sends no traffic (reported as an error). A numeric targetPort is used as is — declared ports are informational — but when the selected containers declare ports and none of them is the target, traffic most likely goes to a port nothing listens on (a warning). Numeric targets of containers that declare no ports at all are not reported.",
  remediation:
    "Point targetPort at a port the container declares (by name or number), or declare the port the application listens on in the container's `ports`.",
  valid: [
    `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ai-personalization
spec:
  selector:
    matchLabels:
      app: ai-personalization
  template:
    metadata:
      labels:
        app: ai-personalization
    spec:
      containers:
        - name: ai-personalization
          image: azora/ai-personalization:1.4.2
          ports:
            - name: http
              containerPort: 3010
---
apiVersion: v1
kind: Service
metadata:
  name: ai-personalization
spec:
  selector:
    app: ai-personalization
  ports:
    - name: web
      port: 3010
      targetPort: http
    - name: direct
      port: 80
      targetPort: 3010
`,
  ],
  invalid: [
    {
      example: INVALID_EXAMPLE,
      messageId: 'undeclaredPort',
      line: 29,
      column: 19,
      // The fix changes one line of the example.
      output: INVALID_EXAMPLE.replace('      targetPort: 8080\n', '      targetPort: 3000\n'),
    },
    {
      example: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ai-personalization
spec:
  selector:
    matchLabels:
      app: ai-personalization
  template:
    metadata:
      labels:
        app: ai-personalization
    spec:
      containers:
        - name: ai-personalization
          image: azora/ai-personalization:1.4.2
          ports:
            - name: http
              containerPort: 3010
---
apiVersion: v1
kind: Service
metadata:
  name: ai-personalization
spec:
  selector:
    app: ai-personalization
  ports:
    - port: 3010
      targetPort: htpp
`,
      messageId: 'unknownPortName',
      line: 30,
      column: 19,
      output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ai-personalization
spec:
  selector:
    matchLabels:
      app: ai-personalization
  template:
    metadata:
      labels:
        app: ai-personalization
    spec:
      containers:
        - name: ai-personalization
          image: azora/ai-personalization:1.4.2
          ports:
            - name: http
              containerPort: 3010
---
apiVersion: v1
kind: Service
metadata:
  name: ai-personalization
spec:
  selector:
    app: ai-personalization
  ports:
    - port: 3010
      targetPort: http
`,
    },
    {
      example: exampleServedPod('[{ name: web, image: web:1.0.0, ports: [{ containerPort: 8080 }] }]', '[{ port: 80, targetPort: http }]'),
      messageId: 'noNamedPorts',
      line: 15,
      column: 35,
    },
  ],
  check(context) {
    checkTargetPorts(context);
  },
});
