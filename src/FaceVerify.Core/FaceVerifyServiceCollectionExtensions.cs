using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Models;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Policy;
using FaceVerify.Core.Pose;
using FaceVerify.Core.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core;

public static class FaceVerifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the face pipeline from the <c>FaceVerify</c> configuration section. Models load (and their
    /// hashes are checked) when first resolved; resolve <see cref="IFaceAnalyzer"/> at start-up to fail fast.
    /// </summary>
    public static IServiceCollection AddFaceVerifyCore(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("FaceVerify");
        services.AddOptions<ImageLimits>().Bind(section.GetSection("Images"));
        services.AddOptions<ModelOptions>().Bind(section.GetSection("Models"));
        services.AddOptions<DetectorOptions>().Bind(section.GetSection("Detector"));
        services.AddOptions<EmbeddingOptions>().Bind(section.GetSection("Embedding"));
        services.AddOptions<IdPhotoCacheOptions>().Bind(section.GetSection("IdPhotoCache"));
        services.AddOptions<OcclusionOptions>().Bind(section.GetSection("Occlusion"));
        services.AddOptions<PoseOptions>().Bind(section.GetSection("Pose"));

        services.AddSingleton<InferenceMeter>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<OnnxModelLoader>();
        services.AddSingleton<IImageDecoder, SafeImageDecoder>();
        services.AddSingleton<IFaceDetector, UltraFaceDetector>();
        services.AddSingleton<ILandmarkDetector, OnnxLandmarkDetector>();
        services.AddSingleton<IFaceEmbedder, OnnxFaceEmbedder>();
        services.AddSingleton<PassiveLivenessScorer>();
        services.AddSingleton<PassiveLivenessNetwork>();
        services.AddSingleton<FusedLivenessScorer>();
        services.AddSingleton<ILivenessScorer, HeadLivenessScorer>();
        services.AddOptions<FrameEvidenceOptions>().Bind(section.GetSection("Liveness:Frames"));
        services.AddSingleton<IFrameLivenessEvidence, LandmarkMotionEvidence>();
        services.AddSingleton<IHeadPoseEstimator, OnnxHeadPoseEstimator>();
        services.AddSingleton<IEyeStateClassifier, OnnxEyeStateClassifier>();
        services.AddSingleton<IFaceKeypointDetector, BlazeFaceKeypointDetector>();
        services.AddSingleton<OcclusionViewReader>();
        services.AddSingleton<IOcclusionScorer, LogisticOcclusionScorer>();
        services.AddSingleton<IFaceAnalyzer, FaceAnalyzer>();
        services.AddSingleton(sp => new PolicyCatalog(configuration, TrainedOperatingPoints.Load(
            sp.GetRequiredService<ModelCatalog>(), sp.GetRequiredService<IOptions<OcclusionOptions>>().Value.WeightsId)));
        services.AddSingleton(sp => new IdPhotoCache(sp.GetRequiredService<IOptions<IdPhotoCacheOptions>>().Value, TimeProvider.System));
        services.AddSingleton<IIdPhotoCacheStatistics>(sp => sp.GetRequiredService<IdPhotoCache>());
        services.AddSingleton<ImageAssessor>();
        services.AddSingleton<IModelSetInfo, ManifestModelSet>();
        services.AddSingleton<IdentityExtractor>();
        services.AddSingleton<IIdPhotoChecker, IdPhotoChecker>();
        services.AddSingleton<IIdentityVerifier, IdentityVerifier>();
        services.AddFaceVerifyChallenges(section);
        return services;
    }
}
