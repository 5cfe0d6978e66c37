// Editors on Windows start UTF-8 files with a byte-order mark (EF BB BF). Instance files are read as latin1 (they
// are ASCII, and latin1 decodes any byte), where the mark arrives as the three characters "ï»¿"; text decoded as
// UTF-8 carries it as U+FEFF.

/** The text without a leading UTF-8 byte-order mark, in either decoding. */
export function stripByteOrderMark(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
  if (text.startsWith('\u00ef\u00bb\u00bf')) return text.slice(3);
  return text;
}
