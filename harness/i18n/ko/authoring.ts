import type { Messages } from "../en/index.ts";

export const authoring: Messages["authoring"] = {
  noExercisesUnder: "exercises/ 아래에 실습이 없습니다.",
  noManifests: ({ file, dir }) =>
    `${file}: ${dir}/ 폴더에 매니페스트(*.yaml 또는 *.yml)가 없습니다. 매니페스트를 넣거나, 빈 클러스터에서 시작하는 실습이라면 폴더를 지우십시오`,
  noInstructions: ({ file, readme }) => `${file}: 학습자 설명이 없습니다: ${readme}`,
  noSolution: ({ script }) => `모범 답안이 없습니다: ${script} (과제 저장소에서는 괜찮지만, 강사용 사본에는 있어야 합니다)`,
  untranslated: ({ count, language, fields }) => `${language} 번역이 없어 영어로 보이는 텍스트 ${count}개: ${fields}`,
  andMore: ({ count }) => `, 그 밖에 ${count}개`,
  noTranslatedReadme: ({ language, readme }) => `${language} 설명이 없습니다: ${readme}. ${language}로 읽는 학습자는 README.md를 보게 됩니다`,

  notAnExercise: ({ file }) => `올바른 실습 파일이 아닙니다: ${file}`,
  unknownKeys: ({ keys }) => `알 수 없는 키 ${keys}: 지우거나 철자를 고치십시오`,
  required: ({ expected }) => `꼭 있어야 합니다: ${expected} 값이 필요합니다`,
  zodInvalidInput: "잘못된 입력: ",
  unknownCheckKind: ({ kinds }) => `알 수 없는 검사 종류입니다: ${kinds} 중 하나를 쓰십시오`,
  oneOfValues: ({ values }) => `다음 중 하나여야 합니다: ${values}`,
  theValue: "값",
  taskId: "영문 소문자, 숫자, 대시만 씁니다. 예: find-the-pod",
  exerciseId: "영문 소문자, 숫자, 대시만 씁니다. 예: exercise-3",
  duplicateTaskId: ({ id }) => `과제 id가 두 번 쓰였습니다: "${id}". id는 서로 달라야 합니다`,
  stopAnAgent: ({ nodes, agents }) => `stopNode에는 이 클러스터(노드 ${nodes}개)의 에이전트를 적어야 합니다: ${agents}`,
  noNodeToStop: ({ server }) => `멈출 노드가 없습니다: 서버(${server})는 API를 맡고 있습니다. cluster: { nodes: 2 }로 노드를 늘리고 k3s-agent-1을 멈추십시오`,
  duration: '"500ms", "30s", "2m" 같은 시간',
  localizedText: '텍스트 하나, 또는 언어별 텍스트: { en: "…", ko: "…" }',
  objectPath: ({ path, at }) => `경로를 읽을 수 없습니다: "${path}", 읽지 못한 부분: "${at}". keys.like.this, [0], [*], [field=value], ["a.key"] 형식으로 쓰십시오`,

  wroteAssignment: ({ exercises, dir }) => `과제 저장소를 만들었습니다 (실습: ${exercises}, 위치: ${dir}):`,
  nextSteps: ({ workflow }) =>
    `다음 단계: 이 저장소를 GitHub에 올리고, 템플릿 저장소로 표시한 다음, Classroom 과제의 시작 코드로 지정하십시오.\n` +
    `Classroom의 과제 설정에서 자동 채점 테스트는 비워 두십시오. 푸시할 때마다 ${workflow} 워크플로가 채점하며,\n` +
    `Classroom 화면에서 테스트를 추가하면 이 파일이 대체됩니다.`,
  wouldOverwrite: ({ dir, count, files }) =>
    `${dir}에 grade init이 쓸 파일이 이미 ${count}개 있습니다: ${files}. 덮어쓰려면 --force를 주고, 아니면 다른 --dir을 고르십시오.`,
  answersHeader: ({ exercise }) => `# ${exercise}의 답: 값을 채우십시오 (${exercise}의 README 참고).`,
  minutes: ({ count }) => `${count}분`,
  seconds: ({ count }) => `${count}초`,
  solutionStub: ({ exercise, title, limit, readme, tasks, answers }) =>
    [
      `# ${exercise}의 풀이: ${title}`,
      "#",
      "# 자동 채점은 푸시할 때마다, 실습의 시작 매니페스트를 배포한 새 클러스터에서 이 스크립트를",
      `# 실행합니다. KUBECONFIG가 설정되어 있고, work/${exercise}/ 폴더에서 최대 ${limit} 동안 실행합니다.`,
      "# 그다음 클러스터를 검사하고 과제마다 점수를 줍니다.",
      "#",
      `# 과제 (설명: ${readme}):`,
      tasks,
      "#",
      ...(answers ? [`# 답은 이 폴더의 ${answers}에 적습니다. 값을 직접 채우거나, 이 스크립트가 파일을 쓰게 해도`, "# 됩니다(스크립트는 이 폴더에서 실행됩니다)."] : []),
      "# 아래 명령을 과제를 해내는 kubectl 명령으로 바꾸십시오.",
    ].join("\n"),
  stubTask: ({ n, title, points }) => `#   ${n}. ${title} (${points}점)`,
  learnerReadme: ({ rows, first, repository, install }) => `# 쿠버네티스 실습

실제 쿠버네티스 클러스터에서 하는 실습입니다. 채점은
[grade](https://github.com/${repository})가 합니다.

| 실습 | 할 일 | 점수 |
|---|---|---|
${rows}

## 제출할 것

실습마다 \`work/<exercise>/\` 폴더에:

- \`solution.sh\`: 실습의 과제를 해내는 명령. 푸시할 때마다 자동 채점이 실습의 시작 매니페스트를
  배포한 새 클러스터를 시작하고, 거기서 이 스크립트를 실행한 다음(\`KUBECONFIG\` 설정, 스크립트의
  폴더에서 실행) 클러스터를 검사합니다.
- \`answers.yaml\`: 실습의 질문에 대한 답(값을 직접 채우거나, 스크립트가 파일을 쓰게 해도 됩니다).

푸시한 다음 **Actions** 탭에서 **Autograding Tests** 실행을 여십시오. 과제별 점수와, 잃은 점수마다
무엇을 기대했고 무엇을 찾았는지, 그리고 힌트를 보여 줍니다.

## 먼저 내 컴퓨터에서 해 보기

Docker, Node.js 22.22 이상, kubectl이 필요합니다.

\`\`\`sh
npm install --global ${install}
grade start ${first} --lang ko    # 시작 매니페스트를 배포한 클러스터. export KUBECONFIG=…를 알려 줍니다
export KUBECONFIG=$PWD/.grade/kubeconfig
kubectl get pods -o wide          # … 과제를 합니다 …
grade check --lang ko             # 과제별 점수와 점수를 잃은 이유
grade stop                        # 클러스터를 제거합니다
grade run ${first} --lang ko      # 자동 채점이 하는 일: 새 클러스터, 내 solution.sh, 검사
\`\`\`

\`--lang ko\`를 주거나 로캘이 한국어(\`LANG=ko_KR.UTF-8\`)이면 grade가 한국어로 말합니다.

\`exercises/\`와 \`.github/\`는 그대로 두십시오. 자동 채점이 읽는 파일입니다.
`,

  theReferenceSolution: "모범 답안",
  theUntouchedStarter: "손대지 않은 시작 상태",
  referenceNotGraded: ({ error }) => `모범 답안을 채점하지 못했습니다: ${error}`,
  starterNotGraded: ({ error }) => `손대지 않은 시작 상태를 채점하지 못했습니다: ${error}`,
  referenceOutput: ({ transcript }) => `모범 답안의 출력: ${transcript}`,
  selftestLine: ({ reference, starter }) => `모범 답안 ${reference}   시작 상태 ${starter}`,
  referenceCheckFailed: ({ task, check, errored, message }) => `모범 답안: "${task}" / "${check}" ${errored ? "오류" : "실패"}: ${message}`,
  referenceNotFull: ({ points, maxPoints }) => `모범 답안의 점수가 만점이 아닙니다: ${points}/${maxPoints}`,
  starterFull: ({ points, maxPoints }) => `손대지 않은 시작 상태가 만점(${points}/${maxPoints})입니다: 검사가 한 작업과 하지 않은 작업을 가려내지 못합니다`,
  starterUnexplained: ({ task, check, missing }) => `손대지 않은 시작 상태: "${task}" / "${check}": ${missing}`,
  erroredInstead: ({ message }) => `실패가 아니라 오류가 났습니다 (${message})`,
  noMessage: "메시지가 없습니다",
  noExpected: "무엇을 기대했는지 말하지 않습니다",
  noActual: "무엇을 찾았는지 말하지 않습니다",
  noHint: "힌트가 없습니다 (과제에 힌트를 주십시오)",
};
