// CI runners read every line a job prints, on stdout and stderr, looking for commands:
// - GitHub Actions workflow commands, `::name args::value` at the start of a line after leading
//   white space (actions/runner ActionCommand.TryParseV2 trims with .NET's Char.IsWhiteSpace), and
//   the legacy `##[name args]value` form anywhere in a line (ActionCommand.TryParse: IndexOf);
//   https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// - Azure Pipelines logging commands, `##vso[area.action …]` anywhere in a line;
//   https://learn.microsoft.com/azure/devops/pipelines/scripts/logging-commands
// - TeamCity service messages, `##teamcity[…]`;
//   https://www.jetbrains.com/help/teamcity/service-messages.html
// Captured text (a URL, a body quoting `##[error]`, a trace entry's name) is attacker-controlled:
// printed raw, it could stop command processing (`::stop-commands::`), set outputs or fail a
// step. Every line Why403 prints goes through ciSafe(): the two characters that open a command
// are split by something the runner does not skip and the reader of that format does not see.

/**
 * What a printed text is, which decides how a sequence is split so the document stays what it was:
 * - `json`: `\u0023` / `\u003a`, JSON's own escapes, so a parser reads back the identical value;
 * - `xml` (JUnit, HTML): `&#35;` / `&#58;`, character references with the same property;
 * - `github`: workflow-command output; Why403's own `::error`/`::warning`/`::notice` lines are
 *   kept, the rest is neutralised as text (a captured value can never start a line there: its
 *   data is %-escaped, so CR and LF are `%0D`/`%0A`);
 * - `text`: anything read by a person (text, Markdown, exports, help, errors): U+2060 WORD JOINER,
 *   which is invisible and renders the text unchanged.
 */
export type CiOutputKind = 'text' | 'json' | 'xml' | 'github';

const SPLIT: Record<CiOutputKind, { hash: string; colon: string }> = {
  text: { hash: '#\u2060', colon: ':\u2060' },
  github: { hash: '#\u2060', colon: ':\u2060' },
  json: { hash: '\\u0023', colon: '\\u003a' },
  xml: { hash: '&#35;', colon: '&#58;' },
};

// `##` + a name (vso, teamcity, none for GitHub's legacy form, any future one) + `[`. Case-insensitive:
// the Azure agent compares the prefix ordinally ignoring case. The first `#` is the one replaced.
const HASH_COMMAND = /#(?=#[a-z0-9._-]*\[)/gi;
// `::` after a line's leading white space. .NET's white space also counts U+001C–U+001F and U+0085,
// which JavaScript's \s does not; the line breaks here (JS `^` with m) are a superset of ReadLine's.
// eslint-disable-next-line no-control-regex -- .NET white space includes these controls
const COLON_COMMAND = /^([\s\u001c-\u001f\u0085]*):(?=:)/gm;
// Why403's own annotations (cli/format/github.ts): the name, an optional property list, `::`.
const OWN_ANNOTATION = /^::(?:error|warning|notice)(?: [^:\r\n]*)?::/;

function neutralise(text: string, kind: CiOutputKind): string {
  const split = SPLIT[kind];
  return text
    .replace(HASH_COMMAND, () => split.hash)
    .replace(COLON_COMMAND, (_m, space: string) => `${space}${split.colon}`);
}

/** `text` with every CI command opener split, so no runner acts on it; see CiOutputKind. */
export function ciSafe(text: string, kind: CiOutputKind): string {
  if (kind !== 'github') return neutralise(text, kind);
  // Line by line, so only a line that *is* one of our annotations keeps its leading `::`.
  return text
    .split('\n')
    .map((line) => {
      const own = OWN_ANNOTATION.exec(line);
      return own ? own[0] + neutralise(line.slice(own[0].length), kind) : neutralise(line, kind);
    })
    .join('\n');
}
