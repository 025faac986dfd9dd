/**
 * Streams the tags and text of an HTML page or an XML part (DOCX) through htmlparser2's Tokenizer. Its Parser is
 * quadratic in nesting depth (100,000 nested elements took 90 s); the Tokenizer is linear, and the readers keep
 * the little structure they need themselves.
 */
import { Tokenizer } from 'htmlparser2';

export interface MarkupHandlers {
  /** An opening tag, with its attributes (entities decoded) and where the tag starts in the source. */
  open(name: string, attributes: Record<string, string>, start: number): void;
  /** A self-closing tag (`<br/>`, `<w:tab/>`). */
  selfClosing(name: string, attributes: Record<string, string>, start: number): void;
  close(name: string): void;
  /** A run of text (or one decoded entity), and its offset in the source. */
  text(text: string, at: number): void;
}

/** Calls the handlers for every tag and text run of `source`; tag and attribute names are lower-cased in HTML. */
export function scanMarkup(source: string, xmlMode: boolean, handlers: MarkupHandlers): void {
  const name = xmlMode ? (s: string) => s : (s: string) => s.toLowerCase();
  let tagName = '';
  let tagStart = 0;
  let attributes: Record<string, string> = {};
  let attributeName = '';
  let attributeValue = '';
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = name(source.slice(start, end));
        tagStart = start;
        attributes = {};
      },
      onattribname(start, end) {
        attributeName = name(source.slice(start, end));
        attributeValue = '';
      },
      onattribdata(start, end) {
        attributeValue += source.slice(start, end);
      },
      onattribentity(codepoint) {
        attributeValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        attributes[attributeName] = attributeValue;
      },
      onopentagend() {
        handlers.open(tagName, attributes, tagStart);
      },
      onselfclosingtag() {
        handlers.selfClosing(tagName, attributes, tagStart);
      },
      onclosetag(start, end) {
        handlers.close(name(source.slice(start, end)));
      },
      ontext(start, end) {
        handlers.text(source.slice(start, end), start);
      },
      ontextentity(codepoint, end) {
        handlers.text(String.fromCodePoint(codepoint), end);
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
}
