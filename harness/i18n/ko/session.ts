import type { Messages } from "../en/index.ts";

export const session: Messages["session"] = {
  alreadyRunning: ({ exercise, description, startedAt }) =>
    `${exercise} 실습의 클러스터가 이미 실행 중입니다 (${description}, 시작: ${startedAt}). 채점하려면 \`grade check\`를, 먼저 제거하려면 \`grade stop\`을 실행하십시오.`,
  clusterReady: ({ description }) => `클러스터가 준비되었습니다 (${description}). kubectl이 이 클러스터를 쓰도록 설정하십시오:`,
  nodes: ({ nodes }) => `노드: ${nodes} (\`grade node stop NAME\`으로 노드 하나를 멈추고, \`grade node start NAME\`으로 되살립니다).`,
  tasks: ({ points, readme }) => `과제 (${points}점, 설명: ${readme}):`,
  task: ({ n, title, points }) => `${n}. ${title} (${points}점)`,
  answersIn: ({ file, created }) => `답은 ${file}에 적으십시오${created ? " (빈 답으로 채워 만들어 두었습니다)" : ""}.`,
  thenCheck: "그다음 `grade check`를 실행하십시오(몇 번이든 괜찮습니다). 다 마치면 `grade stop`을 실행하십시오.",
  nothingToCheck: "채점할 클러스터가 없습니다: 먼저 `grade start <exercise>`를 실행하거나, 실습을 지정하고 --kubeconfig를 주십시오",
  noClusterFor: ({ exercise, running }) =>
    `${exercise} 실습의 클러스터가 없습니다: 먼저 \`grade start ${exercise}\` 명령을 실행하거나${running ? ` (실행 중인 클러스터는 ${running} 실습의 것입니다)` : ""} --kubeconfig를 주십시오`,
  checkTheKubeconfig: ({ file }) => `클러스터가 실행 중인지, ${file} 파일이 그 클러스터를 가리키는지 확인하십시오`,
  startAnother: ({ exercise }) => `\`grade stop\`을 실행한 다음, \`grade start ${exercise}\` 명령으로 새 클러스터를 시작하십시오`,
  nothingToStop: "멈출 것이 없습니다: 여기서 시작한 클러스터가 없습니다.",
  leftRunning: ({ description }) => `grade가 시작한 클러스터가 아니므로 그대로 두었습니다: ${description}.`,
  alreadyGone: ({ description }) => `클러스터(${description})는 이미 없었습니다.`,
  removed: ({ description }) => `제거했습니다: ${description}.`,
  noClusterHere: "여기에는 클러스터가 없습니다: 먼저 `grade start <exercise>`를 실행하십시오",
  unknownNodeAction: ({ action }) => `알 수 없는 동작 "${action}": grade node list, grade node stop NAME, grade node start NAME 중 하나를 쓰십시오`,
  whichNode: ({ action, nodes }) => `어느 노드입니까? grade node ${action} NAME 형식으로, 다음 중 하나를 지정하십시오: ${nodes}`,
  noKnownNodes: "(grade가 아는 이 클러스터의 노드가 없습니다)",
  nodeStopped: ({ node }) =>
    `노드를 멈췄습니다: ${node}. kubelet이 노드 모니터 유예 기간(약 50 s) 동안 아무 보고도 하지 않으면 쿠버네티스가 이 노드를 NotReady로 표시합니다. \`kubectl get nodes -w\`로 지켜보십시오. \`grade node start ${node}\` 명령으로 되살립니다.`,
  nodeStarted: ({ node }) => `노드를 시작했습니다: ${node}. kubelet이 보고하면(몇 초 안에) 다시 Ready가 됩니다. \`kubectl get nodes -w\`로 지켜보십시오.`,
  exerciseLine: ({ title, tasks, points }) => `${title} (과제 ${tasks}개, ${points}점)`,
  invalidExercise: ({ file }) => `(올바르지 않음: \`grade validate ${file}\` 명령으로 확인하십시오)`,
  noExercises: "여기에는 실습이 없습니다: grade는 exercises/<id>/exercise.yaml에서 실습을 찾습니다.",
  bundledExercises: "grade에 들어 있는 실습 (id로 씁니다. 예: `grade init <id>`는 모범 답안을 뺀 실습을 여기로 복사합니다):",
};
