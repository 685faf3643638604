import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { httpGetCommand, parseHttpOutput, parseHttpReply, parseResolveOutput, resolveCommand } from "./probe-commands.ts";

/**
 * The probe's shell script, run for real by this machine's sh, with stand-ins for nc and timeout:
 * port 8080 answers with the request it got, 9090 refuses, 7070 prints a reply without a newline.
 */
function runWithFakeNc(command: string[]): string {
  const bin = mkdtempSync(path.join(tmpdir(), "grade-probe-bin-"));
  const script = (name: string, text: string) => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\n${text}\n`);
    chmodSync(path.join(bin, name), 0o755);
  };
  script("timeout", 'shift; exec "$@"');
  script(
    "nc",
    `shift 2
case "$2" in
  8080) req=$(head -n 1 | tr -d '\\r'); printf 'HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nyou asked %s of %s\\n' "$req" "$1" ;;
  7070) printf 'HTTP/1.1 404 Not Found\\r\\n\\r\\nno newline' ;;
  *) echo "nc: can't connect to remote host ($1): Connection refused" >&2; exit 1 ;;
esac`,
  );
  const [shell, ...args] = command;
  return execFileSync(shell!, args, { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: "utf8" });
}

describe("the probe's HTTP requests", () => {
  it("sends each request on its own and returns each reply, in order", () => {
    const replies = parseHttpOutput(runWithFakeNc(httpGetCommand("10.43.0.5", 8080, "/a path", 3)), 3);
    expect(replies).toHaveLength(3);
    for (const r of replies) expect(r).toEqual({ status: 200, body: "you asked GET /a path HTTP/1.0 of 10.43.0.5\n" });
  });

  it("keeps a body without a final newline intact", () => {
    expect(parseHttpOutput(runWithFakeNc(httpGetCommand("10.43.0.5", 7070, "/", 2)), 2)).toEqual([
      { status: 404, body: "no newline" },
      { status: 404, body: "no newline" },
    ]);
  });

  it("reports nc's own words when it cannot connect", () => {
    expect(parseHttpOutput(runWithFakeNc(httpGetCommand("10.43.0.5", 9090, "/", 1)), 1)).toEqual([
      { body: "", error: "can't connect to remote host (10.43.0.5): Connection refused" },
    ]);
  });

  it("passes hostile arguments as data, not as shell code", () => {
    const [reply] = parseHttpOutput(runWithFakeNc(httpGetCommand("10.43.0.5", 8080, "/$(touch /tmp/x);`id`", 1)), 1);
    expect(reply!.body).toContain("/$(touch /tmp/x);`id`");
  });

  it("says when the probe printed nothing for a request", () => {
    expect(parseHttpOutput("", 2)).toEqual([
      { body: "", error: "the probe printed nothing for this request" },
      { body: "", error: "the probe printed nothing for this request" },
    ]);
  });

  it("tells a non-HTTP answer, a silent close and a timeout apart", () => {
    expect(parseHttpReply("SSH-2.0-OpenSSH\n", "", 0)).toMatchObject({ error: "not an HTTP reply: SSH-2.0-OpenSSH" });
    expect(parseHttpReply("", "", 0)).toEqual({ body: "", error: "the connection closed without a reply" });
    expect(parseHttpReply("", "", 143)).toEqual({ body: "", error: "no reply within 6 s" });
  });
});

describe("the probe's DNS lookups", () => {
  it("runs nslookup with the name as an argument", () => {
    expect(resolveCommand("web.default.svc.cluster.local")).toEqual(["sh", "-c", 'timeout 8 nslookup "$1" 2>&1', "grade-probe", "web.default.svc.cluster.local"]);
  });

  it("reads the answer's addresses, not the server's", () => {
    const busybox135 = "Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\nName:\tweb.default.svc.cluster.local\nAddress: 10.43.12.34\n\n";
    expect(parseResolveOutput(busybox135)).toEqual({ addresses: ["10.43.12.34"] });
    const older = "Server:    10.43.0.10\nAddress 1: 10.43.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web\nAddress 1: 10.43.12.34 web.default.svc.cluster.local\n";
    expect(parseResolveOutput(older)).toEqual({ addresses: ["10.43.12.34"] });
  });

  it("says why a name did not resolve", () => {
    const nx = "Server:\t\t10.43.0.10\nAddress:\t10.43.0.10:53\n\n** server can't find web.default.svc.cluster.local: NXDOMAIN\n";
    expect(parseResolveOutput(nx)).toEqual({ addresses: [], error: "** server can't find web.default.svc.cluster.local: NXDOMAIN" });
    expect(parseResolveOutput(";; connection timed out; no servers could be reached\n")).toEqual({ addresses: [], error: ";; connection timed out; no servers could be reached" });
    expect(parseResolveOutput("")).toEqual({ addresses: [], error: "no address in the answer" });
  });
});
