namespace FaceVerify.Core.Models;

/// <summary>
/// Makes intermediate tensors of an ONNX model readable as extra graph outputs, so one inference yields both the
/// model's answer and a feature map computed on the way (the embedding network's 7×7 map, for the occlusion heads)
/// without a second network or a changed model file. It edits only the protobuf envelope: ModelProto.graph (field 7)
/// gets one GraphProto.output (field 12) ValueInfoProto per name, typed by ONNX Runtime's own shape inference.
/// </summary>
public static class OnnxGraphOutputs
{
    private const int ModelGraphField = 7;
    private const int GraphOutputField = 12;
    private const int ValueInfoNameField = 1;
    private const int LengthDelimited = 2;

    public static byte[] Expose(ReadOnlySpan<byte> model, IReadOnlyList<string> tensorNames)
    {
        if (tensorNames.Count == 0) return model.ToArray();
        var extra = new List<byte>();
        foreach (var name in tensorNames)
        {
            var nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
            var valueInfo = new List<byte>();
            WriteLengthDelimited(valueInfo, ValueInfoNameField, nameBytes);
            WriteLengthDelimited(extra, GraphOutputField, valueInfo.ToArray());
        }

        var output = new List<byte>(model.Length + extra.Count + 16);
        var found = false;
        var i = 0;
        while (i < model.Length)
        {
            var start = i;
            var key = ReadVarint(model, ref i);
            var field = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0: ReadVarint(model, ref i); break;
                case 1: i += 8; break;
                case 5: i += 4; break;
                case LengthDelimited:
                    var declared = ReadVarint(model, ref i);
                    if (declared > (ulong)(model.Length - i)) throw new InvalidDataException("not an ONNX model: truncated field");
                    var length = (int)declared;
                    if (field == ModelGraphField && !found)
                    {
                        found = true;
                        var graph = new List<byte>(length + extra.Count);
                        graph.AddRange(model.Slice(i, length).ToArray());
                        graph.AddRange(extra);
                        WriteLengthDelimited(output, ModelGraphField, graph.ToArray());
                        i += length;
                        continue;
                    }
                    i += length;
                    break;
                default: throw new InvalidDataException($"not an ONNX model: wire type {wire} at byte {start}");
            }
            if (i > model.Length) throw new InvalidDataException("not an ONNX model: truncated field");
            output.AddRange(model[start..i].ToArray());
        }
        if (!found) throw new InvalidDataException("not an ONNX model: no graph");
        return output.ToArray();
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (i >= data.Length) throw new InvalidDataException("not an ONNX model: truncated varint");
            var b = data[i++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw new InvalidDataException("not an ONNX model: varint too long");
    }

    private static void WriteLengthDelimited(List<byte> output, int field, byte[] payload)
    {
        WriteVarint(output, (ulong)((field << 3) | LengthDelimited));
        WriteVarint(output, (ulong)payload.Length);
        output.AddRange(payload);
    }

    private static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= 0x80) { output.Add((byte)(value | 0x80)); value >>= 7; }
        output.Add((byte)value);
    }
}
