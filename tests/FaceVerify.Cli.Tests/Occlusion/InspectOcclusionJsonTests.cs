using System.Text.Json;
using FaceVerify.Cli;
using FaceVerify.Cli.Commands;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Json;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Policy;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Occlusion;

/// <summary><c>inspect --json</c> shows each face's occlusion scores and whether the snapshot limits flag them.</summary>
public sealed class InspectOcclusionJsonTests
{
    [Fact]
    public void A_held_out_masked_face_shows_mask_flagged_and_every_attribute_scored()
    {
        using var provider = CliHost.Build();
        var model = OcclusionModel.Load(provider.GetRequiredService<ModelCatalog>(), "occlusion");
        var decoder = provider.GetRequiredService<IImageDecoder>();
        var analyzer = provider.GetRequiredService<IFaceAnalyzer>();
        provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy);

        var masked = model.HeldOut.Where(f => f.Contains("with_mask/", StringComparison.Ordinal)).Select(SharedData.Path)
            .Select(f => analyzer.Analyze(decoder.Decode(File.ReadAllBytes(f), CancellationToken.None).Image!, AnalysisScope.Everything, new StageClock(), CancellationToken.None).Primary)
            .OfType<FaceReading>().ToList();
        Assert.NotEmpty(masked);
        var faces = masked.Select(f => JsonDocument.Parse(JsonSerializer.Serialize(InspectCommand.ToFace(f, policy), FaceVerifyJson.Options)).RootElement.GetProperty("occlusion")).ToList();

        foreach (var occlusion in faces)
            foreach (var name in new[] { "mask", "sunglasses", "hairOverEyes" })
            {
                var attribute = occlusion.GetProperty(name);
                Assert.InRange(attribute.GetProperty("score").GetDouble(), 0, 1);
                Assert.True(attribute.GetProperty("flagged").ValueKind is JsonValueKind.True or JsonValueKind.False);
            }
        Assert.True(faces.Count(o => o.GetProperty("mask").GetProperty("flagged").GetBoolean()) >= 0.8 * faces.Count);
    }
}
