/**
 * An item as read from storage, decoded only when something needs its attributes. A Query or Scan
 * page without a filter or projection, and a GetItem without a projection, answer the stored wire
 * JSON as is (PreEncodedJson): no JSON.parse on the way out of SQLite, no walk and JSON.stringify
 * on the way into the response.
 */
import { PreEncodedJson } from '../../../protocol/codecs/pre-encoded-json.js';
import type { Item } from '../domain/types.js';
import { decodeItemText, storedItemWireText } from '../domain/values/index.js';

export class StoredItem {
  private decoded: Item | undefined;

  /** The stored body read as text (format byte, then the wire JSON): item-codec.ts. */
  constructor(readonly body: string) {}

  /** The item's attributes (decoded on first use; never mutate them). */
  get item(): Item {
    return (this.decoded ??= decodeItemText(this.body));
  }

  /**
   * The item in DynamoDB's JSON wire form, for a response to carry as is. Typed as the Item it
   * stands for: only the JSON writer ever looks at it (and copies its bytes).
   */
  asAnswer(): Item {
    return new PreEncodedJson(storedItemWireText(this.body)) as unknown as Item;
  }

  /**
   * At least the item's DynamoDB size (domain/values/size.ts): its wire JSON spends more bytes on
   * every attribute (quotes, type tags, base64) than the size counts, so a page whose bounds stay
   * under 1 MB is under 1 MB exactly.
   */
  get sizeBound(): number {
    return Buffer.byteLength(this.body, 'utf8') - 1;
  }
}

/** The wire form of a response member that is an item: what the JSON writer copies as is. */
export function wireItem(stored: StoredItem): Item {
  return stored.asAnswer();
}
