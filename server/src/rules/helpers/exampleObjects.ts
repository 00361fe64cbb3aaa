/**
 * Pods, Deployments, Services and HPAs for rule examples: one copy of the boilerplate, so that an example shows only what
 * it is about and the rule files that need several examples stay within their size budget. Each builder takes the lines
 * an example adds, as written at their level (nested lines with their own extra indentation), so the YAML stays
 * readable in the rule; the rule pages (`npm run docs`) show the built text.
 */

/** `lines`, each on its own line after `indent`. */
export const indented = (indent: string, lines: readonly string[]): string => lines.map((line) => `${indent}${line}\n`).join('');

/** What an example Pod adds to the boilerplate; every part defaults to nothing (the name to `web`, the image to `web:1.0.0`). */
interface PodParts {
  /** The name of the pod and of its container. */
  readonly name?: string;
  /** Lines after its name in its metadata. */
  readonly metadata?: readonly string[];
  readonly image?: string;
  /** Further entries of its containers list, as written at the list's level (`- name: sidecar`). */
  readonly otherContainers?: readonly string[];
  /** Lines of the pod spec after its containers. */
  readonly spec?: readonly string[];
}

/** A Pod `web` with one container `web` (or another name); `container` lines go into the container (after its image). */
export function examplePod(container: readonly string[] = [], parts: PodParts = {}): string {
  const { name = 'web', metadata = [], image = 'web:1.0.0', otherContainers = [], spec = [] } = parts;
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${indented('  ', metadata)}spec:
  containers:
    - name: ${name}
      image: ${image}
${indented('      ', container)}${indented('    ', otherContainers)}${indented('  ', spec)}`;
}

/** A Service `name` with `spec` lines (its selector and ports) and `metadata` lines after its name (its own labels). */
export function exampleService(spec: readonly string[], name = 'web', metadata: readonly string[] = []): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
${indented('  ', metadata)}spec:
${indented('  ', spec)}`;
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
${exampleService(['selector: { app: web }', `ports: ${ports}`])}`;
}

/** What an example HPA differs in: its name and the Deployment it scales (default web), its apiVersion, a block-style scaleTargetRef. */
interface HpaParts {
  readonly name?: string;
  readonly target?: string;
  readonly apiVersion?: string;
  /** Write scaleTargetRef as a block map (one field a line), not a flow map. */
  readonly blockTarget?: boolean;
}

/** An HPA `name` (default web, autoscaling/v2) scaling Deployment `target`; `spec` lines follow its scaleTargetRef. */
export function exampleHpa(
  spec: readonly string[],
  { name = 'web', target = 'web', apiVersion = 'autoscaling/v2', blockTarget = false }: HpaParts = {},
): string {
  const targetRef = blockTarget
    ? `  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: ${target}\n`
    : `  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: ${target} }\n`;
  return `apiVersion: ${apiVersion}
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
spec:
${targetRef}${indented('  ', spec)}`;
}

/** What an example Deployment adds to the boilerplate; every part defaults to nothing (the name to `web`). */
interface DeploymentParts {
  /** The name of the Deployment and of its container, and the image's name (`<name>:1.0.0`). */
  readonly name?: string;
  /** Lines after its name in its metadata. */
  readonly metadata?: readonly string[];
  /** Lines of its spec before the template (`replicas`). */
  readonly spec?: readonly string[];
  /** Lines of the pod template's metadata (`labels: { app: web }`). */
  readonly templateMetadata?: readonly string[];
  /** Lines of its container after the image. */
  readonly container?: readonly string[];
  /** Further entries of its containers list, as written at the list's level (`- name: sidecar`). */
  readonly otherContainers?: readonly string[];
}

/** A Deployment `web` (or another name) with one container of its name and no selector (the HPA, probe and KEDA rules' examples). */
export function exampleDeployment(parts: DeploymentParts = {}): string {
  const { name = 'web', metadata = [], spec = [], templateMetadata = [], container = [], otherContainers = [] } = parts;
  const template = templateMetadata.length > 0 ? `    metadata:\n${indented('      ', templateMetadata)}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${indented('  ', metadata)}spec:
${indented('  ', spec)}  template:
${template}    spec:
      containers:
        - name: ${name}
          image: ${name}:1.0.0
${indented('          ', container)}${indented('        ', otherContainers)}`;
}

/** A patch of Deployment `web` (no image: the base has it) that adds `container` lines to its container `web`. */
export function exampleDeploymentPatch(container: readonly string[]): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
${indented('          ', container)}`;
}

/** What a labelled example Deployment adds to the boilerplate (see `labelledDeployment`). */
interface LabelledDeploymentParts {
  /** Its name, the name of its container and the value of its `app` label (default `main-app`). */
  readonly name?: string;
  readonly image?: string;
  /** Lines after its name in its metadata. */
  readonly metadata?: readonly string[];
  /** The entries of `spec.selector.matchLabels` (default `app: <name>`). */
  readonly matchLabels?: readonly string[];
  /** Lines of the selector after matchLabels (`matchExpressions`). */
  readonly selector?: readonly string[];
  /** The pod template's labels (default `app: <name>`). */
  readonly labels?: readonly string[];
  /** Lines of its container after the image. */
  readonly container?: readonly string[];
  /** Lines of the pod spec after its containers. */
  readonly spec?: readonly string[];
}

/**
 * A Deployment in block style whose selector and pod template agree on `app: <name>`, with one container: by default the
 * sample's `main-app` (image azora/main-app:1.0.0).
 */
export function labelledDeployment(parts: LabelledDeploymentParts = {}): string {
  const { name = 'main-app', image = 'azora/main-app:1.0.0', metadata = [], selector = [], container = [], spec = [] } = parts;
  const { matchLabels = [`app: ${name}`], labels = [`app: ${name}`] } = parts;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${indented('  ', metadata)}spec:
  selector:
    matchLabels:
${indented('      ', matchLabels)}${indented('    ', selector)}  template:
    metadata:
      labels:
${indented('        ', labels)}    spec:
      containers:
        - name: ${name}
          image: ${image}
${indented('          ', container)}${indented('      ', spec)}`;
}
