/**
 * The one error of the streaming reader (stream.ts and its helpers): the file
 * is not one it streams, so the caller reads it with the decoder, which says
 * exactly what is wrong.
 */
export class NotStreamable extends Error {
  constructor(reason: string) {
    super(`cannot stream this project file: ${reason}`);
    this.name = "NotStreamable";
  }
}
