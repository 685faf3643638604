import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import type { KubernetesObject } from "./kubernetes-client.ts";
import type { KubeClient } from "./kube-client.ts";
import { UsageError } from "../errors.ts";
import { t } from "../i18n/messages.ts";

export interface AppliedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
}

/** Reads every YAML document of the files (in the order given) and server-side applies them. */
export async function applyManifests(kube: KubeClient, files: string[]): Promise<AppliedObject[]> {
  const applied: AppliedObject[] = [];
  for (const file of files) {
    for (const object of await readManifests(file)) {
      const namespace = object.metadata?.namespace ?? "default";
      const withNamespace = { ...object, metadata: { ...object.metadata, namespace } };
      try {
        await kube.apply(withNamespace);
      } catch (e) {
        throw new UsageError(t().errors.applyFailed({ file, kind: object.kind, name: object.metadata?.name, error: describeApiError(e) }));
      }
      applied.push({ apiVersion: object.apiVersion!, kind: object.kind!, name: object.metadata!.name!, namespace });
    }
  }
  return applied;
}

async function readManifests(file: string): Promise<KubernetesObject[]> {
  const docs = parseAllDocuments(await readFile(file, "utf8"));
  const objects: KubernetesObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new UsageError(t().errors.manifestNotYaml({ file, error: doc.errors[0]!.message.split("\n")[0]! }));
    const value = doc.toJS() as KubernetesObject | null;
    if (value === null) continue;
    if (!value.apiVersion || !value.kind || !value.metadata?.name) {
      throw new UsageError(t().errors.manifestIncomplete({ file }));
    }
    objects.push(value);
  }
  return objects;
}

/** The API server's own words (its Status message) when there are some. */
function describeApiError(e: unknown): string {
  const body = (e as { body?: unknown }).body;
  if (typeof body === "string") {
    try {
      return (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      return body;
    }
  }
  return (e as Error).message ?? String(e);
}
