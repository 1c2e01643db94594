using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Pose;
using FaceVerify.Core.Quality;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Analysis;

public sealed class FaceAnalyzer(
    IFaceDetector detector,
    ILandmarkDetector landmarks,
    IFaceEmbedder embedder,
    ILivenessScorer liveness,
    IHeadPoseEstimator pose,
    IEyeStateClassifier eyes,
    IOcclusionScorer? occlusion = null,
    IOptions<PoseOptions>? poseCascade = null) : IFaceAnalyzer
{
    // Built by hand without options (training passes, calibrate-pose): the pose network reads every face.
    private readonly PoseOptions _poseCascade = poseCascade?.Value ?? new PoseOptions { SkipModelWhenFrontal = false };

    public ImageReading Analyze(DecodedImage image, AnalysisScope scope, StageClock clock, CancellationToken cancellationToken)
    {
        var pixels = image.Image;
        var detections = clock.Time("detect", () => detector.Detect(pixels));
        var ordered = detections.OrderByDescending(d => d.Box.Area).ToList();
        var toAnalyse = scope.AllFaces ? ordered : ordered.Take(1).ToList();
        var readings = new List<FaceReading>(toAnalyse.Count);
        foreach (var face in toAnalyse)
        {
            cancellationToken.ThrowIfCancellationRequested();
            readings.Add(ReadFace(pixels, face, scope, clock));
        }
        var primary = readings.FirstOrDefault();
        return new ImageReading
        {
            Image = ImageFacts.Of(image),
            Detections = ordered,
            Primary = primary,
            Others = readings.Skip(1).ToList(),
            Colourfulness = clock.Time("quality", () => QualityMeter.Colourfulness(pixels)),
            Background = scope.Background ? clock.Time("quality", () => QualityMeter.MeasureBackground(pixels, primary?.Box)) : null,
        };
    }

    private FaceReading ReadFace(RgbImage pixels, DetectedFace face, AnalysisScope scope, StageClock clock)
    {
        var points = clock.Time("landmarks", () => landmarks.Detect(pixels, face.Box));
        var five = Landmarks.ToFive(points);
        var aligned = clock.Time("align", () => SimilarityAligner.Align(pixels, five));
        var encoding = clock.Time("embed", () => embedder.Encode(aligned));
        return new FaceReading
        {
            Detection = face,
            Landmarks68 = points,
            Landmarks5 = five,
            Encoding = encoding,
            Aligned = aligned,
            // A clearly frontal head (landmarks) keeps the landmark reading and skips the network (PoseOptions, scope).
            Pose = clock.Time("pose", () => (scope.PoseCascade ? LandmarkPose.FrontalOrNull(points, _poseCascade) : null) ?? pose.Estimate(pixels, face.Box)),
            Eyes = clock.Time("eyes", () => eyes.Classify(pixels, points)),
            Quality = clock.Time("quality", () => QualityMeter.MeasureFace(aligned)),
            Liveness = scope.Liveness ? clock.Time("liveness", () => liveness.Score(pixels, face.Box)) : null,
            Occlusion = occlusion is null || !scope.Occlusion ? null : clock.Time("occlusion", () => occlusion.Score(pixels, face.Box, points, aligned, encoding)),
        };
    }
}
