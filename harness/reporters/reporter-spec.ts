/**
 * `--reporter` values: names, comma-separated or repeated, each with an optional output file:
 * `list`, `json=out.json`, `junit=reports/junit.xml,classroom`. A file name may not hold a comma.
 */
export interface ReporterSpec {
  name: string;
  outputFile?: string;
}

export function parseReporterSpecs(values: readonly string[]): ReporterSpec[] {
  const specs: ReporterSpec[] = [];
  for (const part of values.flatMap((v) => v.split(","))) {
    const text = part.trim();
    if (!text) continue;
    const eq = text.indexOf("=");
    const spec: ReporterSpec = eq === -1 ? { name: text } : { name: text.slice(0, eq).trim(), outputFile: text.slice(eq + 1).trim() || undefined };
    // The same reporter to the same place twice is one reporter.
    if (!specs.some((s) => s.name === spec.name && s.outputFile === spec.outputFile)) specs.push(spec);
  }
  return specs;
}
