/**
 * The index's Kubernetes documents by identity and by kind (with and without namespace). Each
 * document has a slot under its keys; a new version of a file hands each slot to the document with
 * the same chunk, so the documents an edit only moved (every one after an added line of a
 * 5,000-document file) cost a look-up each, not a removal and an insertion under three keys.
 */
import type { ManifestDocument } from '../document/manifestDocument';
import type { ParsedChunk } from '../document/parsedChunk';
import { identityKey, kindKey } from './dependencyKeys';

interface Slot {
  doc: ManifestDocument;
  /** The next slot of the same chunk in the same file (a file may hold one document twice). */
  sameChunk: Slot | undefined;
}

export class DocumentRegistry {
  private readonly byIdentity = new Map<string, Set<Slot>>();
  private readonly byKind = new Map<string, Set<Slot>>();
  /** Per file, its slots by chunk. */
  private readonly slotsOfFile = new Map<string, Map<ParsedChunk, Slot>>();

  /** The documents of an identity key (`identityKey`), in every folder. */
  ofIdentity(key: string): ManifestDocument[] {
    return docsOf(this.byIdentity.get(key));
  }

  /** The documents of a kind key (`kindKey`), in the order they were first indexed. */
  ofKind(key: string): ManifestDocument[] {
    return docsOf(this.byKind.get(key));
  }

  /** Registers the Kubernetes documents of a file's new version (`docs`, with List items) in place of its previous ones. */
  replaceFile(uri: string, docs: Iterable<ManifestDocument>): void {
    const previous = this.slotsOfFile.get(uri);
    const next = new Map<ParsedChunk, Slot>();
    for (const doc of docs) {
      if (doc.class.type !== 'kubernetes') continue;
      let slot = previous?.get(doc.chunk);
      if (slot) {
        // The same chunk: the same identity, the same keys; the slot now points at the (moved) document.
        if (slot.sameChunk) previous!.set(doc.chunk, slot.sameChunk);
        else previous!.delete(doc.chunk);
        slot.sameChunk = undefined;
        slot.doc = doc;
      } else slot = this.register(doc);
      const first = next.get(doc.chunk);
      if (!first) next.set(doc.chunk, slot);
      else {
        let last = first;
        while (last.sameChunk) last = last.sameChunk;
        last.sameChunk = slot;
      }
    }
    for (const slot of previous?.values() ?? []) for (let s: Slot | undefined = slot; s; s = s.sameChunk) this.unregister(s);
    if (next.size > 0) this.slotsOfFile.set(uri, next);
    else this.slotsOfFile.delete(uri);
  }

  removeFile(uri: string): void {
    this.replaceFile(uri, []);
  }

  private register(doc: ManifestDocument): Slot {
    const slot: Slot = { doc, sameChunk: undefined };
    for (const [map, key] of this.keysOf(doc)) {
      const set = map.get(key);
      if (set) set.add(slot);
      else map.set(key, new Set([slot]));
    }
    return slot;
  }

  private unregister(slot: Slot): void {
    for (const [map, key] of this.keysOf(slot.doc)) map.get(key)?.delete(slot);
  }

  private keysOf(doc: ManifestDocument): [Map<string, Set<Slot>>, string][] {
    const c = doc.class;
    if (c.type !== 'kubernetes') return [];
    return [
      [this.byIdentity, identityKey(c)],
      [this.byKind, kindKey(c.kind, c.namespace)],
      [this.byKind, kindKey(c.kind)],
    ];
  }
}

function docsOf(slots: ReadonlySet<Slot> | undefined): ManifestDocument[] {
  const out: ManifestDocument[] = [];
  for (const slot of slots ?? []) out.push(slot.doc);
  return out;
}
