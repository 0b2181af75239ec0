// Opens N server-sent event streams on one figure, then changes the figure once and reports how
// long each reader took to get the event. Usage: node sse-fanout.mjs BASE SLUG N TOKEN
import http from 'node:http';

const [base, slug, count, token] = [process.argv[2], process.argv[3], Number(process.argv[4]), process.argv[5]];
const url = new URL(`/embed/${slug}/events`, base);
let open = 0;
const received = [];
let changedAt = 0;

// Readers come from many addresses, as real ones do: 50 per loopback address (127.0.1.x, 127.0.2.x…),
// well inside the service's streams-per-address cap.
const PER_ADDRESS = 50;
let connected = 0;

function connect() {
  const n = connected++;
  const localAddress = `127.0.${1 + Math.floor(n / PER_ADDRESS / 250)}.${1 + (Math.floor(n / PER_ADDRESS) % 250)}`;
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, localAddress, headers: { Accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream refused: HTTP ${res.statusCode}`));
        return;
      }
      let opened = false;
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        if (!opened) { opened = true; open++; resolve(); }
        if (changedAt && chunk.includes('data:')) received.push(performance.now() - changedAt);
      });
    });
    req.on('error', reject);
  });
}

const t0 = performance.now();
for (let i = 0; i < count; i += 100) {
  await Promise.all(Array.from({ length: Math.min(100, count - i) }, connect));
}
console.log(`streams open: ${open} in ${(performance.now() - t0).toFixed(0)} ms`);

const figure = await (await fetch(new URL(`/api/stats/${slug}`, base))).json();
const body = {
  slug: figure.slug, value: String(Number(figure.value) + 1), display: figure.display, label: figure.label,
  context: figure.context, asOf: figure.asOf, locale: figure.locale, sources: figure.sources, tags: figure.tags,
  asOfPrecision: figure.asOfPrecision, status: figure.status, note: 'fan-out benchmark', change: 'update',
};
changedAt = performance.now();
const res = await fetch(new URL(`/api/stats/${slug}`, base), {
  method: 'PUT', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'If-Match': '*' }, body: JSON.stringify(body),
});
const written = performance.now() - changedAt;
const deadline = Date.now() + 10000;
while (received.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
received.sort((a, b) => a - b);
const pct = (p) => received[Math.min(received.length - 1, Math.floor(p * received.length))].toFixed(1);
console.log(`PUT answered ${res.status} in ${written.toFixed(1)} ms`);
console.log(`readers with the change: ${received.length}/${count}`);
if (received.length) console.log(`latency from PUT sent, ms: p50 ${pct(0.5)}  p99 ${pct(0.99)}  last ${received[received.length - 1].toFixed(1)}`);
process.exit(0);
