/** The Kubernetes releases a workspace can target (no data: the client imports this too). */

/** Kubernetes releases a workspace can target (`biomeManifests.kubernetesVersion`), oldest first. */
export const SUPPORTED_KUBERNETES_VERSIONS: readonly string[] = ['1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36'];
export const NEWEST_KUBERNETES_VERSION = SUPPORTED_KUBERNETES_VERSIONS[SUPPORTED_KUBERNETES_VERSIONS.length - 1]!;

/** `1.31`, `v1.31` or `1.31.4` → `1.31` when supported, else undefined. */
export function parseKubernetesVersion(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(value.trim());
  const minor = match ? `${match[1]}.${match[2]}` : undefined;
  return minor && SUPPORTED_KUBERNETES_VERSIONS.includes(minor) ? minor : undefined;
}

/** Orders `1.9` before `1.22` (numerically per part, not as strings). */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
