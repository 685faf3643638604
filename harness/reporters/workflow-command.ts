// GitHub workflow commands (`::error file=…,title=…::message`) are parsed by the runner, which
// unescapes exactly these sequences; the rules follow @actions/core's command.ts (escapeData and
// escapeProperty) in actions/toolkit.

/** Escapes a command's message: `%` first, so the escapes themselves are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value, where `:` and `,` would also end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function workflowCommand(name: string, properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(",");
  return `::${name}${props ? ` ${props}` : ""}::${escapeData(message)}`;
}
