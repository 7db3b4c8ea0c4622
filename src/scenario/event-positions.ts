/**
 * Where each part of a YAML file was written, from js-yaml's event stream (offsets into the text)
 * rather than a full document: the same positions the `yaml` package gives — a key where the key
 * starts (its quote included), a list item where the item starts — for a fraction of the cost.
 * The events are indexed once by one integer per event (where the part that starts there ends),
 * so a path is found by stepping over whole entries, and no object is made per part of the file.
 * Files with anchors or tags are left to the `yaml` package (null here), since where their nodes
 * start is less plain.
 */
import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';

/** The offset where a path was written (see `eventPositions`). */
export type OffsetOf = (path: readonly PropertyKey[]) => number;

/** Where a node's text starts: a quoted scalar at its quote, a block scalar at its `|` or `>` header. */
function startOf(event: Event, text: string): number {
  switch (event.type) {
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.SCALAR: {
      if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
        const header = Math.max(text.lastIndexOf('|', event.valueStart), text.lastIndexOf('>', event.valueStart));
        return header < 0 ? event.valueStart : header;
      }
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      return quoted ? event.valueStart - 1 : event.valueStart;
    }
    default:
      return 0;
  }
}

/**
 * Per event of the first document's root: the index just past the part that starts there (a
 * scalar is one event, a map or list runs to its closing event). Null when the root is not plain
 * enough to say (an anchor, a tag or an alias in it, or no document).
 */
function partEnds(events: readonly Event[]): Int32Array | null {
  if (events[0]?.type !== EVENT_ID.DOCUMENT) return null;
  const end = new Int32Array(events.length);
  const open: number[] = [];
  for (let i = 1; i < events.length; i += 1) {
    const event = events[i]!;
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (event.anchorStart >= 0 || event.tagStart >= 0) return null;
        open.push(i);
        break;
      case EVENT_ID.SCALAR:
        if (event.anchorStart >= 0 || event.tagStart >= 0) return null;
        end[i] = i + 1;
        break;
      case EVENT_ID.POP: {
        const opened = open.pop();
        if (opened === undefined) return null; // an empty document
        end[opened] = i + 1;
        break;
      }
      default:
        return null;
    }
    if (open.length === 0) return end; // the root was a scalar, or has just closed
  }
  return null;
}

/**
 * The offsets of the file's first document, or null when it is not plain enough to say. A path
 * that does not exist gives its nearest existing ancestor: a key's start for a map entry, an item's
 * start for a list item.
 */
export function eventPositions(events: readonly Event[], text: string): OffsetOf | null {
  const end = partEnds(events);
  if (end === null) return null;
  return (path) => {
    let node = 1;
    let at = startOf(events[node]!, text);
    for (const segment of path) {
      const event = events[node]!;
      let part = -1;
      if (event.type === EVENT_ID.MAPPING) {
        const wanted = String(segment);
        for (let key = node + 1; events[key]!.type !== EVENT_ID.POP; key = end[end[key]!]!) {
          const keyEvent = events[key]!;
          if (keyEvent.type === EVENT_ID.SCALAR && getScalarValue(text, keyEvent) === wanted) {
            at = startOf(keyEvent, text);
            part = end[key]!;
            break;
          }
        }
      } else if (event.type === EVENT_ID.SEQUENCE && typeof segment === 'number' && Number.isInteger(segment) && segment >= 0) {
        let item = node + 1;
        for (let n = 0; n < segment && events[item]!.type !== EVENT_ID.POP; n += 1) item = end[item]!;
        if (events[item]!.type !== EVENT_ID.POP) {
          at = startOf(events[item]!, text);
          part = item;
        }
      }
      if (part < 0) break;
      node = part;
    }
    return at;
  };
}
