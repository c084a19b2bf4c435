/**
 * The two parts of `qrcode` the poster page uses (the encoder and the SVG string renderer), imported by path so the
 * bundle carries neither the canvas nor the PNG renderer. @types/qrcode types only the package's main module.
 */
declare module 'qrcode/lib/core/qrcode' {
  export interface QRCodeData {
    modules: { size: number; data: Uint8Array };
    version: number;
  }
  /** a string, or segments: bytes in `byte` mode are taken as they are */
  export function create(
    data: string | ReadonlyArray<{ data: Uint8Array | string; mode?: 'byte' | 'alphanumeric' | 'numeric' | 'kanji' }>,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): QRCodeData;
}
declare module 'qrcode/lib/renderer/svg-tag' {
  import type { QRCodeData } from 'qrcode/lib/core/qrcode';
  export function render(qr: QRCodeData, options?: { margin?: number; width?: number; color?: { dark?: string; light?: string } }): string;
}
