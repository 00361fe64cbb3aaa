/**
 * Pods, Deployments and HPAs for rule examples: one copy of the boilerplate, so that an example shows only what it is about
 * and the rule files that need several examples stay within their size budget.
 */

/** `lines`, each on its own line after `indent`. */
const indented = (indent: string, lines: readonly string[]): string => lines.map((line) => `${indent}${line}\n`).join('');

/**
 * A Pod `web` with one container `web`; `container` lines go into the container, `spec` lines into the pod
 * spec (each line as written at that level, nested lines with their own extra indentation).
 */
export function examplePod(container: readonly string[], spec: readonly string[] = []): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0.0
${indented('      ', container)}${indented('  ', spec)}`;
}

/** A Pod `web` labelled app=web with `containers` (a flow list), and a Service `web` selecting it with `ports` (a flow list). */
export function exampleServedPod(containers: string, ports: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers: ${containers}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: { app: web }
  ports: ${ports}
`;
}

/** An autoscaling/v2 HPA `web` scaling Deployment `target`; `spec` lines follow its scaleTargetRef. */
export function exampleHpa(spec: readonly string[], target = 'web'): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${target} }
${indented('  ', spec)}`;
}

/** A Deployment `web` with one container `web`: `metadata` lines follow its name, `spec` lines come before the template. */
export function exampleDeployment({ metadata = [], spec = [], container = [] }: { metadata?: string[]; spec?: string[]; container?: string[] } = {}): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${indented('  ', metadata)}spec:
${indented('  ', spec)}  template:
    spec:
      containers:
        - name: web
          image: web:1.0.0
${indented('          ', container)}`;
}

/**
 * The start of the sample's Deployment `main-app` (labels app=main-app), up to its one container's image: the
 * container's further keys follow at 10 spaces, then the pod spec's at 6 (the reference rules' examples).
 */
export const MAIN_APP_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: main-app
spec:
  selector:
    matchLabels:
      app: main-app
  template:
    metadata:
      labels:
        app: main-app
    spec:
      containers:
        - name: main-app
          image: azora/main-app:1.0.0
`;
