using FaceVerify.Core;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;
using FaceVerify.Tests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core.Tests.Occlusion;

/// <summary>The production container (models from FACEVERIFY_MODELS_DIR) and the pictures the occlusion heads never saw.</summary>
public sealed class OcclusionPipelineFixture : IDisposable
{
    public OcclusionPipelineFixture()
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        Services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddFaceVerifyCore(configuration).BuildServiceProvider();
        Model = OcclusionModel.Load(Services.GetRequiredService<ModelCatalog>(), "occlusion");
    }

    public ServiceProvider Services { get; }
    public OcclusionModel Model { get; }

    /// <summary>Held-out pictures (kept out of training by train-attributes) from one folder of shared/data.</summary>
    public IReadOnlyList<string> HeldOut(string folder) =>
        Model.HeldOut.Where(f => f.StartsWith(folder, StringComparison.Ordinal)).Select(SharedData.Path).ToList();

    /// <summary>
    /// One picture per person of LFW View-2 folds 5–6: training sampled folds 1–4 only, and the folds are
    /// identity-disjoint, so these people are unseen.
    /// </summary>
    public static IReadOnlyList<string> UnseenLfw(int count) =>
        File.ReadAllLines(SharedData.Path("identity/lfw/pairs.csv")).Skip(1).Select(l => l.Split(','))
            .Where(c => c[3] is "5" or "6")
            .SelectMany(c => new[] { c[0], c[1] })
            .GroupBy(f => f.Split('/')[1], StringComparer.Ordinal).Select(g => g.Min(StringComparer.Ordinal)!)
            .Order(StringComparer.Ordinal).Take(count)
            .Select(f => SharedData.Path(Path.Combine("identity/lfw", f))).ToList();

    public void Dispose() => Services.Dispose();
}
