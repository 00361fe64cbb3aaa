/**
 * A Pod for rule examples: one copy of the boilerplate, so that an example shows only what it is about
 * and the rule files that need several examples stay within their size budget.
 */

/**
 * A Pod `web` with one container `web`; `container` lines go into the container, `spec` lines into the pod
 * spec (each line as written at that level, nested lines with their own extra indentation).
 */
export function examplePod(container: readonly string[], spec: readonly string[] = []): string {
  const lines = (indent: string, list: readonly string[]) => list.map((line) => `${indent}${line}\n`).join('');
  return `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0.0
${lines('      ', container)}${lines('  ', spec)}`;
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
