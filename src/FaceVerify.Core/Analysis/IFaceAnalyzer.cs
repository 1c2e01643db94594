using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Analysis;

/// <summary>Runs the face pipeline on a decoded image: detect, landmarks, align, embed, pose, eyes, liveness, quality.</summary>
public interface IFaceAnalyzer
{
    ImageReading Analyze(DecodedImage image, AnalysisScope scope, StageClock clock, CancellationToken cancellationToken);
}
