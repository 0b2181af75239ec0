// Stat Callouts embed script: <blockquote class="stat-callout" data-stat="SLUG">…</blockquote>
// <script async src="https://HOST/widgets/embed.js"></script>
// Replaces each such blockquote (now or added later) with the card's iframe, and sizes every
// card iframe of ours on the page (these, the iframe snippet's, an oEmbed consumer's) from the
// heights its own card reports. Safe to include many times; no cookies, no storage, no requests
// but the iframes.
(function (w) {
  var d = w.document;
  if (w.StatCallouts) return w.StatCallouts.scan();
  var script = d.currentScript || d.querySelector('script[src$="/widgets/embed.js"]');
  var origin = new URL(script.src, w.location.href).origin;

  // The card URL for a blockquote's data- attributes (stat or collection, theme, lang, v, live).
  function cardUrl(base, data) {
    var path = data.collection ? '/embed/c/' + encodeURIComponent(data.collection) : '/embed/' + encodeURIComponent(data.stat);
    var q = [];
    ['theme', 'lang', 'accent', 'v'].forEach(function (k) { if (data[k]) q.push(k + '=' + encodeURIComponent(data[k])); });
    if (data.live !== undefined && data.live !== 'false') q.push('live');
    return base + path + (q.length ? '?' + q.join('&') : '');
  }

  // The height in a message, if it is one of ours.
  function heightOf(data) {
    return data && data.type === 'statcallouts:height' && typeof data.height === 'number' && data.height > 0
      ? Math.ceil(data.height) : null;
  }

  function replace(quote) {
    if (quote.getAttribute('data-stat-callout-done')) return;
    quote.setAttribute('data-stat-callout-done', '1');
    var frame = d.createElement('iframe');
    frame.src = cardUrl(origin, quote.dataset);
    var text = quote.querySelector('p') || quote;
    frame.title = text.textContent.replace(/\s+/g, ' ').trim().slice(0, 200);
    frame.setAttribute('loading', 'lazy');
    // Cross-site, browsers send only the origin unless told otherwise; the article's address
    // (never anything about the reader) is what "Where used" lists.
    frame.setAttribute('referrerpolicy', 'no-referrer-when-downgrade');
    frame.setAttribute('scrolling', 'no');
    frame.className = 'stat-callout-frame';
    // Reserve the fallback's height until the card reports its own: no jump on load.
    frame.style.cssText = 'border:0;display:block;width:100%;max-width:' + (quote.dataset.width || 560) + 'px;height:'
      + Math.max(quote.offsetHeight, 120) + 'px';
    quote.parentNode.replaceChild(frame, quote);
  }

  function scan(root) {
    var quotes = (root || d).querySelectorAll('blockquote.stat-callout[data-stat], blockquote.stat-callout[data-collection]');
    for (var i = 0; i < quotes.length; i++) replace(quotes[i]);
  }

  w.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var h = heightOf(e.data);
    if (h === null) return;
    var frames = d.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = h + 'px';
    }
  });

  // This script loads async: a card already on the page may have reported its height before
  // anyone here listened. Ask each card frame of ours to report again (a frame not yet showing
  // our page drops the message and reports on its own load).
  function ask() {
    var frames = d.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow && frames[i].src.indexOf(origin + '/embed/') === 0) {
        frames[i].contentWindow.postMessage({ type: 'statcallouts:height' }, origin);
      }
    }
  }

  w.StatCallouts = { scan: scan, cardUrl: cardUrl, heightOf: heightOf };
  scan();
  ask();
  if (w.MutationObserver) new MutationObserver(function () { scan(); }).observe(d.documentElement, { childList: true, subtree: true });
})(window);
