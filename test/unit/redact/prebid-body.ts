// A header-bidding bid response, built to a size: the shape of the bodies a page's Prebid.js
// receives, with an ad's markup several encodings deep. Its shape comes from
// - Prebid Server's OpenRTB auction response (https://docs.prebid.org/prebid-server/endpoints/openrtb2/pbs-endpoint-auction.html,
//   "Sample response"; OpenRTB 2.5 §4.2.3 BidResponse/SeatBid/Bid: `id`, `seatbid[].bid[]` with
//   `impid`, `price`, `adm` (the ad markup, a string), `adomain`, `crid`, `w`, `h`, `ext.prebid`);
// - Go's encoding/json, which Prebid Server is written in: "String values encode as JSON strings
//   … the string is encoded using HTMLEscape, which replaces "<", ">", "&" … with "\u003c",
//   "\u003e", "\u0026"" (https://pkg.go.dev/encoding/json#Marshal);
// - the markup of a banner creative (OpenRTB `adm`): HTML whose attributes write `&` as `&amp;`
//   (HTML 5 §13.1.2.3), click-through URLs whose redirect target is a percent-encoded URL, itself
//   holding a percent-encoded landing URL (so `%253D`), 1×1 impression pixels with base64url
//   blobs, and an inline script with a JSON config (`\/` escapes, as JSON encoders may write `/`).
// Deterministic: a seeded generator picks ids and blobs.
import { rng } from '../inspect/support';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Secrets planted in the body, one per nesting depth (see prebidBody). */
export interface Planted {
  /** A JSON field of the response: `ext.debug.access_token`. */
  json: string;
  /** A pixel URL's `token=` in the ad's HTML, in a JSON string (`\u003c`, `\u0026amp;`). */
  html: string;
  /** `api_key=` in a percent-encoded redirect URL, in that HTML, in that JSON string. */
  percent: string;
  /** `password=` in a landing URL percent-encoded twice, in the redirect URL, in the HTML, in the JSON. */
  percent2: string;
  /** `"client_secret"` of a JSON config in an HTML attribute (`&quot;`), in the JSON string. */
  attrJson: string;
  /** `"authToken"` of the inline script's JSON config, in the JSON string. */
  script: string;
}

/** One creative's HTML: what `adm` holds. `plant` adds the planted secrets to it. */
function creative(rand: () => number, n: number, plant: Planted | null): string {
  const blob = (len: number) => Array.from({ length: len }, () => B64URL[Math.floor(rand() * 64)]).join('');
  const id = () => Math.floor(rand() * 1e9).toString();
  const landing =
    `https://shop.example.com/c/${id()}?utm_source=prebid&utm_medium=display&utm_campaign=${id()}` +
    (plant ? `&password=${plant.percent2}` : '');
  const redirect =
    `https://ad.doubleclick.net/ddm/trackclk/N${id()}.brand/B${id()};dc_trk_aid=${id()};dc_rdid=;` +
    `tag_for_child_directed_treatment=;tfua=;ltd=?${encodeURIComponent(landing)}` +
    (plant ? `&api_key=${plant.percent}` : '');
  const click =
    `https://nym1-ib.adnxs.com/click?${blob(120)}/cnd=%21${blob(12)}&amp;referrer=` +
    `${encodeURIComponent('https://www.example.org/html/default.asp')}&amp;redir=${encodeURIComponent(redirect)}`;
  const pixel = (host: string) =>
    `<img src="https://${host}/it?an_audit=0&amp;referrer=${encodeURIComponent('https://www.example.org/')}` +
    `&amp;e=${blob(180)}&amp;s=${id()}${plant && host.startsWith('nym1') ? `&amp;token=${plant.html}` : ''}" width="1" height="1"/>`;
  const config = {
    clickUrl: `https://nym1-ib.adnxs.com/click?${blob(60)}`,
    viewability: { js: 'https://cdn.adnxs.com/v/s/215/trk.js', interval: 200 },
    creativeId: Number(id()),
    ...(plant ? { authToken: plant.script } : {}),
  };
  const attr = JSON.stringify({ campaign: id(), ...(plant ? { client_secret: plant.attrJson } : {}) }).replace(
    /"/g,
    '&quot;',
  );
  return (
    `<!-- Creative ${id()} served by Xandr --><div id="crt-${n}" style="width:300px;height:250px;` +
    `position:relative" data-config="${attr}"><a href="${click}" target="_blank" rel="noopener">` +
    `<img src="https://tpc.googlesyndication.com/simgad/${id()}" width="300" height="250" alt="Advertisement"/></a>` +
    pixel('nym1-ib.adnxs.com') +
    pixel('secure.adnxs.com') +
    `<script type="text/javascript">window.apntag_cfg_${n} = ${JSON.stringify(config).replace(/\//g, '\\/')};` +
    `(function(){var s=document.createElement('script');s.src='https://acdn.adnxs.com/dmp/async_usersync.js';` +
    `s.async=true;document.body.appendChild(s);})();</script></div>`
  );
}

/** Go's encoding/json string escaping (HTMLEscape on): `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`. */
const goJson = (v: unknown) =>
  JSON.stringify(v).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/**
 * A bid response of about `size` characters: bids for `ceil` creatives, each `adm` a chain of
 * creatives (a wrapper ad holds several), the planted secrets in the first creative of the
 * middle bid when `plant` is given.
 */
export function prebidBody(size: number, plant: Planted | null = null, seed = 7): string {
  const rand = rng(seed);
  const bids: object[] = [];
  const bid = (adm: string, i: number) => ({
    id: `${Math.floor(rand() * 1e12)}`,
    impid: `div-gpt-ad-${1000 + i}-0`,
    price: Math.round(rand() * 500) / 100,
    adm,
    adomain: ['shop.example.com'],
    crid: `${Math.floor(rand() * 1e9)}`,
    w: 300,
    h: 250,
    ext: { prebid: { type: 'banner', targeting: { hb_pb: '1.20', hb_bidder: 'appnexus', hb_size: '300x250' } } },
  });
  const response = (bidList: object[]) => ({
    id: 'a3f0c1e2-7d4b-4e55-9b1a-2f6e8c9d0b11',
    seatbid: [{ seat: 'appnexus', bid: bidList }],
    cur: 'USD',
    ext: { responsetimemillis: { appnexus: 142 }, ...(plant ? { debug: { access_token: plant.json } } : {}) },
  });
  // Bids of four creatives each until the body reaches the size.
  let n = 0;
  for (;;) {
    const adm = Array.from({ length: 4 }, () => creative(rand, n++, null)).join('');
    bids.push(bid(adm, bids.length));
    if (goJson(response(bids)).length >= size) break;
  }
  if (plant) {
    const middle = Math.floor(bids.length / 2);
    const adm = creative(rand, n++, plant) + Array.from({ length: 3 }, () => creative(rand, n++, null)).join('');
    bids[middle] = bid(adm, middle);
  }
  return goJson(response(bids));
}
