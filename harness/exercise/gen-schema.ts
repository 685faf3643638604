// Writes exercises/exercise.schema.json from the zod schema, so editors complete and check exercise
// files. CI fails when the checked-in file differs from a fresh one.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { exerciseSchema } from "./schema.ts";

export const SCHEMA_FILE = "exercises/exercise.schema.json";

export function exerciseJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(exerciseSchema, { io: "input", unrepresentable: "any" }), null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(SCHEMA_FILE, exerciseJsonSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
