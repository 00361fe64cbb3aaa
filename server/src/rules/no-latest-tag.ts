import { objectRule } from '../engine/lint/rule';
import type { RenderedObject } from '../engine/render/render';
import { containersOf, podSpecPath, WORKLOAD_KINDS, type ContainerRef } from '../engine/k8s/podSpec';
import { at, list, record, str } from '../engine/k8s/values';
import { examplePod } from './helpers/exampleObjects';

/** The tag of an image reference, or undefined when it has none (`registry:5000/app` has no tag). */
export function imageTag(image: string): { tag: string | undefined; digest: boolean } {
  if (image.includes('@')) return { tag: undefined, digest: true };
  const lastSlash = image.lastIndexOf('/');
  const lastColon = image.lastIndexOf(':');
  return { tag: lastColon > lastSlash ? image.slice(lastColon + 1) : undefined, digest: false };
}

/**
 * Ephemeral (debug) containers of a Pod: the API adds them only through the `ephemeralcontainers`
 * subresource, but a Pod saved with `kubectl get -o yaml` carries them, and checkov checks their tags too.
 */
function ephemeralContainersOf(object: RenderedObject): ContainerRef[] {
  const specPath = podSpecPath(object.identity.kind);
  if (!specPath) return [];
  return list(at(object.value, ...specPath, 'ephemeralContainers')).flatMap((item, index) => {
    const container = record(item);
    if (!container) return [];
    return [{ container, name: str(container.name) ?? `#${index + 1}`, path: [...specPath, 'ephemeralContainers', index], init: false }];
  });
}

export const rule = objectRule({
  id: 'no-latest-tag',
  defaultSeverity: 'warning',
  kinds: WORKLOAD_KINDS,
  summary: 'Container images are pinned to a version, not `:latest` or no tag.',
  rationale:
    '`:latest` (or no tag, which means `:latest`) changes under you: two pods of the same Deployment can run different code, a rollback redeploys the same moving target, and the default pull policy becomes Always.',
  remediation: 'Use an explicit version tag such as `app:1.4.2`, or a digest (`app@sha256:…`).',
  messages: {
    latestTag:
      'Image `{{image}}` of container {{container}} in {{owner}} uses the `:latest` tag: pods can run different code after each pull. Pin a version tag or a digest.',
    noTag:
      'Image `{{image}}` of container {{container}} in {{owner}} has no tag (which means `:latest`): pods can run different code after each pull. Pin a version tag or a digest.',
    tagOnly:
      'Image `{{image}}` of container {{container}} in {{owner}} is pinned by tag only, and a tag can be pushed again (`requireDigest` is on). Pin a digest (`image@sha256:…`).',
  },
  options: {
    requireDigest: {
      description: 'Also report images pinned by a version tag only: a tag can be pushed again, a digest (`app@sha256:…`) cannot.',
      default: false,
    },
  },
  valid: [
    examplePod([], {
      image: 'registry:5000/team/web:1.4.2',
      otherContainers: ['- name: sidecar', '  image: envoy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'],
    }),
  ],
  invalid: [
    { example: examplePod([], { image: 'nginx:latest' }), messageId: 'latestTag', line: 8, column: 14 },
    { example: examplePod([], { image: 'registry:5000/team/web' }), messageId: 'noTag', line: 8, column: 14 },
    { example: { files: { 'example.yaml': examplePod([]) }, options: { requireDigest: true } }, messageId: 'tagOnly', line: 8, column: 14 },
  ],
  check(context) {
    const object = context.target.object;
    for (const ref of [...containersOf(object, true), ...ephemeralContainersOf(object)]) {
      const image = str(ref.container.image);
      if (image === undefined) continue;
      const { tag, digest } = imageTag(image);
      if (digest) continue;
      const data = { image, container: ref.name, owner: `${object.identity.kind} ${object.identity.name ?? ''}` };
      if (tag !== undefined && tag !== 'latest') {
        if (context.options.requireDigest === true) context.report({ path: [...ref.path, 'image'], part: 'value', messageId: 'tagOnly', data });
        continue;
      }
      context.report({ path: [...ref.path, 'image'], part: 'value', messageId: tag === 'latest' ? 'latestTag' : 'noTag', data });
    }
  },
});
