// Runs inside every card iframe: tells the host page the card's height, and lets links work
// inside WordPress's sandbox. No cookies, no storage, no requests.
(function () {
  var up = window.parent;
  if (up === window) return;
  var m = /[#&]\?secret=([A-Za-z0-9]+)/.exec(location.hash), secret = m && m[1], last = 0;
  function post(force) {
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h === last && force !== true) return;
    last = h;
    if (secret) up.postMessage({ secret: secret, message: 'height', value: h }, '*');
    up.postMessage({ type: 'statcallouts:height', height: h }, '*');
  }
  addEventListener('load', post);
  addEventListener('message', function (e) {
    if (e.source === up && e.data && e.data.message === 'ready' && e.data.secret === secret) post(true);
  });
  if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
  else addEventListener('resize', post);
  if (secret) document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href]');
    if (a) { e.preventDefault(); up.postMessage({ secret: secret, message: 'link', value: a.href }, '*'); }
  });
})();
