import { describe, expect, it } from "vitest";
import { asText, objectPathSchema, parseObjectPath, readObjectPath } from "./object-path.ts";

const node = {
  metadata: { name: "node-1", labels: { "kubernetes.io/hostname": "node-1" }, annotations: { "deployment.kubernetes.io/revision": "4" } },
  spec: { podCIDR: "10.42.0.0/24" },
  status: {
    addresses: [
      { type: "InternalIP", address: "172.18.0.2" },
      { type: "Hostname", address: "node-1" },
    ],
    conditions: [{ type: "Ready", status: "True" }],
    loadBalancer: { ingress: [{ ip: "172.18.0.2" }, { ip: "172.18.0.3" }] },
  },
};

describe("object paths", () => {
  it("reads keys, positions, filters, every item and quoted keys", () => {
    expect(readObjectPath(node, "spec.podCIDR")).toEqual(["10.42.0.0/24"]);
    expect(readObjectPath(node, "status.addresses[0].address")).toEqual(["172.18.0.2"]);
    expect(readObjectPath(node, "status.addresses[type=InternalIP].address")).toEqual(["172.18.0.2"]);
    expect(readObjectPath(node, "status.conditions[type=Ready].status")).toEqual(["True"]);
    expect(readObjectPath(node, "status.loadBalancer.ingress[*].ip")).toEqual(["172.18.0.2", "172.18.0.3"]);
    expect(readObjectPath(node, 'metadata.annotations["deployment.kubernetes.io/revision"]')).toEqual(["4"]);
    expect(readObjectPath(node, 'metadata.labels["kubernetes.io/hostname"]')).toEqual(["node-1"]);
  });

  it("yields nothing where the path leads nowhere", () => {
    expect(readObjectPath(node, "spec.missing.deeper")).toEqual([]);
    expect(readObjectPath(node, "status.addresses[5].address")).toEqual([]);
    expect(readObjectPath(node, "status.addresses[type=ExternalIP].address")).toEqual([]);
    expect(readObjectPath(node, "spec.podCIDR[0]")).toEqual([]);
  });

  it("refuses malformed paths when the exercise is loaded, saying how to write one", () => {
    for (const bad of [".spec", "spec..x", "spec.", 'a["b]', "a[", "a[=x]"]) {
      expect(() => parseObjectPath(bad), bad).toThrow(/write keys\.like\.this/);
      expect(objectPathSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("shows scalars as text and label maps as kubectl does, and nothing else", () => {
    expect(asText("a")).toBe("a");
    expect(asText(8080)).toBe("8080");
    expect(asText(false)).toBe("false");
    expect(asText({ app: "kubernetes-bootcamp", version: "v1" })).toBe("app=kubernetes-bootcamp,version=v1");
    expect(asText([1, 2])).toBeUndefined();
    expect(asText({ a: { b: 1 } })).toBeUndefined();
    expect(asText(null)).toBeUndefined();
  });
});
