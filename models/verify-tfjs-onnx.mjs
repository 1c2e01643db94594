// Checks a tfjs-to-onnx conversion: runs the TF.js graph model with the pure-JavaScript CPU backend and
// the converted ONNX model with onnxruntime-node on the same real face crops, and prints the largest
// absolute difference of the outputs. A development check, not part of setup: its packages are not
// in the repo. Install them anywhere, e.g.
//   npm install --ignore-scripts --prefix DEPS @tensorflow/tfjs-core@4.22.0 @tensorflow/tfjs-backend-cpu@4.22.0 \
//     @tensorflow/tfjs-converter@4.22.0 onnxruntime-node@1.30.0 jpeg-js@0.4.4
// Usage: node verify-tfjs-onnx.mjs DEPS model.json model.onnx [--output NODE] [--scale sym|unit|raw] face1.jpg [face2.jpg ...]
// Each picture is centre-cropped to its middle 45% (LFW-style 250x250 pictures put the face there)
// and resized bilinearly to the model's input, RGB, scaled (x-127.5)/128 (sym, default), x/255 (unit) or 0..255 (raw).
// --output names the TF.js node compared with the ONNX model's output (as given to tfjs-to-onnx.mjs).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i < 0 ? fallback : args.splice(i, 2)[1]; };
const outputNode = option("--output", undefined), scaling = option("--scale", "sym");
const [deps, modelJsonPath, onnxPath, ...pictures] = args;
if (!pictures.length) { console.error("usage: node verify-tfjs-onnx.mjs DEPS model.json model.onnx face.jpg..."); process.exit(2); }
const require = createRequire(join(deps, "node_modules", "x.js"));
const tf = require("@tensorflow/tfjs-core");
require("@tensorflow/tfjs-backend-cpu");
const tfconv = require("@tensorflow/tfjs-converter");
const ort = require("onnxruntime-node");
const jpeg = require("jpeg-js");

await tf.setBackend("cpu");
const modelJson = JSON.parse(readFileSync(modelJsonPath, "utf8"));
const group = modelJson.weightsManifest[0];
const weightData = Buffer.concat(group.paths.map((p) => readFileSync(join(dirname(modelJsonPath), p))));
const model = await tfconv.loadGraphModel(tf.io.fromMemory({
  modelTopology: modelJson.modelTopology, weightSpecs: group.weights,
  weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.length),
}));
const session = await ort.InferenceSession.create(onnxPath, { intraOpNumThreads: 1 });
const size = model.inputs[0].shape[1];

function crop(file) {
  const img = jpeg.decode(readFileSync(file), { useTArray: true });
  const side = Math.min(img.width, img.height) * 0.45;
  const x0 = (img.width - side) / 2, y0 = (img.height - side) / 2;
  const out = new Float32Array(size * size * 3);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const sx = x0 + ((x + 0.5) * side) / size - 0.5, sy = y0 + ((y + 0.5) * side) / size - 0.5;
    const ix = Math.floor(sx), iy = Math.floor(sy), fx = sx - ix, fy = sy - iy;
    for (let c = 0; c < 3; c++) {
      const p = (xx, yy) => img.data[(Math.min(img.height - 1, Math.max(0, yy)) * img.width + Math.min(img.width - 1, Math.max(0, xx))) * 4 + c];
      const v = (p(ix, iy) * (1 - fx) + p(ix + 1, iy) * fx) * (1 - fy) + (p(ix, iy + 1) * (1 - fx) + p(ix + 1, iy + 1) * fx) * fy;
      out[(y * size + x) * 3 + c] = scaling === "raw" ? v : scaling === "unit" ? v / 255 : (v - 127.5) / 128;
    }
  }
  return out;
}

let worst = 0;
for (const file of pictures) {
  const input = crop(file);
  const t = tf.tensor4d(input, [1, size, size, 3]);
  const expected = model.execute(t, outputNode);
  const a = await (Array.isArray(expected) ? expected[0] : expected).data();
  const planar = new Float32Array(input.length); // the ONNX model takes NCHW
  for (let i = 0; i < size * size; i++) for (let c = 0; c < 3; c++) planar[c * size * size + i] = input[3 * i + c];
  const result = await session.run({ [session.inputNames[0]]: new ort.Tensor("float32", planar, [1, 3, size, size]) });
  const b = result[session.outputNames[0]].data;
  if (a.length !== b.length) throw new Error(`${file}: ${a.length} outputs from TF.js, ${b.length} from ONNX`);
  let diff = 0, norm = 0;
  for (let i = 0; i < a.length; i++) { diff = Math.max(diff, Math.abs(a[i] - b[i])); norm += a[i] * a[i]; }
  worst = Math.max(worst, diff);
  console.log(`${file.split("/").pop()}: ${a.length} values, |tfjs| ${Math.sqrt(norm).toFixed(4)}, max abs difference ${diff.toExponential(2)} (relative to the largest |value| ${(diff / Math.max(...a.map(Math.abs))).toExponential(2)})`);
  tf.dispose([t, expected]);
}
console.log(`max abs difference over ${pictures.length} pictures: ${worst.toExponential(2)}`);
