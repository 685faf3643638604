import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { YAMLParseError, parse } from "yaml";
import type { GradingContext, HttpReply } from "../../graders/types.ts";
import type { KubeClient } from "../kube/kube-client.ts";
import { probeImage } from "../probe/probe-image.ts";
import { ProbePods } from "../probe/probe-pods.ts";
import { t } from "../i18n/messages.ts";

export interface ContextOptions {
  kube: KubeClient;
  /** The kubeconfig file scripts see as KUBECONFIG. */
  kubeconfigFile: string;
  /** The learner's work directory (answers and script live there). */
  workDir: string;
  answersFile: string;
}

/** A GradingContext grade made: close() removes what grading started in the cluster (its probes). */
export interface LiveGradingContext extends GradingContext {
  close(): Promise<void>;
}

/** The real GradingContext: the live cluster, the learner's files, localhost. */
export function createGradingContext(o: ContextOptions): LiveGradingContext {
  const answersPath = path.join(o.workDir, o.answersFile);
  const probes = new ProbePods(o.kube, probeImage());
  return {
    listPods: (ns, sel) => o.kube.listPods(ns, sel),
    listNodes: () => o.kube.listNodes(),
    listObjects: (q) => o.kube.listObjects(q),
    podLogs: (ns, pod, c) => o.kube.podLogs(ns, pod, c),
    exec: (ns, pod, c, cmd) => o.kube.exec(ns, pod, c, cmd),
    podProxyGet: (ns, pod, port, p) => o.kube.podProxyGet(ns, pod, port, p),
    apiGet: (p) => o.kube.get(p),
    apiServerUrl: () => o.kube.server,
    probe: (origin) => probes.get(origin),
    close: () => probes.remove(),
    httpGet,
    runScript: (command, timeoutMs) => runShell(command, timeoutMs, { cwd: o.workDir, kubeconfigFile: o.kubeconfigFile }),
    answers: () => readAnswers(answersPath),
  };
}

async function httpGet(url: string): Promise<HttpReply> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: res.status, body: await res.text() };
}

/** No file: values undefined. A file that isn't a YAML map: a problem the learner can fix, in their words. */
async function readAnswers(file: string): Promise<{ file: string; values: Record<string, unknown> | undefined; problem?: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return { file, values: undefined };
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line : undefined;
    return { file, values: {}, problem: t().checks.answer.notYaml({ line }) };
  }
  if (value === null || value === undefined) return { file, values: {} };
  if (typeof value !== "object" || Array.isArray(value)) return { file, values: {}, problem: t().checks.answer.notAMap };
  return { file, values: value as Record<string, unknown> };
}

/** A short shell command (the `script` check kind): output captured, killed at its time limit. */
export function runShell(command: string, timeoutMs: number, o: { cwd: string; kubeconfigFile: string }) {
  return new Promise<{ exitCode: number | null; output: string; timedOut: boolean }>((resolve) => {
    const child = spawn("bash", ["-c", command], {
      cwd: o.cwd,
      env: { ...process.env, KUBECONFIG: path.resolve(o.kubeconfigFile) },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ exitCode: null, output: e.message, timedOut });
    });
    // 'exit', not 'close': a background child holding the pipes must not keep us waiting.
    child.on("exit", (code) => {
      clearTimeout(timer);
      killGroup(child.pid);
      resolve({ exitCode: code, output, timedOut });
    });
  });
}

/** Kills a whole process group (the script and whatever it left in the background). */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
