// The closure's work budget (closure.ts discover): the characters it may read, and the characters
// of forms that values found through `\u` layers may cost, both in proportion to the input.

/** Characters the closure may read per character of input, plus a floor for small inputs. */
const BUDGET_FACTOR = 16;
const BUDGET_FLOOR = 1 << 20;
/**
 * And per character of a text's first MODERATE characters, this many more. The decodings of one
 * string nested a few layers deep multiply: each encoding decoded 0…k times, in every order that
 * gives a new text, and readStructured's strings again beside the whole text. A header-bidding
 * response (an ad's HTML `\u003c`-escaped in JSON, with `&amp;` and URLs percent-encoded twice in
 * it, one more `\/` level in its inline script: 3 × 3 × 2 variants of the body, and as many of
 * its strings) costs 26 times its size (test/unit/redact/prebid-body.ts); a 47 KB one in a real
 * capture cost more than 38. Up to 64 Ki characters a text may spend 64 per character; past that
 * the factor stays 16, so the dearest crafted text (256 KB in bench/pathological.ts) is read
 * at most 3 Mi characters more than before.
 */
const MODERATE_FACTOR = 48;
const MODERATE = 1 << 16;

/**
 * The work budget of one entry's closure: BUDGET_FLOOR plus BUDGET_FACTOR per character of its
 * texts (and MODERATE_FACTOR per character of each one's first MODERATE), dealt out per text.
 * Each root text brings its own quota (its length × the factors, and an equal share of the floor)
 * to what is left, so what one text leaves goes to the next. A text
 * that runs past what it may spend is withheld whole, and only it: it cannot spend the quota of a
 * text read after it. With one pool for the entry, a 1 MB web page that spent it left the
 * headers and the URL read after it withheld too.
 */
export class Budget {
  /** What the text being read may still spend. */
  left = 0;
  /** What the forms of values found through `\u` layers may still cost (SPELLED_FACTOR). */
  spelled = 0;
  private readonly share: number;
  constructor(texts: number) {
    this.share = Math.floor(BUDGET_FLOOR / Math.max(1, texts));
  }
  /** A root text begins: its quota joins what is left. */
  grant(length: number): void {
    this.left += this.share + BUDGET_FACTOR * length + MODERATE_FACTOR * Math.min(length, MODERATE);
    this.spelled += this.share + SPELLED_FACTOR * length;
  }
  take(n: number): boolean {
    if (this.left < n) return false;
    this.left -= n;
    return true;
  }
  /** Pays for forms of a value found through `\u` layers (forms.ts nestedForms). */
  takeSpelled(n: number): boolean {
    if (this.spelled < n) return false;
    this.spelled -= n;
    return true;
  }
}

/**
 * Characters of forms per character of a root text that values found in it through `\u` layers
 * may have indexed (forms.ts MAX_SPELLED). A token spelled twice over has forms of 36 times its
 * length, in up to 96 combinations of the layers (spelled or not, escaped again): 20 K to 3 M
 * characters for a 21-character token, 1 to 3 layers down. Real captures hold no such text; a
 * crafted 256 KB one may cost 64 Mi characters before it is withheld whole.
 */
const SPELLED_FACTOR = 256;
