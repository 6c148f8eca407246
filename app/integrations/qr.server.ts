import QRCode from "qrcode";

/** A QR code as inline SVG markup, rendered on the server (no client library, crisp on a projector). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#1c2430", light: "#ffffff" } });
}
