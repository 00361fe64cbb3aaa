/**
 * Probe insight: a hover with a probe's timeline on the rendered container (first check, time to
 * ready, time until a hung container is restarted), go to definition from a probe port to the
 * containerPort entry (possibly in the base file), and completion of probe ports.
 */
import { entryAnchor } from '../render/anchor';
import {
  earliestLivenessRestart,
  earliestReady,
  HANDLER_FIELDS,
  PROBE_FIELDS,
  PROBE_LABEL,
  probeTiming,
  type ProbeField,
  type ProbeTiming,
} from '../k8s/probes';
import { record } from '../k8s/values';
import { containerPorts } from '../k8s/podSpec';
import { containerAt, locationOf, textCursor, type ContainerAtCursor } from './hpaProbesCommon';
import { inlineCode, type CursorContext, type InsightCompletion, type InsightHover, type InsightProvider, type Location } from './types';

function isProbeField(value: unknown): value is ProbeField {
  return (PROBE_FIELDS as readonly unknown[]).includes(value);
}

/** `period 10s · timeout 1s · …`, defaults marked so the reader knows they were not written. */
function timingLine(probe: Record<string, unknown>, timing: ProbeTiming): string {
  const labels: [keyof ProbeTiming, string, string][] = [
    ['initialDelaySeconds', 'initial delay', 's'],
    ['periodSeconds', 'period', 's'],
    ['timeoutSeconds', 'timeout', 's'],
    ['failureThreshold', 'failure threshold', ''],
    ['successThreshold', 'success threshold', ''],
  ];
  return labels.map(([key, label, unit]) => `${label} ${timing[key]}${unit}${probe[key] === undefined ? ' _(default)_' : ''}`).join(' · ');
}

/** The timeline of one probe, in seconds after the container starts. */
export function probeTimeline(field: ProbeField, timing: ProbeTiming, hasStartup: boolean): string[] {
  const { initialDelaySeconds: delay, periodSeconds: period, failureThreshold: failures, successThreshold: successes } = timing;
  const after = hasStartup && field !== 'startupProbe' ? ' after the startup probe succeeds' : ' after the container starts';
  const lines = [`- first check **${delay}s**${after}, then every ${period}s`];
  if (field === 'readinessProbe') {
    lines.push(`- ready at the earliest **${earliestReady(timing)}s**${after} (${successes} success${successes === 1 ? '' : 'es'} needed)`);
    lines.push(
      `- taken out of Service endpoints about **${failures * period}s** after it stops answering (${failures} failures × ${period}s); the container is not restarted`,
    );
  } else if (field === 'livenessProbe') {
    lines.push(
      `- a container that never answers is restarted at the earliest **${earliestLivenessRestart(timing)}s**${after} (initial delay + ${failures} × ${period}s)`,
    );
    lines.push(`- a container that hangs later is restarted about **${failures * period}s** after it stops answering`);
  } else {
    lines.push(`- the container has up to **${delay + failures * period}s** to start (initial delay + ${failures} × ${period}s), then it is restarted`);
    lines.push('- liveness and readiness probes only begin once it succeeds');
  }
  return lines;
}

function hover(ctx: CursorContext): InsightHover | undefined {
  const found = containerAt(ctx.index, ctx.doc, ctx.at.path);
  const field = found?.inner[0];
  if (!found || !isProbeField(field)) return undefined;
  const probe = record(found.ref.container[field]);
  if (!probe) return undefined;
  const timing = probeTiming(probe);
  const hasStartup = record(found.ref.container.startupProbe) !== undefined;
  const markdown = [
    `**${PROBE_LABEL[field]}** of container ${inlineCode(found.ref.name)} (rendered):`,
    '',
    timingLine(probe, timing),
    '',
    ...probeTimeline(field, timing, hasStartup),
  ].join('\n');
  const pair = ctx.doc.findPair([...found.docPath, field]);
  const key = pair?.key as { range?: [number, number, number] } | undefined;
  return { markdown, ...(key?.range ? { range: ctx.doc.range(key.range[0], key.range[1]) } : {}) };
}

/** True when `inner` (a path inside a container) is a probe handler's `port`. */
function isProbePortPath(inner: readonly (string | number)[]): boolean {
  return inner.length === 3 && isProbeField(inner[0]) && (HANDLER_FIELDS as readonly unknown[]).includes(inner[1]) && inner[2] === 'port';
}

function definition(ctx: CursorContext): Location[] {
  const found = containerAt(ctx.index, ctx.doc, ctx.at.path);
  if (!found || !isProbePortPath(found.inner)) return [];
  const port = record(record(found.ref.container[found.inner[0] as string])?.[found.inner[1] as string])?.port;
  const target = containerPorts(found.ref).find((p) =>
    typeof port === 'number' ? p.containerPort === port : p.name === port || p.containerPort === Number(port),
  );
  if (!target) return [];
  const anchor = entryAnchor(found.rendered, target.path, typeof port === 'number' ? 'containerPort' : 'name');
  return anchor ? [locationOf(anchor)] : [locationOf(found.rendered.locate(target.path), 'key')];
}

function portCompletions(found: ContainerAtCursor): InsightCompletion[] {
  const out: InsightCompletion[] = [];
  for (const port of containerPorts(found.ref)) {
    const number = port.containerPort === undefined ? '' : `containerPort ${port.containerPort}`;
    if (port.name) out.push({ label: port.name, detail: `${number} of container ${found.ref.name}` });
    else if (port.containerPort !== undefined) out.push({ label: String(port.containerPort), detail: `${number} of container ${found.ref.name}` });
  }
  return out;
}

function completion(ctx: CursorContext): InsightCompletion[] {
  const cursor = textCursor(ctx);
  if (cursor.position !== 'value') return [];
  const found = containerAt(ctx.index, ctx.doc, cursor.path);
  return found && isProbePortPath(found.inner) ? portCompletions(found) : [];
}

export const probesInsight: InsightProvider = { id: 'probes', hover, definition, completion };
