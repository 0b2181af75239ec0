// Runs inside every card iframe: reports the card's height to the host page in every format a
// host may listen for, lets links work inside WordPress's sandbox, and (with ?live) swaps in the
// new figure when it changes. No cookies, no storage; its only request is the live update.
(function () {
  var d = document, up = parent, loc = location, q = loc.search;
  var m = /[#&]\?secret=([A-Za-z0-9]+)/.exec(loc.hash), secret = m && m[1], last = 0, retry;
  var pym = /[?&]childId=([^&]+)/.exec(q), slug = d.body.dataset.slug;
  function post() {
    // Before layout (a frame still 0 px wide) the height means nothing: look again shortly, since
    // a hidden frame (WordPress hides it until it hears a height) may get no resize callback.
    clearTimeout(retry);
    if (!innerWidth) { retry = setTimeout(post, 250); return; }
    var h = Math.ceil(d.body.getBoundingClientRect().height);
    if (up === window || !h || h === last) return;
    last = h;
    up.postMessage({ type: 'statcallouts:height', slug: slug, height: h }, '*');
    if (secret) up.postMessage({ secret: secret, message: 'height', value: h }, '*');
    if (pym) up.postMessage('pymxPYMx' + decodeURIComponent(pym[1]) + 'xPYMxheightxPYMx' + h, '*');
    var dw = {};
    dw[slug] = h;
    up.postMessage({ 'datawrapper-height': dw }, '*');
    up.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    up.postMessage(JSON.stringify({ src: loc.href, context: 'iframe.resize', height: h }), '*');
  }
  addEventListener('load', post);
  addEventListener('message', function (e) {
    // Asked again by the page: WordPress once its listener is ready, embed.js once it has loaded
    // (our height message, sent down without a height).
    var a = e.source === up && e.data;
    if (a && (a.type === 'statcallouts:height' || a.message === 'ready' && a.secret === secret)) { last = 0; post(); }
  });
  new ResizeObserver(post).observe(d.body);
  // WordPress's sandbox opens no new window and follows only links to the card's own host: a
  // source is reached through its page of ours (data-via), which sends the reader on to it.
  if (secret) d.addEventListener('click', function (e) {
    var a = e.target.closest('a[href]');
    if (a && a.getAttribute('href')[0] !== '#') {
      e.preventDefault();
      up.postMessage({ secret: secret, message: 'link', value: new URL(a.getAttribute('data-via') || a.href, loc).href }, '*');
    }
  });
  var events = d.body.dataset.events, source;
  function listen() {
    source = new EventSource(events);
    source.onmessage = function () {
      fetch(loc.href.split('#')[0], { cache: 'no-store', headers: { Accept: 'text/html' } }).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html'), main = d.querySelector('main');
        var next = fresh.querySelector('main'), n = /:root\{[^}]*--n:([\d.]+)/.exec(html);
        if (!next) return;
        main.style.opacity = 0;
        setTimeout(function () {
          main.innerHTML = next.innerHTML;
          main.className = next.className;
          if (n) d.documentElement.style.setProperty('--n', n[1]);
          main.style.opacity = 1;
          post();
        }, 150);
      });
      // A collection's stream follows the figures it had when it opened: open it again for the new set.
      if ('collection' in d.body.dataset) { source.close(); listen(); }
    };
  }
  if (events && /[?&]live(=1|=true)?(&|$)/.test(q) && window.EventSource) listen();
})();
