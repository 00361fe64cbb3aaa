/**
 * The custom requests and notifications between the client and the server, declared once and typed.
 * Imported by both sides: it may import nothing but protocol types and type-only data shapes that
 * import nothing themselves (engine/graph/graphTypes.ts): no fs, no engine code in the client bundle.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export interface ProtocolRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** What to render: one file's objects, every object under a folder, or one service. */
export type RenderTarget = { kind: 'file'; uri: string } | { kind: 'folder'; uri: string } | { kind: 'service'; name: string; namespace?: string };

export interface RenderParams {
  target: RenderTarget;
  /** `full`: bases with every patch merged; `base`: bases only (the left side of the diff). */
  mode: 'full' | 'base';
  /** Show Secret `data` decoded (as `stringData`); default: as in the source (base64). */
  revealSecrets?: boolean;
  /** Workspace folder URI the header's file names are relative to. */
  root?: string;
}

export interface RenderedObjectInfo {
  kind: string;
  namespace: string;
  name: string;
  /** Source files, base first, relative to `root` when given. */
  sources: string[];
}

export interface RenderResult {
  /** The YAML text, each object headed by a comment naming its sources. */
  text: string;
  objects: RenderedObjectInfo[];
  /** Number of patch documents merged into the rendered objects. */
  patchCount: number;
}

export const RenderRequest = new RequestType<RenderParams, RenderResult, void>('biomeManifests/render');

export interface ServiceInfo {
  name: string;
  namespace: string;
  uri: string;
  /** Line of the Service's `kind:` in its file. */
  line: number;
  /** The Prometheus job that scrapes this Service, else the Service's name. */
  job: string;
  jobFrom: 'prometheus' | 'service-name';
  ports: number[];
}

export interface ServicesParams {
  /** When given, `atCursor` is the Service for the Service or workload document at this position. */
  uri?: string;
  line?: number;
  /** The cursor's character on `line`: `ruleAtCursor` is then the rule containing it (else the rule on the line). */
  character?: number;
  /** The rule a lens names: preferred among the rules on `line`. */
  rule?: string;
}

/** An alerting or recording rule (rule file, PrometheusRule or ConfigMap key): what Open Grafana opens Explore with. */
export interface RuleInfo {
  /** The `alert:` or `record:` name. */
  name: string;
  type: 'alert' | 'record';
  group: string;
  /** The expression's value (as YAML reads it: escapes and block scalars resolved), not its source text. */
  expr: string;
  uri: string;
  /** Line of the rule's first key in its file. */
  line: number;
}

export interface ServicesResult {
  services: ServiceInfo[];
  atCursor?: ServiceInfo;
  /** The rule at `uri`/`line`(/`character`), when there is one. */
  ruleAtCursor?: RuleInfo;
}

export const ServicesRequest = new RequestType<ServicesParams, ServicesResult, void>('biomeManifests/services');

// The graph is the engine's data shape, sent as is: declared once, imported type-only (no code).
export type { GraphEdge, GraphNode, GraphNodeKind, ResourceGraph } from './engine/graph/graphTypes';
import type { ResourceGraph } from './engine/graph/graphTypes';

export const ResourceGraphRequest = new RequestType<Record<string, never>, ResourceGraph, void>('biomeManifests/resourceGraph');

export interface IndexStatus {
  /** YAML files in the index. */
  files: number;
  /** Kubernetes documents among them. */
  manifests: number;
  /** Absolute paths of the `.biome-manifests.yaml` files in effect (nearest to each workspace folder, and any inside it). */
  configFiles: string[];
}

export const IndexStatusNotification = new NotificationType<IndexStatus>('biomeManifests/indexStatus');

/**
 * Decode Secret, its save, and Encode / Decode Secret Value: the client sends the editor's current
 * text of `uri`; the server reads the YAML and computes every edit (the client parses no YAML).
 */
export interface WireTextEdit {
  range: ProtocolRange;
  newText: string;
}

export interface SecretViewParams {
  uri: string;
  text: string;
  line?: number;
  name?: string;
  namespace?: string;
  /** How the view's header names the source file. */
  sourceLabel: string;
}

export type SecretViewResult =
  | { status: 'decoded'; name: string; namespace: string; keys: string[]; content: string }
  | { status: 'invalid-base64'; key: string; position: number; message: string }
  | { status: 'no-secret' };

export const SecretViewRequest = new RequestType<SecretViewParams, SecretViewResult, void>('biomeManifests/secretView');

export interface SecretSaveParams {
  uri: string;
  text: string;
  name: string;
  namespace: string;
  /** The edited view's text. */
  content: string;
}

export type SecretSaveResult = { ok: true; edits: WireTextEdit[]; changed: string[] } | { ok: false; message: string };

export const SecretSaveRequest = new RequestType<SecretSaveParams, SecretSaveResult, void>('biomeManifests/secretSave');

export interface SecretValueParams {
  uri: string;
  text: string;
  line: number;
}

/** The scalar of the entry on `line` as YAML reads it, and the edit that replaces it with its base64 (absent when not safe). */
export type SecretValueResult = { key: string | null; value: string; encodeEdit: WireTextEdit | null } | null;

export const SecretValueRequest = new RequestType<SecretValueParams, SecretValueResult, void>('biomeManifests/secretValue');
