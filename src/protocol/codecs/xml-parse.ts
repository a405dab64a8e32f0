/**
 * Strict XML parsing (saxes) into a small element tree. Entities beyond the XML predefined ones
 * are refused, so no document can expand or reach outside itself.
 */
import { createRequire } from 'node:module';
import type { SaxesParser as SaxesParserType } from 'saxes';
import { MalformedRequestError } from './malformed.js';

// Loaded on first use: most requests never carry XML, and the module costs ~30 ms at start-up.
let Saxes: typeof SaxesParserType | undefined;
function saxesParser(): SaxesParserType<{ xmlns: true }> {
  Saxes ??= (createRequire(import.meta.url)('saxes') as { SaxesParser: typeof SaxesParserType }).SaxesParser;
  return new Saxes({ xmlns: true });
}

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  name: string;
  /** Namespace URI, if the element is in one. */
  uri: string;
  /** Attributes by local name (namespace declarations excluded). */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
}

export function parseXml(text: string): XmlElement {
  const parser = saxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attrs[a.local] = a.value;
    }
    const el: XmlElement = { name: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(el);
    else if (root) failure ??= new Error('more than one root element');
    else root = el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('cdata', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure || !root) {
    throw new MalformedRequestError(
      `The XML you provided was not well-formed or did not validate against our published schema${failure ? ` (${failure.message.split('\n')[0]})` : ''}`,
      'body',
    );
  }
  return root;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}
