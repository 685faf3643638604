import type { Messages } from "../en/index.ts";

export const batch: Messages["batch"] = {
  grading: ({ count, exercise }) => `${exercise}의 제출물 ${count}개를 채점합니다`,
  ofAShard: ({ shard, total }) => ` (학습자 ${total}명인 반의 샤드 ${shard})`,
  atATime: ({ parallel, why, deadline }) => `, 한 번에 ${parallel}개씩 (${why}), 제출물마다 제한 시간 ${deadline}`,
  portTurns: ({ ports }) => `, 포트 ${ports}: 학습자 스크립트는 한 번에 하나씩`,
  byMemory: ({ memory, count, each, atLeastOne }) => `${memory}: ${count}개까지 (하나에 ${each} MiB)${atLeastOne ? ", 최소 1개" : ""}`,
  freeMemory: ({ gib }) => `남은 메모리 ${gib} GiB`,
  byCores: ({ cores, perCore }) => `코어 ${cores}개 × ${perCore}`,
  portsBusy: ({ ports, exercise }) =>
    `이 머신의 포트가 이미 쓰이고 있습니다: ${ports}. ${exercise}의 검사는 거기서 학습자마다 \`kubectl proxy\`에 접속하므로, batch에는 이 포트가 비어 있어야 합니다. 이 포트에서 듣고 있는 것을 멈추고(\`ss -ltnp\`가 알려 줍니다) grade batch를 다시 실행하십시오.`,
  couldNotRun: ({ error }) => `grade batch가 이 제출물에 grade를 실행하지 못했습니다: ${error}`,
  notStarted: "시작하지 못함: 먼저 batch가 중단되었습니다",
  stopping: ({ signal, count }) => `${signal}: 실행 중인 제출물 ${count}개를 멈추고(각자 클러스터를 제거합니다) 성적부를 쓰는 중…`,

  interruptedWhileGraded: "이 제출물을 채점하는 동안 batch가 중단되었습니다",
  clusterFailed: "클러스터가 실패했습니다",
  interruptedByOther: "batch가 보내지 않은 신호로 grade run이 중단되었습니다",
  killedBy: ({ signal }) => `${signal} 신호로 강제 종료`,
  exitedWith: ({ exitCode }) => `종료 코드 ${exitCode ?? "없음"}`,
  noResult: ({ how, why }) => `grade run이 결과를 남기지 않고 끝났습니다 (${how})${why ? `: ${why}` : ""}`,
  portWasBusy: ({ ports }) => `이 스크립트가 실행될 때 다른 프로그램이 포트를 쓰고 있었습니다(${ports}). 포트 검사 결과가 틀릴 수 있습니다`,
  clusterLeftBehind: ({ containers }) => `남겨진 클러스터(컨테이너 ${containers}개)를 제거했습니다`,
  processesKilled: "스크립트가 남긴 프로세스를 강제 종료했습니다",
  timedOut: ({ deadline, killed, log }) => `채점이 ${deadline} 안에 끝나지 않아 멈췄습니다${killed ? " (강제 종료)" : ""}. 어디까지 했는지는 ${log}에 있습니다`,
  noScriptInRepository: ({ script }) => `제출물에 ${script} 파일이 없습니다`,
  noScriptAtAll: ({ script, name }) => `제출물에 ${script} 파일도, ${name} 파일도 없습니다`,

  startedGrading: ({ learner, status }) => `… ${learner}: 채점 중 · ${status}`,
  done: ({ done, total }) => `${done}/${total} 완료`,
  running: ({ learners }) => `실행 중: ${learners}`,
  noneRunning: "실행 중인 것 없음",
  queued: ({ count }) => `대기 ${count}개`,
  etaUnknown: "남은 시간은 첫 채점이 끝나면 계산합니다",
  eta: ({ duration }) => `남은 시간 약 ${duration}`,

  columns: { learner: "학습자", points: "점수", status: "상태", time: "시간", note: "참고" },
  submissions: ({ count }) => `제출물 ${count}개`,
  graded: ({ count, withoutScript }) => `채점 ${count}개${withoutScript > 0 ? ` (스크립트 없음 ${withoutScript}개)` : ""}`,
  notGradedCount: ({ count }) => `채점되지 않음 ${count}개`,
  mean: ({ mean, maxPoints }) => `평균 ${mean}/${maxPoints}`,
  took: ({ duration }) => `걸린 시간 ${duration}`,
  whereItIs: ({ csv, learners }) => `성적부: ${csv}. 학습자마다의 보고서, 로그, 작업: ${learners}/`,
  notGraded: ({ learners }) => `채점되지 않음: ${learners}. 무슨 일이 있었는지는 각자의 grade.log에 있습니다. 원인을 고친 다음 다시 채점하십시오.`,

  notAGradebook: ({ dir, file }) => `성적부가 아닙니다: ${dir}. ${file} 파일이 없습니다 (grade batch --out ${dir} 명령이 만듭니다)`,
  unreadableGradebook: ({ file, problems }) => `grade가 읽을 수 있는 성적부가 아닙니다: ${file}: ${problems}`,
  folderNotEmpty: ({ dir, files }) => `${dir}에 이미 다른 파일이 있습니다. --out으로 비어 있거나 새 폴더를 고르십시오 (성적부는 ${files}입니다)`,
  nothingToMerge: "grade batch merge에는 합칠 성적부 폴더가 필요합니다. 예: grade batch merge shard-1 shard-2 --out gradebook",
  mergeIntoItself: ({ out }) => `--out ${out}: 합치는 성적부 중 하나입니다. 합친 결과는 따로 폴더를 주십시오`,
  otherExercise: ({ dir, exercise, first, firstExercise }) =>
    `${dir}: ${exercise} 성적부의 과제가 ${first}(${firstExercise}) 성적부와 다릅니다. 같은 실습의 성적부만 합칠 수 있습니다`,
  otherSplits: ({ splits }) => `성적부들이 서로 다르게 나눈 샤드에서 왔습니다 (${splits}). 한 batch의 샤드들을 합치십시오`,
  gradedTwice: ({ learner, first, second }) => `${learner}: 두 성적부(${first}, ${second})에서 모두 채점되었습니다. 한 샤드를 두 번 주었습니까?`,
  shardMissing: ({ shard }) => `샤드 ${shard}의 성적부가 없습니다: 다시 채점하십시오`,
  noGradebookGiven: "이 학습자를 담은 성적부가 주어지지 않았습니다: 다시 채점하십시오",
  badShard: ({ shard }) =>
    `--shard ${shard}: 1 ≤ I ≤ N인 I/N 형식이어야 합니다. 예: 넷 중 첫째는 --shard 1/4 (작업 매트릭스에서는 --shard \${{ matrix.shard }}/4)`,
  noSubmissionsFolder: ({ dir, script }) =>
    `제출물 폴더가 없습니다: ${dir}. 학습자마다 하위 폴더 하나(과제 저장소의 클론, 또는 ${script} 파일이 든 폴더)를 담은 폴더를 주십시오`,
  noSubmissions: ({ dir, script }) =>
    `${dir}에 제출물이 없습니다. 학습자마다 작업을 하위 폴더 하나에 넣으십시오(과제 저장소의 클론, 또는 ${script} 파일이 든 폴더)`,
  badParallel: ({ value }) => `--parallel ${value}: 한꺼번에 채점할 제출물 수를 1 이상의 정수로 주십시오`,
  badTimeout: ({ value }) => `--timeout ${value}: 90s나 20m 같은 시간을 주십시오 (제출물마다의 제한 시간)`,
};
