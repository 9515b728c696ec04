import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';

/** Where a note points: a node of the body, or a stretch of it. */
type Place = Node | Position | undefined;

/** An error about the body at `place`, with what to write instead: the build stops on it. */
export function failAt(file: VFile, reason: string, place: Place, hint: string): void {
  const message = place === undefined ? file.message(reason) : 'type' in place ? file.message(reason, place) : file.message(reason, place);
  message.fatal = true;
  message.note = hint;
}
