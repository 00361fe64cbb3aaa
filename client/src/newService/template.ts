/**
 * New Service: the answers, their validation, and the three files of the biome convention —
 * `<name>-deployment.yaml` (Deployment with cpu/memory requests + Service), `<name>-hpa.yaml`,
 * `<name>-probes.yaml` (a patch merged over the Deployment). Pure: the unit test lints the output.
 */

export interface ServiceAnswers {
  name: string;
  image: string;
  port: number;
  healthPath: string;
  minReplicas: number;
  maxReplicas: number;
  cpuTarget: number;
}

export const DEFAULT_ANSWERS: Omit<ServiceAnswers, 'name' | 'image'> = { port: 8080, healthPath: '/health', minReplicas: 2, maxReplicas: 5, cpuTarget: 70 };

/** Each validator returns a message saying what is wrong and what is expected, or undefined. */
export function validateName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 63) return `"${name}" has ${name.length} characters; a Service name has at most 63.`;
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name)) {
    return `"${name}" is not a DNS label: use lowercase letters, digits and "-", starting with a letter and ending with a letter or digit.`;
  }
  return undefined;
}

export function validateImage(image: string): string | undefined {
  if (image.trim() === '' || /\s/.test(image)) return 'Enter an image reference without spaces, such as registry.example.com/team/app:1.0.0.';
  if (image.includes('@')) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > slash ? image.slice(colon + 1) : undefined;
  if (!tag || tag === 'latest') return 'Pin the image to a version (app:1.0.0) or a digest: ":latest" and no tag change under you.';
  return undefined;
}

function integerIn(text: string, min: number, max: number, what: string): string | undefined {
  if (!/^\d+$/.test(text.trim())) return `${what} must be a whole number.`;
  const n = Number(text);
  return n < min || n > max ? `${what} must be between ${min} and ${max}.` : undefined;
}

export const validatePort = (text: string): string | undefined => integerIn(text, 1, 65535, 'The container port');
export const validateMinReplicas = (text: string): string | undefined => integerIn(text, 1, 1000, 'Minimum replicas');
export const validateCpuTarget = (text: string): string | undefined => integerIn(text, 1, 100, 'The CPU target (percent of the request)');

export function validateMaxReplicas(text: string, min: number): string | undefined {
  return integerIn(text, Math.max(1, min), 1000, `Maximum replicas (at least the minimum, ${min})`);
}

export function validateHealthPath(path: string): string | undefined {
  return /^\/[^\s?#]*$/.test(path) ? undefined : 'The health path starts with "/" and has no spaces, "?" or "#" (for example /health).';
}

/** Every problem of a complete answer set (for answers passed as a command argument). */
export function validateAnswers(a: ServiceAnswers): string[] {
  return [
    validateName(a.name),
    validateImage(a.image),
    validatePort(String(a.port)),
    validateHealthPath(a.healthPath),
    validateMinReplicas(String(a.minReplicas)),
    validateMaxReplicas(String(a.maxReplicas), a.minReplicas),
    validateCpuTarget(String(a.cpuTarget)),
  ].filter((m): m is string => m !== undefined);
}

function deployment(a: ServiceAnswers): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${a.name}
  labels:
    app: ${a.name}
spec:
  selector:
    matchLabels:
      app: ${a.name}
  template:
    metadata:
      labels:
        app: ${a.name}
    spec:
      containers:
        - name: ${a.name}
          image: ${a.image}
          ports:
            - name: http
              containerPort: ${a.port}
          resources:
            requests:
              cpu: 250m
              memory: 256Mi
            limits:
              memory: 512Mi
---
apiVersion: v1
kind: Service
metadata:
  name: ${a.name}
spec:
  selector:
    app: ${a.name}
  ports:
    - port: ${a.port}
      targetPort: http
`;
}

function hpa(a: ServiceAnswers): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${a.name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${a.name}
  minReplicas: ${a.minReplicas}
  maxReplicas: ${a.maxReplicas}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: ${a.cpuTarget}
`;
}

function probes(a: ServiceAnswers): string {
  return `# Probes for ${a.name}, merged into the ${a.name} Deployment when rendered.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${a.name}
spec:
  template:
    spec:
      containers:
        - name: ${a.name}
          livenessProbe:
            httpGet:
              path: ${a.healthPath}
              port: http
            initialDelaySeconds: 20
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: ${a.healthPath}
              port: http
            initialDelaySeconds: 5
            periodSeconds: 5
`;
}

/** File name → text, in the order they are opened. */
export function serviceFiles(a: ServiceAnswers): { name: string; text: string }[] {
  return [
    { name: `${a.name}-deployment.yaml`, text: deployment(a) },
    { name: `${a.name}-hpa.yaml`, text: hpa(a) },
    { name: `${a.name}-probes.yaml`, text: probes(a) },
  ];
}
