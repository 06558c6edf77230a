/**
 * The few web-standard globals that shared/ may use. They exist in every host
 * we run on (Chromium, Electron, Node 20), but shared/ is type-checked with
 * the bare ES library so that DOM and Node APIs cannot creep in; these
 * declarations are the whole allowed surface.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const crypto: {
  randomUUID(): string;
  readonly subtle: {
    digest(algorithm: "SHA-256", data: ArrayBufferView | ArrayBuffer): Promise<ArrayBuffer>;
  };
};
