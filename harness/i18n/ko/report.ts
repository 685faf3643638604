import type { Messages } from "../en/index.ts";

export const report: Messages["report"] = {
  expected: "예상",
  actual: "실제",
  hint: "힌트",
  Hint: "힌트",
  note: "참고",
  Note: "참고",
  errorMark: "! 오류",
  score: ({ points, maxPoints }) => `점수: ${points}/${maxPoints}`,
  notGraded: "채점되지 않음",
  couldNotGrade: ({ count }) => `검사 ${count}개를 채점하지 못했습니다(! 오류). 작업이 잘못된 것이 아니라 채점기나 클러스터가 실패했습니다.`,
  tryAgain: "채점을 다시 실행하십시오. 계속 이러면 강사에게 알리십시오.",

  github: {
    notGraded: "채점되지 않음",
    graderError: ({ task }) => `${task} (채점기 또는 클러스터 오류)`,
    heading: ({ title, points, maxPoints }) => `${title} — ${points}/${maxPoints}점`,
    tableHeader: "| 과제 | 점수 | 상태 |",
    status: { pass: "✅ 통과", fail: "❌ 실패", error: "⚠️ 오류" },
    whatToFix: "고칠 것",
    errorLabel: "⚠️ 오류 (작업이 아니라 채점기나 클러스터의 문제)",
  },

  classroom: {
    graderError: ({ check, message }) => `${check}: ${message} (채점기나 클러스터 오류이며, 작업이 잘못된 것이 아닙니다)`,
    moreCharacters: ({ count }) => `… (${count}자 더 있음: 작업(job) 요약을 보십시오)`,
    testCode: ({ exercise, task }) => `grade ${exercise} (과제 ${task})`,
    noOutputFile: "classroom 결과 (GITHUB_OUTPUT이 설정되지 않음)",
  },

  junit: {
    loadTheExercise: "실습 불러오기",
    attempts: "시도 횟수",
  },

  reporterFailed: ({ reporter, error }) => `리포터 ${reporter} 실패: ${error}`,
  unknownReporter: ({ names, known }) => `알 수 없는 리포터: ${names}. ${known} 중 하나 이상을 쓰십시오.`,
  and: " 및 ",
  sameOutput: ({ names, file, example }) => `리포터 ${names} 모두 ${file} 파일에 쓰게 됩니다. 리포터마다 파일을 따로 주십시오. 예: --reporter ${example}.`,
  outputUnused: ({ file }) =>
    `--output ${file}은(는) json 또는 junit이 쓸 파일인데, 선택한 리포터 중 이 파일에 쓸 리포터가 없습니다. 예: --reporter json처럼 하나를 더하거나 --output을 빼십시오.`,
};
