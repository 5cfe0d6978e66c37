// Property-based test of markdownText: any name renders as its own text in summary.md, and cannot add markup,
// leave its table cell or start a new line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../src/markdown.js';

/** The reading a Markdown renderer gives the escaped text: backslash escapes and the three entities undone. */
function rendered(markdown: string): string {
  return markdown.replace(/\\([\s\S])|&(amp|lt|gt);/g, (_, escaped: string | undefined, entity: string | undefined) =>
    escaped ?? { amp: '&', lt: '<', gt: '>' }[entity as 'amp' | 'lt' | 'gt'],
  );
}

const name = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.array(fc.constantFrom('<', '>', '&', '|', '\\', '*', '_', '`', '[', ']', '~', '\n', '\r', 'amp;', 'lt;', 'img', ' ', 'a'), { maxLength: 20 }).map((parts) => parts.join('')),
);

describe('markdownText on arbitrary names', () => {
  it('renders back to the name (line breaks as spaces) and leaves no raw markup characters', () => {
    fc.assert(
      fc.property(name, (text) => {
        const escaped = markdownText(text);
        expect(rendered(escaped)).toBe(text.replace(/\r\n|\r|\n/g, ' '));
        expect(escaped).not.toMatch(/[<>\n\r]/);
        // Every markup character is preceded by an escaping backslash (itself not escaped).
        expect(escaped.replace(/\\[\s\S]/g, '')).not.toMatch(/[|*_`[\]~\\]/);
        // Every & starts one of the entities written.
        expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
      }),
      { numRuns: 500 },
    );
  });
});
