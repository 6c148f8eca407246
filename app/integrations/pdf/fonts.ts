import { createRequire } from "node:module";
import { Font } from "@react-pdf/renderer";

/**
 * IBM Plex Sans from its npm package (@fontsource, latin subset: á é í ó ú ñ ü ¿ ¡ and tabular
 * figures by default), read from node_modules at run time: nothing is downloaded. The built-in
 * Helvetica lacks some Spanish glyphs in react-pdf.
 */
export const FONT = "Plex";

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const file = (weight: number) => require.resolve(`@fontsource/ibm-plex-sans/files/ibm-plex-sans-latin-${weight}-normal.woff`);
  Font.register({ family: FONT, fonts: [{ src: file(400), fontWeight: 400 }, { src: file(700), fontWeight: 700 }] });
  // Words are not hyphenated: a split capability name reads badly in a table cell.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
