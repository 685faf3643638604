import net from "node:net";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadExercise } from "../exercise/load.ts";
import { HostPortTurns, exerciseHostPorts, isPortFree } from "./host-port-turns.ts";

const REPO = path.resolve(import.meta.dirname, "../..");

describe("exerciseHostPorts", () => {
  it("finds the port exercise 3's checks read the learner's kubectl proxy on", async () => {
    const { exercise } = await loadExercise(path.join(REPO, "exercises/exercise-3/exercise.yaml"));
    expect(exerciseHostPorts(exercise)).toEqual([8001]);
  });

  it("finds none where no check reads a port on the host", async () => {
    const { exercise } = await loadExercise(path.join(REPO, "harness/testdata/hanging-script/exercise.yaml"));
    expect(exerciseHostPorts(exercise)).toEqual([]);
  });
});

describe("isPortFree", () => {
  it("tells a port something listens on from a free one", async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as net.AddressInfo).port;
    expect(await isPortFree(port)).toBe(false);
    await new Promise((r) => server.close(r));
    expect(await isPortFree(port)).toBe(true);
  });
});

describe("HostPortTurns", () => {
  const allFree = { isFree: async () => true, sleep: async () => {} };

  it("grants one turn at a time, first come first served", async () => {
    const turns = new HostPortTurns([8001], allFree);
    const granted: string[] = [];
    const take = (learner: string) => turns.take(learner).then(() => granted.push(learner));
    void take("alice");
    void take("bob");
    void take("carol");
    await new Promise((r) => setTimeout(r, 10));
    expect(granted).toEqual(["alice"]);
    turns.release("alice");
    await new Promise((r) => setTimeout(r, 10));
    expect(granted).toEqual(["alice", "bob"]);
    expect(turns.current).toBe("bob");
  });

  it("drops a learner whose run ended while waiting", async () => {
    const turns = new HostPortTurns([8001], allFree);
    const granted: string[] = [];
    const alice = turns.take("alice").then(() => granted.push("alice"));
    void turns.take("bob").then(() => granted.push("bob"));
    void turns.take("carol").then(() => granted.push("carol"));
    await alice;
    turns.release("bob"); // still waiting: gone from the queue
    turns.release("alice");
    await new Promise((r) => setTimeout(r, 10));
    expect(granted).toEqual(["alice", "carol"]);
    // Released before it was granted (the run died while the ports were checked): the turn moves on.
    void turns.take("dave").then(() => granted.push("dave"));
    turns.release("carol");
    turns.release("dave");
    void turns.take("erin").then(() => granted.push("erin"));
    await new Promise((r) => setTimeout(r, 10));
    expect(granted).toEqual(["alice", "carol", "erin"]);
  });

  it("withdraws a learner from the queue but leaves a turn they hold theirs (their script may still be dying)", async () => {
    const turns = new HostPortTurns([8001], allFree);
    await turns.take("alice");
    const bob = vi.fn();
    void turns.take("bob").then(bob);
    turns.withdraw("alice");
    turns.withdraw("bob");
    expect(turns.current).toBe("alice");
    turns.release("alice");
    await new Promise((r) => setTimeout(r, 10));
    expect(bob).not.toHaveBeenCalled();
    expect(turns.current).toBeUndefined();
  });

  it("waits for the previous learner's processes to let go of the port before the next turn", async () => {
    let checks = 0;
    const turns = new HostPortTurns([8001], { isFree: async () => ++checks > 3, sleep: async () => {} });
    expect(await turns.take("alice")).toEqual([]);
    expect(checks).toBe(4);
  });

  it("grants the turn after 10 s all the same, naming the port that is still busy", async () => {
    let slept = 0;
    const turns = new HostPortTurns([8001, 9000], { isFree: async (p) => p !== 9000, sleep: async (ms) => void (slept += ms) });
    expect(await turns.take("alice")).toEqual([9000]);
    expect(slept).toBe(10_000);
  });
});
