// Text helpers shared by the instance-format readers and writers (not part of the package's API).

/** A piece of the input for an error message, at most `max` characters. */
export function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Comment lines for the writers: "c " before each line of each comment, so a line break cannot start a data line. */
export function commentLines(comments: readonly string[]): string[] {
  return comments.flatMap((comment) => comment.split(/\r\n|\r|\n/).map((line) => `c ${line}`));
}
