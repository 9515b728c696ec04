/*
 * Inside <script> the HTML parser does not decode entities, so `&lt;` would
 * reach the JSON parser as-is: characters must be escaped the JSON way.
 * `<` and `>` are what can close the element (`</script>`) or open a comment
 * (`<!--`) that swallows the closing tag; `&` is escaped as well so the text
 * means the same if it is ever read as HTML. U+2028 and U+2029 are line
 * terminators to older JavaScript parsers. Each appears only inside JSON
 * strings, where a `\uXXXX` escape decodes to the same character.
 */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

const escapeCharacter = (character: string): string =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON text to place between `<script type="application/ld+json">` and
 * `</script>`, printed without further escaping. Keys keep the order in which
 * `value` was built; no whitespace is added.
 *
 * @throws TypeError when `value` has no JSON form (`undefined`, a function).
 */
export function serializeJsonLd(value: unknown): string {
  // JSON.stringify's declared type hides that it returns undefined for these.
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('serializeJsonLd: the value has no JSON form');
  return json.replace(UNSAFE_IN_SCRIPT, escapeCharacter);
}
