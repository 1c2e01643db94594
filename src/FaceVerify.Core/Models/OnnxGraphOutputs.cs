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
        var (keyStart, payloadStart, payloadLength) = FindGraph(model);

        var extra = new MemoryStream();
        foreach (var name in tensorNames)
        {
            var valueInfo = new MemoryStream();
            WriteLengthDelimited(valueInfo, ValueInfoNameField, System.Text.Encoding.UTF8.GetBytes(name));
            WriteLengthDelimited(extra, GraphOutputField, valueInfo.ToArray());
        }

        // Only the graph's length prefix changes: the fields before and after it, and the graph's own bytes, are copied as they are.
        var output = new MemoryStream(model.Length + (int)extra.Length + 16);
        output.Write(model[..keyStart]);
        WriteVarint(output, (ulong)((ModelGraphField << 3) | LengthDelimited));
        WriteVarint(output, (ulong)(payloadLength + extra.Length));
        output.Write(model.Slice(payloadStart, payloadLength));
        extra.WriteTo(output);
        output.Write(model[(payloadStart + payloadLength)..]);
        return output.ToArray();
    }

    /// <summary>Walks the top-level fields (so a truncated or foreign file is refused whole) and returns where the first graph is.</summary>
    private static (int KeyStart, int PayloadStart, int PayloadLength) FindGraph(ReadOnlySpan<byte> model)
    {
        (int, int, int)? graph = null;
        var i = 0;
        while (i < model.Length)
        {
            var start = i;
            var key = ReadVarint(model, ref i);
            var wire = (int)(key & 7);
            ulong skip;
            switch (wire)
            {
                case 0: ReadVarint(model, ref i); skip = 0; break;
                case 1: skip = 8; break;
                case 5: skip = 4; break;
                case LengthDelimited: skip = ReadVarint(model, ref i); break;
                default: throw new InvalidDataException($"not an ONNX model: wire type {wire} at byte {start}");
            }
            if (skip > (ulong)(model.Length - i)) throw new InvalidDataException("not an ONNX model: truncated field");
            if (wire == LengthDelimited && (int)(key >> 3) == ModelGraphField) graph ??= (start, i, (int)skip);
            i += (int)skip;
        }
        return graph ?? throw new InvalidDataException("not an ONNX model: no graph");
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

    private static void WriteLengthDelimited(MemoryStream output, int field, byte[] payload)
    {
        WriteVarint(output, (ulong)((field << 3) | LengthDelimited));
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload);
    }

    private static void WriteVarint(MemoryStream output, ulong value)
    {
        while (value >= 0x80) { output.WriteByte((byte)(value | 0x80)); value >>= 7; }
        output.WriteByte((byte)value);
    }
}
