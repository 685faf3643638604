import type { Messages } from "../en/index.ts";

export const errors: Messages["errors"] = {
  badLanguage: ({ language, languages }) => `--lang ${language}: ${languages} 중 하나를 쓰십시오`,
  noExercise: ({ ref, looked, folder, file }) =>
    `실습을 찾지 못했습니다: "${ref}". 찾아본 곳: ${looked}.${folder ? ` ${folder} 폴더에는 ${file} 파일이 없습니다.` : ""} ` +
    "실습 목록은 `grade list`로 보십시오. 실습 폴더나 그 exercise.yaml을 지정해도 됩니다.",
  noLearnerScript: ({ script }) => `학습자 스크립트가 없습니다: ${script}. 거기에 풀이를 적거나 --work DIR를 주십시오`,

  noDockerEngine: ({ error }) =>
    `응답하는 Docker 엔진이 없습니다 (${error}). Docker를 시작하고(Docker Desktop, 또는 \`sudo dockerd\`) \`docker info\`로 확인한 다음 다시 시도하십시오.`,
  imageUnavailable: ({ image, error }) =>
    `이미지 ${image}: 로컬 Docker에 없고 받아 오지도 못했습니다 (${error}). ` +
    "이미지를 받거나 빌드하십시오. 아니면 가지고 있는 이미지를 GRADE_K3S_IMAGE에 지정하십시오(`docker images` 참고).",
  k3sNotReady: ({ image }) =>
    `k3s(${image})가 120 s 안에 준비되었다고 알리지 않았습니다. Docker가 특권(privileged) 컨테이너를 실행할 수 있는지, 메모리가 남아 있는지 확인하십시오. 컨테이너의 \`docker logs\`에 자세한 내용이 있습니다.`,
  clusterDidNotStart: ({ image, error }) => `${image} 이미지로 클러스터를 시작하지 못했습니다: ${error}`,
  agentsNotReady: ({ ready, count, seconds }) =>
    `${seconds} s가 지나도 k3s 노드 ${count}개 중 ${ready}개만 Ready입니다. 에이전트 컨테이너의 \`docker logs\`에 이유가 있습니다`,
  imageLoadFailed: ({ image, exitCode, output }) => `${image} 이미지를 클러스터에 넣지 못했습니다 (ctr 종료 코드 ${exitCode}): ${output}`,
  k3sDescription: ({ image, container, agents }) => `k3s ${image}, 컨테이너 ${container}${agents > 0 ? `, 에이전트 ${agents}개` : ""}`,
  borrowedDescription: ({ server }) => `${server}에 있는 기존 클러스터`,
  noSuchNode: ({ node, nodes }) => `이 클러스터에 없는 노드입니다: ${node}. 이 클러스터의 노드: ${nodes}`,
  serverNode: ({ node, agents }) => `서버 노드입니다: ${node}. 이 노드를 멈추면 클러스터 전체의 API가 멈춥니다. 에이전트를 멈추십시오 (${agents}).`,
  noAgents: "이 클러스터에는 에이전트가 없습니다",
  containerGone: ({ server, container }) => `${server}에서 응답이 없습니다: k3s 컨테이너(${container})가 더는 실행 중이 아닙니다`,
  theApiServer: "클러스터의 API 서버",
  noHttpAnswer: ({ server }) => `${server}에서 HTTP 응답이 없습니다`,
  doesNotAnswer: ({ server, cause }) => `${server}에서 응답이 없습니다 (${cause})`,
  noAnswerWithin: ({ seconds }) => `${seconds} s 안에 응답 없음`,
  getTimedOut: ({ path, seconds }) => `GET ${path}: ${seconds} s 안에 응답이 없습니다`,
  execTimedOut: ({ command, pod, seconds }) => `파드 ${pod}에서 실행한 \`${command}\` 명령이 ${seconds} s 안에 끝나지 않았습니다`,
  clusterUnreachable: ({ why, file }) => `${why}: 클러스터가 실행 중인지${file ? `, ${file} 파일이 그 클러스터를 가리키는지` : ""} 확인하십시오.`,
  unreadableKubeconfig: ({ file }) => `kubeconfig를 읽을 수 없습니다: ${file}. --kubeconfig에 준 경로를 확인하십시오`,
  invalidKubeconfig: ({ file, error }) => `올바른 kubeconfig가 아닙니다: ${file}: ${error}`,
  noCurrentCluster: ({ file }) => `${file}에 현재 클러스터가 없습니다 (current-context를 설정하십시오)`,
  cannotStopNode: ({ server, file }) => `grade는 자신이 시작하지 않은 클러스터의 노드를 멈출 수 없습니다 (${server}, 출처: ${file})`,
  cannotStartNode: ({ server, file }) => `grade는 자신이 시작하지 않은 클러스터의 노드를 시작할 수 없습니다 (${server}, 출처: ${file})`,

  starterCannotBeReady: ({ problems }) => `시작 매니페스트가 준비될 수 없습니다:\n${problems}`,
  starterNotReady: ({ seconds, pending }) => `${seconds} s가 지나도 시작 매니페스트가 준비되지 않았습니다. 아직 기다리는 것:\n${pending}`,
  objectNotFound: ({ object }) => `${object}: 찾을 수 없음`,
  podNotReady: ({ pod, phase }) => `Pod ${pod}: Ready 아님 (phase ${phase})`,
  replicasReady: ({ object, ready, wanted }) => `${object}: 레플리카 ${wanted}개 중 ${ready}개 준비됨`,
  containerStuck: ({ pod, container, reason, image, advice }) => `파드 ${pod}, 컨테이너 ${container}: 이미지 ${image}에서 ${reason}. ${advice}`,
  cannotPull:
    "클러스터가 이미지를 받지 못했습니다. 이름을 확인하거나, grade가 클러스터에 넣을 수 있게 로컬 Docker에 이미지를 두십시오(docker pull / docker build).",
  describeThePod: "`kubectl describe pod`로 파드를 확인하십시오.",
  applyFailed: ({ file, kind, name, error }) => `${file}: ${kind} ${name} 적용에 실패했습니다: ${error}`,
  manifestNotYaml: ({ file, error }) => `${file}: 올바른 YAML이 아닙니다: ${error}`,
  manifestIncomplete: ({ file }) => `${file}: 매니페스트마다 apiVersion, kind, metadata.name이 있어야 합니다`,
};
