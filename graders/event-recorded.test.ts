import { describe, expect, it } from "vitest";
import { eventRecorded } from "./event-recorded.ts";
import { fakeContext, kubeObject, recorder } from "./test-support/fake-context.ts";

const event = (o: { kind: string; name: string; reason: string; message: string; at: string }) =>
  kubeObject({ involvedObject: { kind: o.kind, name: o.name }, reason: o.reason, message: o.message, lastTimestamp: o.at, metadata: { name: `${o.name}.1` } });

const EVENTS = [
  event({ kind: "Deployment", name: "kubernetes-bootcamp", reason: "ScalingReplicaSet", message: "Scaled up replica set kubernetes-bootcamp-5485cc6795 from 0 to 1", at: "2026-01-01T10:00:00Z" }),
  event({ kind: "Deployment", name: "kubernetes-bootcamp", reason: "ScalingReplicaSet", message: "Scaled up replica set kubernetes-bootcamp-5485cc6795 from 1 to 4", at: "2026-01-01T10:01:00Z" }),
  event({ kind: "Pod", name: "kubernetes-bootcamp-6d7f-x1", reason: "Failed", message: "Error: ErrImagePull", at: "2026-01-01T10:02:00Z" }),
  event({ kind: "Pod", name: "kubernetes-bootcamp-6d7f-x1", reason: "BackOff", message: 'Back-off pulling image "gcr.io/google-samples/kubernetes-bootcamp:v10"', at: "2026-01-01T10:02:05Z" }),
];

const spec = (fields: Record<string, unknown>) => eventRecorded.schema.parse({ kind: "eventRecorded", ...fields });

describe("eventRecorded", () => {
  it("passes on an event about the object with the reason and message asked for", async () => {
    const listObjects = recorder(async () => EVENTS);
    const v = await eventRecorded.evaluate(
      fakeContext({ listObjects }),
      spec({ involvedObject: { kind: "Deployment", name: "kubernetes-bootcamp" }, reason: "ScalingReplicaSet", message: { matches: "to 4$" } }),
    );
    expect(v).toMatchObject({ status: "pass", message: "Deployment/kubernetes-bootcamp: ScalingReplicaSet: Scaled up replica set kubernetes-bootcamp-5485cc6795 from 1 to 4" });
    expect(listObjects.calls).toEqual([[{ apiVersion: "v1", kind: "Event", namespace: "default" }]]);
  });

  it("finds pods' events by kind alone (the pods themselves may be gone)", async () => {
    const v = await eventRecorded.evaluate(fakeContext({ listObjects: async () => EVENTS }), spec({ involvedObject: { kind: "Pod" }, reason: "Failed", message: { matches: "^Error: (ErrImagePull|ImagePullBackOff)$" } }));
    expect(v.status).toBe("pass");
  });

  it("fails showing the object's events with that reason when none says what was asked", async () => {
    const v = await eventRecorded.evaluate(
      fakeContext({ listObjects: async () => EVENTS }),
      spec({ involvedObject: { kind: "Deployment", name: "kubernetes-bootcamp" }, reason: "ScalingReplicaSet", message: { matches: "to 6$" } }),
    );
    expect(v).toMatchObject({
      status: "fail",
      message: "none of the 2 events with reason ScalingReplicaSet about Deployment kubernetes-bootcamp in namespace default says what was asked",
      expected: "an event with reason ScalingReplicaSet, message text matching /to 6$/m",
    });
    expect(v.actual).toBe(
      "Deployment/kubernetes-bootcamp ScalingReplicaSet: Scaled up replica set kubernetes-bootcamp-5485cc6795 from 0 to 1\n" +
        "Deployment/kubernetes-bootcamp ScalingReplicaSet: Scaled up replica set kubernetes-bootcamp-5485cc6795 from 1 to 4",
    );
  });

  it("fails showing the object's other events when none has the reason", async () => {
    const v = await eventRecorded.evaluate(fakeContext({ listObjects: async () => EVENTS }), spec({ involvedObject: { kind: "Pod" }, reason: "Pulled" }));
    expect(v).toMatchObject({ status: "fail", message: "no events with reason Pulled about Pod in namespace default" });
    expect(v.actual).toContain("other events: Pod/kubernetes-bootcamp-6d7f-x1 Failed: Error: ErrImagePull");
  });

  it("fails saying there are no events at all in an empty namespace", async () => {
    const v = await eventRecorded.evaluate(fakeContext(), spec({ namespace: "team-a", reason: "Killing" }));
    expect(v).toMatchObject({ status: "fail", message: "no events with reason Killing in namespace team-a", actual: "no events at all" });
  });

  it("rejects unknown keys and a bad pattern", () => {
    expect(eventRecorded.schema.safeParse({ kind: "eventRecorded", reason: "x", type: "Warning" }).success).toBe(false);
    expect(eventRecorded.schema.safeParse({ kind: "eventRecorded", involvedObject: { kind: "Pod", uid: "1" } }).success).toBe(false);
    expect(eventRecorded.schema.safeParse({ kind: "eventRecorded", message: { matches: "([" } }).success).toBe(false);
  });
});
