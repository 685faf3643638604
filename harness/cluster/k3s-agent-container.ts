import { GenericContainer } from "testcontainers";

/**
 * A k3s agent node: the same image as the server, started as `k3s agent` with K3S_URL and
 * K3S_TOKEN, and the host settings K3sContainer gives the server (privileged, host cgroupns, the
 * cgroup bind, tmpfs on /run). @testcontainers/k3s has no agent, so this mirrors its server.
 */
export class K3sAgentContainer extends GenericContainer {
  constructor(image: string, serverUrl: string, token: string) {
    super(image);
    // dockerode's types lack the field K3sContainer sets the same way.
    (this.hostConfig as { CgroupnsMode?: string }).CgroupnsMode = "host";
    this.withPrivilegedMode()
      .withBindMounts([{ source: "/sys/fs/cgroup", target: "/sys/fs/cgroup" }])
      .withTmpFs({ "/run": "rw", "/var/run": "rw" })
      .withEnvironment({ K3S_URL: serverUrl, K3S_TOKEN: token })
      // No ports, so no port wait: an agent is ready when its node turns Ready in the API,
      // which the cluster waits for.
      .withCommand(["agent"]);
  }
}
