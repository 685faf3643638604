import { Help, type Command } from "commander";
import stringWidth from "string-width";
import { t } from "./messages.ts";

/**
 * Makes commander speak the language grade speaks: its help's titles ("Usage:", "Options:") and
 * "(default: …)", its error lines, and its columns measured in display width (a Korean syllable
 * takes two). Set on the program before its commands are added: they inherit it.
 */
export function speakTheLanguage(program: Command): Command {
  return program
    .configureHelp({
      styleTitle: (title) => t().help.titles[title as keyof ReturnType<typeof t>["help"]["titles"]] ?? title,
      displayWidth: (text) => stringWidth(text),
      optionDescription(option) {
        return Help.prototype.optionDescription.call(this, option).replace("(default: ", `(${t().help.default}: `);
      },
    })
    .configureOutput({ outputError: (text, write) => write(commanderError(text)) })
    .helpOption("-h, --help", t().help.help)
    .helpCommand("help [command]", t().help.help);
}

/**
 * One of commander's error lines in the language grade speaks. The lines are commander's own
 * (English); each known one is recognised and said again from the catalogue, anything else is
 * left as commander wrote it.
 */
export function commanderError(text: string): string {
  const say = t().help.commander;
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: unknown option '([^']*)'/m, (m) => say.unknownOption({ option: m[1]! })],
    [/^error: unknown command '([^']*)'/m, (m) => say.unknownCommand({ command: m[1]! })],
    [/^error: missing required argument '([^']*)'/m, (m) => say.missingArgument({ argument: m[1]! })],
    [/^error: option '([^']*)' argument missing/m, (m) => say.optionArgumentMissing({ option: m[1]! })],
    [/^error: required option '([^']*)' not specified/m, (m) => say.requiredOption({ option: m[1]! })],
    [
      /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+): (.*)\.$/m,
      (m) => say.tooManyArguments({ command: m[1], expected: Number(m[2]), received: Number(m[3]), details: m[4]! }),
    ],
    [/^\(Did you mean one of (.*)\?\)$/m, (m) => say.didYouMeanOneOf({ suggestions: m[1]! })],
    [/^\(Did you mean (.*)\?\)$/m, (m) => say.didYouMean({ suggestions: m[1]! })],
  ];
  return rules.reduce((out, [pattern, said]) => out.replace(pattern, (...match) => said(match as unknown as RegExpExecArray)), text);
}
