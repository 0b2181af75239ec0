// Webhook deliveries under a stream of changes: a receiver on loopback, an endpoint registered
// for every figure event, then CHANGES corrections through the API (FIGURES figures changed in
// parallel, each one's changes in sequence). Prints the delivery latency (from the event's own
// timestamp, written in the change's transaction, to its arrival), duplicates, events missing
// and out of order per figure. Asserts nothing.
//
//   node bench/webhooks.mjs BASE_URL ADMIN_TOKEN [CHANGES] [FIGURES]
import http from 'node:http';

const [base, token, changesArg = '1000', figuresArg = '10'] = process.argv.slice(2);
const CHANGES = Number(changesArg);
const FIGURES = Number(figuresArg);
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

const arrivals = new Map(); // webhook-id -> [{at, type, slug, revision, created}]
let received = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const at = Date.now();
    const event = JSON.parse(body);
    const id = req.headers['webhook-id'];
    const list = arrivals.get(id) ?? [];
    list.push({ at, type: event.type, slug: event.data.slug, revision: event.data.revision, created: Date.parse(event.timestamp) });
    arrivals.set(id, list);
    received++;
    res.writeHead(204).end();
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const receiverUrl = `http://127.0.0.1:${server.address().port}/hook`;

const registered = await fetch(`${base}/api/webhooks`, {
  method: 'POST', headers: auth,
  body: JSON.stringify({ url: receiverUrl, events: ['stat.published', 'stat.corrected', 'stat.updated'], description: 'bench' }),
});
if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);
const webhook = (await registered.json()).webhook;

const run = Date.now().toString(36);
const slugs = Array.from({ length: FIGURES }, (_, i) => `bench-hook-${run}-${i}`);
const figure = (slug, value) => ({
  slug, value: String(value), display: { kind: 'count' }, label: 'webhook benchmark figure', asOf: '2026-11-01',
  locale: 'en', sources: [{ name: 'Bench', url: 'https://example.com/bench' }], status: 'published', change: 'correction',
});
for (const slug of slugs) {
  const r = await fetch(`${base}/api/stats`, { method: 'POST', headers: auth, body: JSON.stringify(figure(slug, 1)) });
  if (r.status !== 201) throw new Error(`create: ${r.status} ${await r.text()}`);
}
const perFigure = Math.ceil((CHANGES - FIGURES) / FIGURES);
const started = Date.now();
await Promise.all(slugs.map(async (slug) => {
  for (let i = 2; i <= perFigure + 1; i++) {
    const r = await fetch(`${base}/api/stats/${slug}`, { method: 'PUT', headers: { ...auth, 'if-match': '*' }, body: JSON.stringify(figure(slug, i)) });
    if (r.status !== 200) throw new Error(`update: ${r.status} ${await r.text()}`);
  }
}));
const expected = FIGURES * (perFigure + 1);
const writesSeconds = (Date.now() - started) / 1000;
const deadline = Date.now() + 120_000;
while (arrivals.size < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

const latencies = [];
let duplicates = 0;
const order = new Map();
let outOfOrder = 0;
for (const list of arrivals.values()) {
  duplicates += list.length - 1;
  latencies.push(list[0].at - list[0].created);
}
for (const list of [...arrivals.values()].map((l) => l[0]).sort((a, b) => a.at - b.at)) {
  const last = order.get(list.slug) ?? 0;
  if (list.revision < last) outOfOrder++;
  order.set(list.slug, Math.max(last, list.revision));
}
latencies.sort((a, b) => a - b);
const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
console.log(`changes committed: ${expected} (${FIGURES} figures, ${writesSeconds.toFixed(1)} s of writes)`);
console.log(`events received: ${arrivals.size} distinct, ${received} requests; missing ${expected - arrivals.size}, duplicates ${duplicates}, out of order per figure ${outOfOrder}`);
if (latencies.length) {
  console.log(`delivery latency (event committed -> received): p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${latencies[latencies.length - 1]} ms`);
}
await fetch(`${base}/api/webhooks/${webhook.id}`, { method: 'DELETE', headers: { ...auth, 'if-match': '*' } });
server.close();
