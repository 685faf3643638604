import { describe, expect, it } from "vitest";
import { resource } from "./resource.ts";
import type { KubeObject } from "./types.ts";
import { fakeContext, kubeObject, recorder } from "./test-support/fake-context.ts";

const deployment = kubeObject({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "kubernetes-bootcamp", namespace: "default", labels: { app: "kubernetes-bootcamp" }, uid: "1234" },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          { name: "sidecar", image: "busybox:1.36", ports: [] },
          { name: "kubernetes-bootcamp", image: "gcr.io/google-samples/kubernetes-bootcamp:v1", ports: [{ containerPort: 8080, protocol: "TCP" }] },
        ],
      },
    },
  },
  status: { readyReplicas: 2 },
});

/** listObjects over a fixed set of objects, narrowed by kind, namespace and name like the API server. */
function withObjects(objects: KubeObject[]) {
  const listObjects = recorder(async (q: { apiVersion: string; kind: string; namespace?: string; name?: string; labelSelector?: string }) =>
    objects.filter(
      (o) =>
        o.kind === q.kind &&
        (q.namespace === undefined || o.metadata?.namespace === q.namespace) &&
        (q.name === undefined || o.metadata?.name === q.name),
    ),
  );
  return { ctx: fakeContext({ listObjects }), listObjects };
}

const spec = (resourceFields: Record<string, unknown>, fields: Record<string, unknown> = {}) =>
  resource.schema.parse({ kind: "resource", resource: { apiVersion: "apps/v1", kind: "Deployment", ...resourceFields }, ...fields });

describe("resource", () => {
  it("passes on a partial match: only the fields named are compared", async () => {
    const { ctx, listObjects } = withObjects([deployment]);
    const v = await resource.evaluate(ctx, spec({ metadata: { name: "kubernetes-bootcamp", namespace: "default", labels: { app: "kubernetes-bootcamp" } }, spec: { replicas: 2 } }));
    expect(v).toMatchObject({ status: "pass", message: "Deployment kubernetes-bootcamp matches" });
    expect(listObjects.calls[0]![0]).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      namespace: "default",
      name: "kubernetes-bootcamp",
      labelSelector: "app=kubernetes-bootcamp",
    });
  });

  it("matches list items by content, not by position", async () => {
    const { ctx } = withObjects([deployment]);
    // The app's container is the second one in the object; the exercise names it first and alone.
    const v = await resource.evaluate(
      ctx,
      spec({ metadata: { name: "kubernetes-bootcamp" }, spec: { template: { spec: { containers: [{ name: "kubernetes-bootcamp", ports: [{ containerPort: 8080 }] }] } } } }),
    );
    expect(v.status).toBe("pass");
  });

  it("fails with sorted `* path: expected X, got Y` bullets", async () => {
    const { ctx } = withObjects([deployment]);
    const v = await resource.evaluate(ctx, spec({ metadata: { name: "kubernetes-bootcamp" }, spec: { replicas: 3 }, status: { readyReplicas: 3 } }));
    expect(v).toMatchObject({
      status: "fail",
      message: "Deployment kubernetes-bootcamp does not match",
      actual: "* spec.replicas: expected 3, got 2\n* status.readyReplicas: expected 3, got 2",
    });
  });

  it("fails when a listed element is in no position of the actual list", async () => {
    const { ctx } = withObjects([deployment]);
    const v = await resource.evaluate(ctx, spec({ spec: { template: { spec: { containers: [{ name: "kubernetes-bootcamp", image: "nginx" }] } } } }));
    expect(v.status).toBe("fail");
    expect(v.actual).toBe('* spec.template.spec.containers[0]: expected an element like {"name":"kubernetes-bootcamp","image":"nginx"}, got none among 2');
  });

  it("fails naming what it looked for when nothing exists", async () => {
    const { ctx } = withObjects([]);
    expect(await resource.evaluate(ctx, spec({ metadata: { name: "web", namespace: "default" } }))).toMatchObject({
      status: "fail",
      message: "no Deployment web in namespace default found",
      expected: "a Deployment web in namespace default",
      actual: "nothing",
    });
  });

  it("shows the closest of several objects", async () => {
    const other = kubeObject({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "far", namespace: "default" }, spec: { replicas: 9 }, status: {} });
    const { ctx } = withObjects([other, deployment]);
    const v = await resource.evaluate(ctx, spec({ spec: { replicas: 3 }, status: { readyReplicas: 2 } }));
    expect(v.message).toBe("Deployment kubernetes-bootcamp does not match");
    expect(v.actual).toBe("* spec.replicas: expected 3, got 2");
  });

  describe("absent: true", () => {
    it("passes when no object matches the shape", async () => {
      const { ctx } = withObjects([deployment]);
      expect(await resource.evaluate(ctx, spec({ metadata: { name: "kubernetes-bootcamp" }, spec: { replicas: 5 } }, { absent: true }))).toMatchObject({
        status: "pass",
        message: "no Deployment kubernetes-bootcamp matches, as asked",
      });
      expect((await resource.evaluate(withObjects([]).ctx, spec({ metadata: { name: "x" } }, { absent: true }))).status).toBe("pass");
    });
    it("fails naming the objects that should not be there", async () => {
      const { ctx } = withObjects([deployment]);
      expect(await resource.evaluate(ctx, spec({ metadata: { name: "kubernetes-bootcamp" } }, { absent: true }))).toMatchObject({
        status: "fail",
        message: "Deployment kubernetes-bootcamp should not exist in this shape",
        expected: "no match",
        actual: "kubernetes-bootcamp",
      });
    });
  });

  describe("schema", () => {
    it("lets the partial object carry any field, but not the check itself", () => {
      expect(resource.schema.safeParse({ kind: "resource", resource: { apiVersion: "v1", kind: "Pod", spec: { anything: 1 } } }).success).toBe(true);
      expect(resource.schema.safeParse({ kind: "resource", resource: { apiVersion: "v1", kind: "Pod" }, present: true }).success).toBe(false);
    });
    it("rejects a wrong type or a missing apiVersion/kind", () => {
      expect(resource.schema.safeParse({ kind: "resource", resource: { apiVersion: "v1", kind: "Pod" }, absent: "yes" }).success).toBe(false);
      expect(resource.schema.safeParse({ kind: "resource", resource: { kind: "Pod" } }).success).toBe(false);
      expect(resource.schema.safeParse({ kind: "resource", resource: { apiVersion: "v1", kind: "Pod", metadata: { labels: { a: 1 } } } }).success).toBe(false);
    });
  });
});
