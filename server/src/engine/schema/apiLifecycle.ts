/**
 * Which Kubernetes release serves an apiVersion of a kind: introduced, deprecated, removed and the
 * replacement, for every alpha/beta group-version-kind (apiLifecycle.json, copied from
 * `k8s-api-lifecycle.json`: k8s.io/api's zz_generated.prerelease-lifecycle.go at v0.16.0–v0.36.0,
 * Apache-2.0; see schemas/README.md). GA kinds are never removed and are not listed.
 */
import data from './apiLifecycle.json';
import { compareVersions } from './kubernetesVersions';

export { compareVersions, NEWEST_KUBERNETES_VERSION, parseKubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS } from './kubernetesVersions';

export interface ApiLifecycle {
  readonly introduced: string;
  readonly deprecated?: string;
  readonly removed?: string;
  /** `group/version|Kind`. */
  readonly replacement?: string;
}

const kinds = data.kinds as Readonly<Record<string, ApiLifecycle>>;

export function apiLifecycle(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return Object.hasOwn(kinds, `${apiVersion}|${kind}`) ? kinds[`${apiVersion}|${kind}`] : undefined;
}

export interface ApiStatus {
  state: 'removed' | 'deprecated' | 'unavailable';
  lifecycle: ApiLifecycle;
  /** What to use instead: the replacement k8s.io/api names, else a version of the group the target serves. */
  replacement?: { apiVersion: string; kind: string; designated: boolean };
}

/** The apiVersion's standing in the target release: undefined when it is served and not deprecated. */
export function apiStatus(apiVersion: string, kind: string, target: string): ApiStatus | undefined {
  const lifecycle = apiLifecycle(apiVersion, kind);
  if (!lifecycle) return undefined;
  const state = stateIn(lifecycle, target);
  if (!state) return undefined;
  const [designatedVersion, designatedKind] = lifecycle.replacement?.split('|') ?? [];
  // The designated replacement is only useful when the target release serves it.
  const designated =
    designatedVersion && designatedKind && !isUnavailable(designatedVersion, designatedKind, target)
      ? { apiVersion: designatedVersion, kind: designatedKind, designated: true }
      : undefined;
  const served = designated ?? servedAlternative(apiVersion, kind, target);
  return { state, lifecycle, replacement: served };
}

function stateIn(lifecycle: ApiLifecycle, target: string): ApiStatus['state'] | undefined {
  if (compareVersions(target, lifecycle.introduced) < 0) return 'unavailable';
  if (lifecycle.removed && compareVersions(target, lifecycle.removed) >= 0) return 'removed';
  if (lifecycle.deprecated && compareVersions(target, lifecycle.deprecated) >= 0) return 'deprecated';
  return undefined;
}

function isUnavailable(apiVersion: string, kind: string, target: string): boolean {
  const lifecycle = apiLifecycle(apiVersion, kind);
  return !!lifecycle && stateIn(lifecycle, target) !== undefined && stateIn(lifecycle, target) !== 'deprecated';
}

/** Stable before beta before alpha, then the higher version (`v2` before `v1`, `v1beta2` before `v1beta1`). */
function versionRank(apiVersion: string): number {
  const match = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!match) return 0;
  const level = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
  return level * 1_000_000 + Number(match[1]) * 1000 + Number(match[3] ?? 0);
}

/** Another version of the kind's group that the target serves and does not deprecate, the most stable first. */
function servedAlternative(apiVersion: string, kind: string, target: string): ApiStatus['replacement'] {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  let best: string | undefined;
  for (const [key, lifecycle] of Object.entries(kinds)) {
    const [version, k] = key.split('|');
    if (k !== kind || version === apiVersion || !version?.startsWith(`${group}/`) || stateIn(lifecycle, target)) continue;
    if (!best || versionRank(version) > versionRank(best)) best = version;
  }
  return best ? { apiVersion: best, kind, designated: false } : undefined;
}
