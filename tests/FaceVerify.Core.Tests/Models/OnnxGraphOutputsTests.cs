using FaceVerify.Core.Faces;
using FaceVerify.Core.Models;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Models;

/// <summary>Reading an intermediate tensor must not change the model's own answer, and must refuse what is not a model.</summary>
public sealed class OnnxGraphOutputsTests
{
    private static readonly ModelCatalog Catalog = new(Options.Create(new ModelOptions()));

    [Fact]
    public void The_exposed_feature_map_comes_with_an_unchanged_embedding()
    {
        var bytes = Catalog.VerifiedModelBytes("embedding");
        using var plain = new OnnxModel("embedding", bytes, 1, new InferenceMeter());
        using var exposed = new OnnxModel("embedding", OnnxGraphOutputs.Expose(bytes, ["507"]), 1, new InferenceMeter());
        var input = new float[3 * 112 * 112];
        var random = new Random(7);
        for (var i = 0; i < input.Length; i++) input[i] = (float)(random.NextDouble() * 2 - 1);

        var expected = plain.Run(input)[plain.OutputIndex("output")];
        var outputs = exposed.Run(input);

        Assert.Equal(expected, outputs[exposed.OutputIndex("output")]);
        var map = outputs[exposed.OutputIndex("507")];
        Assert.Equal(512 * FeatureMapRegions.GridSize * FeatureMapRegions.GridSize, map.Length);
        Assert.Contains(map, v => v != 0);
    }

    [Fact]
    public void A_tensor_the_graph_does_not_have_is_refused_when_the_session_is_built()
    {
        var bytes = OnnxGraphOutputs.Expose(Catalog.VerifiedModelBytes("eyes"), ["no-such-tensor"]);
        Assert.ThrowsAny<Exception>(() => new OnnxModel("eyes", bytes, 1, new InferenceMeter()));
    }

    [Theory]
    [InlineData(new byte[] { 0x3A, 0x05, 0x01 })]          // graph field claims 5 bytes, has 1
    [InlineData(new byte[] { 0x08, 0x07 })]                // a version number, no graph
    [InlineData(new byte[] { 0x0F, 0x00 })]                // wire type 7 does not exist
    [InlineData(new byte[] { 0x08, 0xFF, 0xFF, 0xFF })]    // varint runs off the end
    public void Bytes_that_are_not_an_onnx_model_are_refused(byte[] bytes) =>
        Assert.Throws<InvalidDataException>(() => OnnxGraphOutputs.Expose(bytes, ["507"]));
}
