/**
 * Where each part of a YAML file was written, from js-yaml's event stream (offsets into the text)
 * rather than a full document: the same positions the `yaml` package gives — a key where the key
 * starts (its quote included), a list item where the item starts — for a fraction of the cost.
 * Files with anchors or tags are left to the `yaml` package (null here), since where their nodes
 * start is less plain.
 */
import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';

export type PositionNode =
  | { readonly kind: 'map'; readonly start: number; readonly entries: readonly { readonly key: string | null; readonly keyStart: number; readonly value: PositionNode }[] }
  | { readonly kind: 'seq'; readonly start: number; readonly items: readonly PositionNode[] }
  | { readonly kind: 'scalar'; readonly start: number };

class Unplain extends Error {}

/** The root of the file's first document as a tree of start offsets, or null when it is not plain enough to say. */
export function positionTree(events: readonly Event[], text: string): PositionNode | null {
  let at = 0;
  const node = (): PositionNode => {
    const event = events[at++];
    if (event === undefined) throw new Unplain();
    switch (event.type) {
      case EVENT_ID.MAPPING: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw new Unplain();
        const entries: { key: string | null; keyStart: number; value: PositionNode }[] = [];
        while (events[at]?.type !== EVENT_ID.POP) {
          const keyEvent = events[at];
          const key = keyEvent?.type === EVENT_ID.SCALAR ? getScalarValue(text, keyEvent) : null;
          const keyNode = node();
          entries.push({ key, keyStart: keyNode.start, value: node() });
        }
        at += 1;
        return { kind: 'map', start: event.start, entries };
      }
      case EVENT_ID.SEQUENCE: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw new Unplain();
        const items: PositionNode[] = [];
        while (events[at]?.type !== EVENT_ID.POP) items.push(node());
        at += 1;
        return { kind: 'seq', start: event.start, items };
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw new Unplain();
        const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
        if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
          // A block scalar starts at its `|` or `>` header.
          const header = Math.max(text.lastIndexOf('|', event.valueStart), text.lastIndexOf('>', event.valueStart));
          return { kind: 'scalar', start: header < 0 ? event.valueStart : header };
        }
        return { kind: 'scalar', start: quoted ? event.valueStart - 1 : event.valueStart };
      }
      default:
        throw new Unplain();
    }
  };
  try {
    if (events[at]?.type !== EVENT_ID.DOCUMENT) return null;
    at += 1;
    return node();
  } catch (error) {
    if (error instanceof Unplain) return null;
    throw error;
  }
}

/**
 * The offset where `path` was written: a key's start for a map entry, an item's start for a list
 * item; a path that does not exist gives its nearest existing ancestor.
 */
export function offsetOf(root: PositionNode, path: readonly PropertyKey[]): number {
  let node = root;
  let at = root.start;
  for (const segment of path) {
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => e.key !== null && e.key === String(segment));
      if (entry === undefined) break;
      at = entry.keyStart;
      node = entry.value;
    } else if (node.kind === 'seq' && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      at = item.start;
      node = item;
    } else {
      break;
    }
  }
  return at;
}
