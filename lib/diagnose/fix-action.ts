// What a fix asks the reader to *do*, as a key, so that merged causes say each action once
// (issue 18): "Refresh the access token (refresh-token grant…)", "Refresh or re-obtain the access
// token for this API" and "Refresh the token (or sign in again) and retry" are one action,
// "refresh token", worded by three rules. Fixes are imperative sentences written for people; the
// key is the first clause's verb and the head noun of its object, read the same way for every
// fix, so a new rule's wording joins the right action without a table of sentences.

/** Verbs that name the same action. Only true synonyms: "get" or "check" mean too many things. */
const SAME_VERB: ReadonlyMap<string, string> = new Map([
  ['renew', 'refresh'],
  ['re-obtain', 'refresh'],
  ['reobtain', 'refresh'],
  ['re-issue', 'refresh'],
  ['reissue', 'refresh'],
  // Distinct verbs only when their object is the same: "acquire a new token" is "refresh token".
  ['acquire', 'refresh'],
  ['obtain', 'refresh'],
  ['fetch', 'refresh'],
  ['re-authenticate', 'sign-in'],
  ['reauthenticate', 'sign-in'],
  ['log-in', 'sign-in'],
  ['login', 'sign-in'],
  ['sign-in', 'sign-in'],
  ['synchronise', 'sync'],
  ['synchronize', 'sync'],
  ['verify', 'check'],
  ['confirm', 'check'],
  ['inspect', 'check'],
  ['make-sure', 'check'],
  ['ensure', 'check'],
]);

/** Words that end the object's noun phrase: what follows says how, where or why, not what. */
const PHRASE_END = new Set([
  'and',
  'or',
  'then',
  'for',
  'with',
  'in',
  'on',
  'to',
  'into',
  'from',
  'at',
  'by',
  'before',
  'after',
  'until',
  'rather',
  'so',
  'that',
  'which',
  'when',
  'if',
  'unless',
  'instead',
  'as',
  'via',
  'through',
  'without',
  'again',
  'first',
  'right',
]);

/** A determiner after the object starts a second noun phrase ("the credential the server expects"). */
const DETERMINER = new Set(['the', 'a', 'an', 'this', 'that', 'your', 'its', 'their', 'each', 'every']);

/** Two-word verbs written as one key ("sign in", "log in", "make sure"). */
const PHRASAL = /\b(sign|log|make) (in|on|sure)\b/g;

function words(clause: string): string[] {
  return (
    clause
      .toLowerCase()
      .replace(PHRASAL, '$1-$2')
      .replace(/\bdo not |\bdon't |\bnever /g, 'not-')
      // Stryker disable next-line Regex: splitting at each space leaves empty words, which the filter drops
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').replace(/'s$/, ''))
      .filter(Boolean)
  );
}

/**
 * The action a fix names: "<audience>: verb object-head", e.g. "refresh token",
 * "site owners: find id". Code spans count as words ("set access-control-allow-origin").
 */
export function fixAction(fix: string): string {
  let text = fix.replace(/`([^`]*)`/g, (_m, code: string) => code.replace(/[\s:;,.]+/g, '-'));
  text = text.replace(/\([^)]*\)/g, ' ');
  // "Site owners: …" addresses someone; the action follows the colon. A vocative names people
  // without an article; "Decode the token: check exp…" or "Reduce the call rate: cache…" is the
  // action itself, then how.
  let audience = '';
  // (Spaces after the colon are dropped by words().)
  const addressed = /^([^:]{1,30}):\s(.+)/.exec(text);
  if (addressed) {
    const vocative = words(addressed[1]!);
    if (vocative.length <= 3 && !vocative.some((w) => DETERMINER.has(w))) {
      audience = `${vocative.join(' ')}: `;
      text = addressed[2]!;
    }
  }
  const clause = text.split(/[:;,.!?]\s|[:;,.!?]$| — | - /)[0] ?? text;
  const w = words(clause);
  if (w.length === 0) return audience + fix.trim().toLowerCase();
  let i = 1;
  // "Refresh or re-obtain the token": the alternatives name one action. (With nothing after the
  // alternative the object is empty and the clause is the action, skipped or not.)
  while (w[i] === 'or') i += 2;
  const verb = SAME_VERB.get(w[0]!) ?? w[0]!;
  const object: string[] = [];
  for (; i < w.length && !PHRASE_END.has(w[i]!); i++) {
    if (object.length > 0 && DETERMINER.has(w[i]!) && !DETERMINER.has(object[object.length - 1]!)) break;
    object.push(w[i]!);
  }
  // "credentials" and "credential" name one thing.
  const head = object[object.length - 1]?.replace(/(?<=\p{L}{3})s$/u, '');
  // No object ("Check that…", "Wait for…"): the action is in the rest of the clause; merge only
  // wordings that say the same.
  return `${audience}${verb} ${head ?? w.slice(1).join(' ')}`.trimEnd();
}

/**
 * Fixes of several causes merged into one: each cause's own list is kept as its rule wrote it,
 * and a later cause adds only fixes for actions not yet named.
 */
export function mergeFixes(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const actions = new Set<string>();
  for (const list of lists) {
    // Stryker disable next-line ArrayDeclaration: a seed element would be a key no fix has
    const added: string[] = [];
    for (const f of list) {
      const key = fixAction(f);
      if (actions.has(key) || out.includes(f)) continue;
      added.push(key);
      out.push(f);
    }
    for (const k of added) actions.add(k);
  }
  return out;
}
