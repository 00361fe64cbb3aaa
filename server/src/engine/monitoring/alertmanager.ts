/** Alertmanager configuration facts the rules share: receivers, time intervals, matcher-bearing blocks. */
import { mapsIn, namedItems, routes, type At } from './walk';

export function receiverNames(root: unknown): Set<string> {
  return new Set(namedItems(root, 'receivers').map((r) => r.value));
}

/** `time_intervals` and the deprecated top-level `mute_time_intervals` both define names. */
export function timeIntervalNames(root: unknown): Set<string> {
  return new Set([...namedItems(root, 'time_intervals'), ...namedItems(root, 'mute_time_intervals')].map((t) => t.value));
}

/** Blocks with `matchers`-style lists: every route (`matchers`) and inhibit rule (`source_matchers`, `target_matchers`). */
export function* matcherLists(root: unknown): Generator<{ block: At; key: string }> {
  for (const route of routes(root)) yield { block: route, key: 'matchers' };
  for (const rule of mapsIn({ value: root, path: [] }, 'inhibit_rules')) {
    yield { block: rule, key: 'source_matchers' };
    yield { block: rule, key: 'target_matchers' };
  }
}

/** Blocks with the deprecated `match`/`match_re` maps and the `matchers` key that replaces them. */
export function* legacyMatchBlocks(root: unknown): Generator<{ block: At; pairs: [string, string][] }> {
  for (const route of routes(root))
    yield {
      block: route,
      pairs: [
        ['match', 'matchers'],
        ['match_re', 'matchers'],
      ],
    };
  for (const rule of mapsIn({ value: root, path: [] }, 'inhibit_rules')) {
    yield {
      block: rule,
      pairs: [
        ['source_match', 'source_matchers'],
        ['source_match_re', 'source_matchers'],
        ['target_match', 'target_matchers'],
        ['target_match_re', 'target_matchers'],
      ],
    };
  }
}
