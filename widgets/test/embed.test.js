// Unit tests of embed.js, run with Node's built-in test runner (npm test, run by ./mvnw verify).
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const source = fs.readFileSync(path.join(__dirname, '..', 'embed.js'), 'utf8');

// Just enough of a browser for the script to start: no blockquotes on the page.
function load(context, frames = []) {
  const listeners = [];
  const window = {
    location: { href: 'https://news.example/article' },
    addEventListener: (type, fn) => listeners.push({ type, fn }),
    document: {
      currentScript: { src: 'https://stats.example/widgets/embed.js' },
      querySelectorAll: () => [],
      getElementsByTagName: () => frames,
      documentElement: {},
    },
  };
  window.window = window;
  const sandbox = Object.assign({ window, URL }, context);
  vm.runInNewContext(source, sandbox);
  return { window, listeners };
}

test('builds card URLs from data attributes', () => {
  const { StatCallouts } = load().window;
  assert.strictEqual(StatCallouts.cardUrl('https://s.example', { stat: 'rapidus-investment' }),
    'https://s.example/embed/rapidus-investment');
  assert.strictEqual(StatCallouts.cardUrl('https://s.example', { stat: 'genai', theme: 'dark', lang: 'ja', v: '2', live: '' }),
    'https://s.example/embed/genai?theme=dark&lang=ja&v=2&live');
  assert.strictEqual(StatCallouts.cardUrl('https://s.example', { collection: 'ai-by-the-numbers', live: 'false' }),
    'https://s.example/embed/c/ai-by-the-numbers');
  assert.strictEqual(StatCallouts.cardUrl('https://s.example', { stat: 'a b/../c' }),
    'https://s.example/embed/a%20b%2F..%2Fc');
});

test('accepts only its own height messages', () => {
  const { StatCallouts } = load().window;
  assert.strictEqual(StatCallouts.heightOf({ type: 'statcallouts:height', height: 231.2 }), 232);
  assert.strictEqual(StatCallouts.heightOf({ type: 'statcallouts:height', height: -5 }), null);
  assert.strictEqual(StatCallouts.heightOf({ type: 'statcallouts:height', height: '300' }), null);
  assert.strictEqual(StatCallouts.heightOf({ message: 'height', value: 300 }), null);
  assert.strictEqual(StatCallouts.heightOf('pymxPYMxidxPYMxheightxPYMx300'), null);
  assert.strictEqual(StatCallouts.heightOf(null), null);
});

test('asks the cards already on the page, and only ours, to report their height again', () => {
  const asked = [];
  const frame = (src) => ({ src, contentWindow: { postMessage: (data, origin) => asked.push({ src, data, origin }) } });
  load({}, [
    frame('https://stats.example/embed/rapidus-investment'),
    frame('https://stats.example/s/rapidus-investment'),
    frame('https://video.example/embed/123'),
    { src: 'https://stats.example/embed/c/ai', contentWindow: null },
  ]);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(asked)), [{
    src: 'https://stats.example/embed/rapidus-investment',
    data: { type: 'statcallouts:height' },
    origin: 'https://stats.example',
  }]);
});

test('is safe to include many times', () => {
  const { window, listeners } = load();
  const first = window.StatCallouts;
  vm.runInNewContext(source, { window, URL });
  assert.strictEqual(window.StatCallouts, first);
  assert.strictEqual(listeners.filter((l) => l.type === 'message').length, 1);
});

test('stays within its budget: 2 KB gzipped', () => {
  const gzipped = require('node:zlib').gzipSync(source, { level: 9 });
  assert.ok(gzipped.length <= 2048, `embed.js is ${gzipped.length} bytes gzipped`);
});

test('the card script stays within 1.1 KB gzipped', () => {
  const card = fs.readFileSync(path.join(__dirname, '..', 'card.js'), 'utf8')
    .replace(/^\s*\/\/.*\n/gm, '').replace(/^\s+/gm, '').trim();
  const gzipped = require('node:zlib').gzipSync(card, { level: 9 });
  assert.ok(gzipped.length <= 1126, `card.js is ${gzipped.length} bytes gzipped`);
});
