/**
 * The look-ups the Kubernetes model needs from a workspace. The index answers them directly; the
 * linter's recording view answers them while noting what a rule read (for incremental re-checks).
 */
import type { RenderedObject } from '../render/render';

/** The pod template labels of an object (the projection label postings are built on). */
export type LabelsOf = (object: RenderedObject) => Record<string, unknown> | undefined;

/** The command-line words of one workload (see createdElsewhere): command then args, per container. */
export interface WorkloadCommandLine {
  kind: string;
  name: string | undefined;
  words: readonly string[];
}

export interface ObjectLookup {
  /** The object `kind/namespace/name`. */
  lookup(kind: string, namespace: string, name: string): RenderedObject | undefined;
  /** Every object of a kind, in one namespace or all. */
  objectsOfKind(kind: string, namespace?: string): RenderedObject[];
  /** The names of the objects of a kind in a namespace (for "did you mean" suggestions). */
  namesOfKind(kind: string, namespace: string): readonly string[];
  /** The command lines of the namespace's workloads (as rendered) that mention `name` (k8s/commandLineMentions.ts). */
  commandLinesNaming(namespace: string, name: string): readonly WorkloadCommandLine[];
  /** The objects of a kind (in one namespace or all) whose `labelsOf` labels hold every `selector` label (from label postings). */
  objectsOfKindByLabels(kind: string, namespace: string | undefined, selector: Record<string, unknown>, labelsOf: LabelsOf): RenderedObject[];
}
