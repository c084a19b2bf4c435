/**
 * A QR code as an SVG data URL, for an <Image> in WeChat and in the browser alike (no canvas, no DOM). Only the
 * encoder and the SVG string renderer of `qrcode` are imported, not its canvas or PNG renderers.
 */
import { create } from 'qrcode/lib/core/qrcode';
import { render } from 'qrcode/lib/renderer/svg-tag';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG is ASCII); `btoa` is not there in WeChat's JS engine. */
function base64Ascii(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const [a, b, c] = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)];
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < s.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < s.length ? B64[n & 63]! : '=');
  }
  return out;
}

/** UTF-8 bytes without TextEncoder, which WeChat's JS engine may lack (qrcode calls it for a string in byte mode). */
function utf8(text: string): Uint8Array {
  const escaped = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let i = 0; i < escaped.length; ) {
    if (escaped[i] === '%') {
      bytes.push(parseInt(escaped.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(escaped.charCodeAt(i));
      i += 1;
    }
  }
  return new Uint8Array(bytes);
}

/**
 * Error correction M: a printed poster survives some dirt and creases and stays easy to scan at arm's length. The
 * text goes in as one byte segment, already UTF-8, so the encoder never needs TextEncoder.
 */
export function qrSvgDataUrl(text: string): string {
  const qr = create([{ data: utf8(text), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const svg = render(qr, { margin: 4, color: { dark: '#000000ff', light: '#ffffffff' } });
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`;
}
