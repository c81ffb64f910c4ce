// `s.replace(/=+$/, '')` retries the run from every position when the text does not end in
// it (64 KB of "=" then "x" is billions of steps); these loops look at each character once.

/** `s` without the trailing run of `ch`. */
export function trimEndChar(s: string, ch: string): string {
  // s[-1] is undefined, never `ch`: the loop stops at the start by itself.
  let end = s.length;
  while (s[end - 1] === ch) end--;
  return s.slice(0, end);
}

/** `s` without the leading and trailing runs of `ch`. */
export function trimChar(s: string, ch: string): string {
  let start = 0;
  while (s[start] === ch) start++;
  return trimEndChar(s.slice(start), ch);
}
