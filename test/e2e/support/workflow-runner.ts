// A stand-in for GitHub's runner, for tests only: it runs one job of a workflow on this machine,
// step by step, so a test can prove a generated workflow works without pushing it anywhere.
// - `uses:` steps named in `satisfied` are skipped: what they set up is already here (Node, kubectl);
// - `uses:` steps named in `localActions` are composite actions in a local folder: their `run:`
//   steps run for real with the step's inputs, and their outputs are computed as GitHub does;
// - the `uses:` step named by `handBack` is not run: its env and inputs, evaluated, go back to the
//   test, which plays that step (e.g. Classroom's reporter) itself;
// - anything else (another action, an expression it does not know, a step `if:`) is an error, so a
//   workflow can't grow past what this runner proves without the test saying so.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "yaml";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  "working-directory"?: string;
  "continue-on-error"?: boolean;
  if?: string;
}

interface ActionFile {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

export interface JobRun {
  /** The job's `if:` as written (the test checks it; this runner does not evaluate it). */
  jobIf?: string;
  /** What each step did, in order, e.g. "skipped actions/checkout@v4 (satisfied here)". */
  log: string[];
  /** The handed-back step's env and inputs, evaluated. */
  handedBack?: { env: Record<string, string>; with: Record<string, string> };
  /** The outputs of every step with an id. */
  outputs: Record<string, Record<string, string>>;
}

export interface RunJobOptions {
  workflowFile: string;
  job: string;
  /** The repository's checkout: where run steps start, GITHUB_WORKSPACE. */
  workspace: string;
  satisfied: string[];
  localActions: Record<string, string>;
  handBack: string;
}

/** Expression contexts this runner knows. */
interface Contexts {
  inputs?: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  github: Record<string, string>;
}

export async function runJob(o: RunJobOptions): Promise<JobRun> {
  const workflow = parse(readFileSync(o.workflowFile, "utf8")) as { jobs: Record<string, { if?: string; steps: Step[] }> };
  const job = workflow.jobs[o.job];
  if (!job) throw new Error(`${o.workflowFile} has no job ${o.job}`);
  const run: JobRun = { jobIf: job.if, log: [], outputs: {} };
  const ctx: Contexts = { steps: run.outputs, github: { workspace: o.workspace } };

  for (const step of job.steps) {
    const label = step.name ?? step.id ?? step.uses ?? "run";
    if (step.if !== undefined) throw new Error(`step ${label}: \`if:\` is not supported by this runner`);
    let outputs: Record<string, string>;
    if (step.run !== undefined) {
      outputs = await runStep(step, ctx, o.workspace, run.log);
    } else if (step.uses && step.uses === o.handBack) {
      run.handedBack = { env: evaluateAll(step.env, ctx), with: evaluateAll(step.with, ctx) };
      run.log.push(`handed back ${step.uses}`);
      continue;
    } else if (step.uses && o.satisfied.some((prefix) => step.uses!.startsWith(prefix))) {
      run.log.push(`skipped ${step.uses} (satisfied here)`);
      continue;
    } else if (step.uses && o.localActions[step.uses]) {
      if (step["continue-on-error"]) throw new Error(`step ${label}: continue-on-error on an action is not supported by this runner`);
      outputs = await runCompositeAction(o.localActions[step.uses]!, evaluateAll(step.with, ctx), ctx, o, run.log, step);
    } else {
      throw new Error(`step ${label}: ${step.uses} is not an action this runner knows`);
    }
    if (step.id) run.outputs[step.id] = outputs;
  }
  return run;
}

async function runCompositeAction(dir: string, given: Record<string, string>, outer: Contexts, o: RunJobOptions, log: string[], caller: Step): Promise<Record<string, string>> {
  const action = parse(readFileSync(path.join(dir, "action.yml"), "utf8")) as ActionFile;
  if (action.runs.using !== "composite") throw new Error(`${dir}/action.yml is not a composite action`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) {
    const value = given[name] ?? spec.default ?? "";
    if (spec.required && value === "") throw new Error(`${caller.uses}: input ${name} is required`);
    inputs[name] = value;
  }
  const unknown = Object.keys(given).filter((name) => !(name in inputs));
  if (unknown.length > 0) throw new Error(`${caller.uses}: unknown inputs ${unknown.join(", ")}`);

  const steps: Record<string, Record<string, string>> = {};
  const ctx: Contexts = { inputs, steps, github: { ...outer.github, action_path: dir } };
  for (const step of action.runs.steps) {
    if (step.if !== undefined) throw new Error(`${caller.uses}: step ${step.name ?? step.uses}: \`if:\` is not supported by this runner`);
    if (step.run === undefined) {
      if (step.uses && o.satisfied.some((prefix) => step.uses!.startsWith(prefix))) {
        log.push(`  skipped ${step.uses} (satisfied here)`);
        continue;
      }
      throw new Error(`${caller.uses}: step ${step.uses} is not an action this runner knows`);
    }
    const outputs = await runStep(step, ctx, o.workspace, log, { GITHUB_ACTION_PATH: dir }, "  ");
    if (step.id) steps[step.id] = outputs;
  }
  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.outputs ?? {})) outputs[name] = evaluate(spec.value, ctx);
  return outputs;
}

/** Runs a `run:` step with bash as GitHub does (`bash --noprofile --norc -eo pipefail FILE`); returns its outputs. */
async function runStep(step: Step, ctx: Contexts, workspace: string, log: string[], extraEnv: Record<string, string> = {}, indent = ""): Promise<Record<string, string>> {
  const label = step.name ?? step.id ?? "a step";
  if ((step.shell ?? "bash") !== "bash") throw new Error(`step ${label}: only shell bash is supported`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "grade-step-"));
  const script = path.join(dir, "step.sh");
  const outputFile = path.join(dir, "output");
  writeFileSync(script, evaluate(step.run!, ctx));
  writeFileSync(outputFile, "");
  const started = Date.now();
  const result = await bash(script, {
    cwd: path.resolve(workspace, evaluate(step["working-directory"] ?? ".", ctx)),
    env: {
      ...process.env,
      ...evaluateAll(step.env, ctx),
      ...extraEnv,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: path.join(dir, "summary.md"),
    },
  });
  log.push(`${indent}ran ${label}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.code !== 0 && !step["continue-on-error"]) throw new Error(`step ${label} failed (exit ${result.code}):\n${result.output}`);
  return parseOutputFile(readFileSync(outputFile, "utf8"));
}

function bash(script: string, o: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { ...o, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** GITHUB_OUTPUT's two forms: `name=value` and `name<<DELIMITER` … `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      if (end === -1) throw new Error(`GITHUB_OUTPUT: ${heredoc[1]} has no closing ${heredoc[2]}`);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}

const evaluateAll = (values: Record<string, unknown> | undefined, ctx: Contexts) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, evaluate(String(v), ctx)]));

/** `${{ inputs.x }}`, `${{ steps.id.outputs.x }}`, `${{ github.workspace }}`, `${{ github.action_path }}`; nothing else. */
function evaluate(text: string, ctx: Contexts): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const parts = expression.split(".");
    if (parts[0] === "inputs" && parts.length === 2 && ctx.inputs) return ctx.inputs[parts[1]!] ?? "";
    if (parts[0] === "steps" && parts.length === 4 && parts[2] === "outputs") return ctx.steps[parts[1]!]?.[parts[3]!] ?? "";
    if (parts[0] === "github" && parts.length === 2 && ctx.github[parts[1]!] !== undefined) return ctx.github[parts[1]!]!;
    throw new Error(`expression \${{ ${expression} }} is not supported by this runner`);
  });
}
