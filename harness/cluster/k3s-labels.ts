/**
 * The Docker labels on every container and network grade starts: how `grade stop`, Ctrl-C and
 * tests find a cluster's parts again.
 */
export const GRADE_LABEL = "dev.grade.cluster";
export const EXERCISE_LABEL = "dev.grade.exercise";
/** One value per cluster: its containers and network are found (and removed) by it. */
export const RUN_LABEL = "dev.grade.run";
/**
 * A parent grade process (`grade batch`) may name a child's run, so that it can remove the child's
 * cluster by its run label should the child die without removing it itself.
 */
export const RUN_ID_ENV = "GRADE_RUN_ID";
/** The node a container runs, e.g. k3s-agent-1. */
export const NODE_LABEL = "dev.grade.node";
/**
 * GRADE_OWNER (optional) tags every cluster with who started it, so a CI job or a test run can
 * find and remove its own clusters while others run on the same Docker engine.
 */
const OWNER_LABEL = "dev.grade.owner";
export const ownerLabels = (env: NodeJS.ProcessEnv = process.env): Record<string, string> => (env.GRADE_OWNER ? { [OWNER_LABEL]: env.GRADE_OWNER } : {});
/** Docker label filters for grade's clusters: this owner's when GRADE_OWNER is set, else all. */
export const gradeLabelFilters = (env: NodeJS.ProcessEnv = process.env) => [`${GRADE_LABEL}=true`, ...(env.GRADE_OWNER ? [`${OWNER_LABEL}=${env.GRADE_OWNER}`] : [])];
