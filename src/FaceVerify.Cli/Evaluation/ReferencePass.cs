using FaceVerify.Core.Analysis;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Evaluation;

/// <summary>
/// The yardstick of issue 15: the two pictures through the six packaged models once each and nothing else —
/// decode, detect, 68 landmarks, 5-point alignment, embedding, pose, eyes of the largest face, and passive liveness
/// (one 2.7× crop) of the snapshot's: the service never asks whether an ID photo is live, and a reference that ran
/// a model the service does not would flatter the ratio. It takes the service's own sessions from the same container, so threads, arenas and warm-up are
/// those of the run it is compared with; no quality, occlusion, cues, rules or result.
/// </summary>
internal sealed class ReferencePass(IServiceProvider services)
{
    private readonly IImageDecoder _decoder = services.GetRequiredService<IImageDecoder>();
    private readonly IFaceDetector _detector = services.GetRequiredService<IFaceDetector>();
    private readonly ILandmarkDetector _landmarks = services.GetRequiredService<ILandmarkDetector>();
    private readonly IFaceEmbedder _embedder = services.GetRequiredService<IFaceEmbedder>();
    private readonly PassiveLivenessScorer _liveness = services.GetRequiredService<PassiveLivenessScorer>();
    private readonly IHeadPoseEstimator _pose = services.GetRequiredService<IHeadPoseEstimator>();
    private readonly IEyeStateClassifier _eyes = services.GetRequiredService<IEyeStateClassifier>();

    /// <summary>Runs both pictures; the clock also gets "snapshot", the snapshot's own time (the throughput yardstick of a cached ID photo).</summary>
    public double Run(byte[] idPhoto, byte[] snapshot, StageClock clock, CancellationToken ct) =>
        Picture(idPhoto, liveness: false, clock, ct) + clock.Time("snapshot", () => Picture(snapshot, liveness: true, clock, ct));

    // Returns a number derived from every output so no call can be optimised away.
    private double Picture(byte[] bytes, bool liveness, StageClock clock, CancellationToken ct)
    {
        var image = clock.Time("decode", () => _decoder.Decode(bytes, ct).Image?.Image) ?? throw new InvalidDataException("a bench picture cannot be decoded");
        var face = clock.Time("detect", () => _detector.Detect(image).MaxBy(f => f.Box.Area)) ?? throw new InvalidDataException("a bench picture shows no face");
        var points = clock.Time("landmarks", () => _landmarks.Detect(image, face.Box));
        var aligned = clock.Time("align", () => SimilarityAligner.Align(image, Landmarks.ToFive(points)));
        var encoding = clock.Time("embed", () => _embedder.Encode(aligned));
        return encoding.Embedding[0] + (liveness ? clock.Time("liveness", () => _liveness.Score(image, face.Box)).Score : 0)
            + clock.Time("pose", () => _pose.Estimate(image, face.Box)).Yaw + clock.Time("eyes", () => _eyes.Classify(image, points)).MeanOpen;
    }
}
