// A signature's optional one-line detail, with its `{group}` placeholders filled from the line's
// evidence. The cause's title, explanation and fix are the text; the detail only narrows it.

/** `{port}` → the captured port; a group the line did not capture stays as written. */
export function fillDetail(detail: string, evidence: Record<string, string>): string {
  return detail.replace(/\{(\w+)\}/g, (whole, name: string) => evidence[name] ?? whole);
}
