import { objectRule } from '../engine/lint/rule';
import type { Origin, RenderedObject } from '../engine/render/render';
import type { FindingFix, RelatedLocation, TextEdit } from '../engine/types';
import { entryAnchor, newEntryAnchor } from '../engine/render/anchor';
import { insertAfterEntry } from './helpers/edits';
import { HPA_KIND, hasRequest, resolveHpaTarget, utilizationMetrics, type ComputeResource } from '../engine/k8s/hpa';
import { containersOf, type ContainerRef } from '../engine/k8s/podSpec';
import { record } from '../engine/k8s/values';
import { exampleDeployment, exampleHpa } from './helpers/exampleObjects';

/** Requests the fix proposes: modest, so the container still fits on a node; the user should tune them. */
const DEFAULT_REQUEST: Record<ComputeResource, string> = { cpu: '100m', memory: '128Mi' };

/** An edit adding `requests.<resource>` to a rendered container, in the file that defines the nearest existing map. */
function addRequestEdit(target: RenderedObject, ref: ContainerRef, resource: ComputeResource): { uri: string; edit: TextEdit } | undefined {
  const line = `${resource}: ${DEFAULT_REQUEST[resource]}`;
  const resources = record(ref.container.resources);
  let anchor: Origin | undefined;
  let lines: string[];
  if (record(resources?.requests) && Object.keys(record(resources?.requests)!).length > 0) {
    anchor = entryAnchor(target, [...ref.path, 'resources', 'requests']);
    lines = [line];
  } else if (resources && Object.keys(resources).length > 0) {
    anchor = entryAnchor(target, [...ref.path, 'resources']);
    lines = ['requests:', `  ${line}`];
  } else {
    // After the container's last key (or, in kubectl's alphabetical order, after the keys sorting before it), not between name and image.
    anchor = newEntryAnchor(target, ref.path, 'resources');
    lines = ['resources:', '  requests:', `    ${line}`];
  }
  const edit = anchor ? insertAfterEntry(anchor.doc, anchor.path, lines) : undefined;
  return edit && anchor ? { uri: anchor.doc.uri, edit } : undefined;
}

function addRequestsFix(target: RenderedObject, missing: ContainerRef[], resource: ComputeResource): FindingFix[] {
  const byUri = new Map<string, TextEdit[]>();
  for (const ref of missing) {
    const found = addRequestEdit(target, ref, resource);
    if (!found) return [];
    byUri.set(found.uri, [...(byUri.get(found.uri) ?? []), found.edit]);
  }
  const title = `Add a ${resource} request of ${DEFAULT_REQUEST[resource]} to ${missing.map((m) => m.name).join(', ')} (adjust to the real usage)`;
  return [{ title, safety: 'unsafe', edits: [...byUri].map(([uri, edits]) => ({ uri, edits })) }];
}

/** An HPA on `resource` utilization, and its Deployment whose container has the `resources` lines. */
const scaledOn = (resource: string, resources: string[]) =>
  `${exampleHpa([
    'maxReplicas: 10',
    'metrics:',
    '  - type: Resource',
    `    resource: { name: ${resource}, target: { type: Utilization, averageUtilization: 70 } }`,
  ])}---\n${exampleDeployment({ container: resources })}`;

/** A Deployment web whose containers web (a memory request only) and proxy (none) have no cpu request. */
const TWO_CONTAINERS = `${exampleDeployment({ container: ['resources:', '  requests:', '    memory: 256Mi'] })}        - name: proxy
          image: envoy:1.30.0
`;

export const rule = objectRule({
  id: 'require-hpa-resource-requests',
  defaultSeverity: 'error',
  kinds: [HPA_KIND],
  messages: {
    containerWithoutRequest:
      'HPA {{hpa}} scales on {{resource}} utilization, but container {{containers}} in {{kind}} {{name}} sets no {{resource}} request: the HPA can never compute utilization and will not scale. Add `resources.requests.{{resource}}` to the container.',
    containersWithoutRequest:
      'HPA {{hpa}} scales on {{resource}} utilization, but containers {{containers}} in {{kind}} {{name}} set no {{resource}} request: the HPA can never compute utilization and will not scale. Add `resources.requests.{{resource}}` to each container.',
  },
  summary: 'Every container an HPA scales on cpu/memory utilization requests that resource.',
  rationale:
    'A Utilization target is a percentage of the pods’ requests: the controller divides usage by the sum of the containers’ requests. If any container of the target’s pod template (after patches are merged) has no request for that resource, utilization is undefined and the HPA reports `FailedGetResourceMetric` — it never scales. A limit counts, because the API copies a limit into a missing request. `autoscaling/v1` and an HPA without metrics scale on 80% CPU.',
  remediation: 'Add `resources.requests.cpu` (or `memory`) to every container of the target, sized to its normal usage.',
  // A limit counts: the API copies it into the missing request.
  valid: [scaledOn('cpu', ['resources: { limits: { cpu: 500m } }'])],
  invalid: [
    {
      example: {
        files: {
          'web-hpa.yaml': exampleHpa([
            'maxReplicas: 10',
            'metrics:',
            '  - type: Resource',
            '    resource:',
            '      name: cpu',
            '      target: { type: Utilization, averageUtilization: 50 }',
          ]),
          'web-deployment.yaml': TWO_CONTAINERS,
        },
        note: 'Both containers lack a cpu request; the fix adds one to each, in the Deployment file.',
      },
      messageId: 'containersWithoutRequest',
      file: 'web-hpa.yaml',
      line: 11,
      column: 15,
      output: {
        'web-deployment.yaml': TWO_CONTAINERS.replace('memory: 256Mi\n', 'memory: 256Mi\n              cpu: 100m\n').replace(
          'image: envoy:1.30.0\n',
          'image: envoy:1.30.0\n          resources:\n            requests:\n              cpu: 100m\n',
        ),
      },
    },
    {
      example: scaledOn('memory', ['resources:', '  requests: { cpu: 250m }']),
      messageId: 'containerWithoutRequest',
      line: 10,
      column: 25,
      output: scaledOn('memory', ['resources:', '  requests: { cpu: 250m, memory: 128Mi }']),
    },
  ],
  check(context) {
    const hpa = context.target.object;
    const workload = resolveHpaTarget(context.workspace, hpa);
    if (!workload) return;
    const { kind, name } = workload.identity;
    for (const metric of utilizationMetrics(hpa)) {
      const containers = containersOf(workload).filter((c) => metric.container === undefined || c.name === metric.container);
      const missing = containers.filter((c) => !hasRequest(c.container, metric.resource));
      if (missing.length === 0) continue;
      const related: RelatedLocation[] = missing.map((ref) => {
        const origin = entryAnchor(workload, ref.path, 'name') ?? workload.locate(ref.path);
        return { uri: origin.doc.uri, range: origin.doc.rangeOfPath(origin.path, 'value'), message: `Container ${ref.name} has no ${metric.resource} request` };
      });
      const names = missing.map((m) => m.name).join(', ');
      context.report({
        path: metric.path,
        part: metric.path.at(-1) === 'name' ? 'value' : 'key',
        messageId: missing.length === 1 ? 'containerWithoutRequest' : 'containersWithoutRequest',
        data: { hpa: hpa.identity.name ?? '', resource: metric.resource, containers: names, kind, name: name ?? '' },
        related,
        fixes: addRequestsFix(workload, missing, metric.resource),
      });
    }
  },
});
