/**
 * Manifests with fixable findings, written in random YAML styles: each collection block, flow on
 * one line or flow over several lines; strings plain, double- or single-quoted or as block scalars
 * (`|`, `|-`, `>-`, `|2`); comment lines (some with tabs) before block entries; LF or CRLF; an
 * anchor and alias; several documents per file. For the edit property test (test/unit/edits-property.test.ts).
 */
import fc from 'fast-check';

type Value = string | number | Value[] | { [key: string]: Value };
type CollectionStyle = 'block' | 'flow' | 'flow-lines';

/** Formatting decisions, drawn in turn from random numbers. */
export class Styles {
  private next = 0;
  comments = 0;
  constructor(private readonly values: readonly number[]) {}
  pick(n: number): number {
    return (this.values[this.next++ % this.values.length] ?? 0) % n;
  }
}

const PLAIN = /^[A-Za-z][A-Za-z0-9./_-]*$/;

function flowScalar(text: string | number, s: Styles): string {
  if (typeof text === 'number') return String(text);
  const plainOk = PLAIN.test(text) && !/^(y|n|yes|no|on|off|true|false|null)$/i.test(text);
  const style = s.pick(plainOk ? 3 : 2);
  if (style === 0) return JSON.stringify(text);
  if (style === 1) return `'${text.replace(/'/g, "''")}'`;
  return text;
}

/** A scalar in a block map value position: sometimes a block scalar (when its value allows one). */
function blockScalar(text: string | number, indent: string, s: Styles, eol: string): string {
  if (typeof text === 'string' && /^[!-~]+$/.test(text) && !text.startsWith('#') && s.pick(4) === 0) {
    const header = ['|-', '>-', '|2-'][s.pick(3)]!;
    const pad = header === '|2-' ? `${indent}  ` : `${indent}  `;
    return `${header}${eol}${pad}${text}`;
  }
  return flowScalar(text, s);
}

function flow(value: Value, s: Styles, lines: boolean, indent: string, eol: string): string {
  if (typeof value !== 'object') return flowScalar(value, s);
  const sep = lines ? `,${eol}${indent}  ` : ', ';
  const open = lines ? `${eol}${indent}  ` : '';
  const close = lines ? `${eol}${indent}` : '';
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${open}${value.map((v) => flow(v, s, false, indent, eol)).join(sep)}${close}]`;
  const entries = Object.entries(value).map(([k, v]) => `${flowScalar(k, s)}: ${flow(v, s, false, indent, eol)}`);
  return entries.length === 0 ? '{}' : `{${open}${entries.join(sep)}${close}}`;
}

function comment(indent: string, s: Styles, eol: string): string {
  if (s.pick(4) !== 0) return '';
  s.comments++;
  return `${indent}# c${s.comments}${s.pick(2) ? '\tnote' : ''}${eol}`;
}

function style(s: Styles): CollectionStyle {
  return (['block', 'block', 'block', 'flow', 'flow-lines'] as const)[s.pick(5)]!;
}

/** `value` as the value of a block entry whose key sits at `indent`; returns the text after `key:`. */
function afterKey(value: Value, indent: string, s: Styles, eol: string): string {
  if (typeof value !== 'object') return ` ${blockScalar(value, indent, s, eol)}`;
  const chosen = Object.keys(value).length === 0 ? 'flow' : style(s);
  if (chosen !== 'block') return ` ${flow(value, s, chosen === 'flow-lines', indent, eol)}`;
  return `${eol}${block(value, `${indent}  `, s, eol)}`.replace(new RegExp(`${eol}$`), '');
}

export function block(value: Value, indent: string, s: Styles, eol: string): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0 && style(s) === 'block') {
          const inner = block(item, `${indent}  `, s, eol);
          return `${comment(indent, s, eol)}${indent}- ${inner.slice(indent.length + 2)}`;
        }
        return `${comment(indent, s, eol)}${indent}- ${typeof item === 'object' ? flow(item, s, false, indent, eol) : flowScalar(item, s)}${eol}`;
      })
      .join('');
  }
  if (typeof value !== 'object') return `${indent}${flowScalar(value, s)}${eol}`;
  return Object.entries(value)
    .map(([k, v]) => {
      const lead = comment(indent, s, eol);
      // An inner comment line between two block entries of a nested map would be misplaced by nothing: keep it simple.
      return `${lead}${indent}${flowScalar(k, s)}:${afterKey(v, indent, s, eol)}${eol}`;
    })
    .join('');
}

/** One document in random style: block at the top, or the whole document as one flow map. */
export function documentText(value: { [key: string]: Value }, s: Styles, eol: string): string {
  if (s.pick(6) === 0) return `${flow(value, s, true, '', eol)}${eol}`;
  return block(value, '', s, eol);
}

// Plain text, valid base64, and base64 whose only fault is its padding (missing; two encodings glued together).
const SECRET_VALUES = ['hunter2', 'not base64!', 'YWJj', 'Zm9v', 'c2VjcmV0Cg==', 'p@ss', 'YWRtaW4', 'dXNlcg==OnBhc3M='];

export interface StyledWorkspace {
  files: Record<string, string>;
}

/** The random choices a styled workspace is made from. */
export interface WorkspaceChoices {
  styles: number[];
  crlf: boolean;
  data: [string, string][];
  stringData: boolean;
  replicas: boolean;
  request: boolean;
  together: boolean;
  kubectlOrder: boolean;
}

/** A workspace (Deployment with an HPA, a literal password env and no cpu request; a Secret with bad data) in random styles. */
export const styledWorkspace: fc.Arbitrary<StyledWorkspace> = fc
  .record({
    styles: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
    crlf: fc.boolean(),
    data: fc.array(fc.tuple(fc.constantFrom('PASSWORD', 'OK', 'TOKEN', 'a.b', 'K1'), fc.constantFrom(...SECRET_VALUES)), { minLength: 1, maxLength: 3 }),
    stringData: fc.boolean(),
    replicas: fc.boolean(),
    request: fc.boolean(),
    together: fc.boolean(),
    kubectlOrder: fc.boolean(),
  })
  .map((choices) => workspaceOf(choices));

/** The workspace for `choices`: also for examples a property test must always include. */
export function workspaceOf({ styles, crlf, data, stringData, replicas, request, together, kubectlOrder }: WorkspaceChoices): StyledWorkspace {
  const s = new Styles(styles);
  const eol = crlf ? '\r\n' : '\n';
  const container: { [key: string]: Value } = {
    name: 'web',
    image: 'web:1.0.0',
    ports: [{ containerPort: 8080 }],
    env: [
      { name: 'MODE', value: 'fast' },
      { name: 'DB_PASSWORD', value: 'hunter2xyz' },
    ],
    ...(request ? { resources: { limits: { memory: '128Mi' } } } : {}),
  };
  // As `kubectl get -o yaml` writes it: keys in alphabetical order, a new `resources` goes in the middle.
  if (kubectlOrder) Object.assign(container, { terminationMessagePath: '/dev/termination-log' });
  const ordered = kubectlOrder ? Object.fromEntries(Object.entries(container).sort(([a], [b]) => (a < b ? -1 : 1))) : container;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      ...(replicas ? { replicas: 3 } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [ordered] } },
    },
  };
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 2,
      maxReplicas: 5,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    },
  };
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'web-secrets' },
    type: 'Opaque',
    data: Object.fromEntries(data),
    ...(stringData ? { stringData: { OTHER: 'x' } } : {}),
  };
  const docs = [deployment, hpa, secret].map((d) => documentText(d, s, eol));
  const files: Record<string, string> = together
    ? { 'all.yaml': docs.join(`---${eol}`) }
    : { 'web.yaml': docs[0]!, 'hpa.yaml': docs[1]!, 'secret.yaml': docs[2]! };
  return { files };
}
