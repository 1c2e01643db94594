using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Liveness;

/// <summary>The fusion's input: the passive model's log-odds followed by the presentation cues. Shared by scoring and training.</summary>
public static class LivenessFeatures
{
    public const string ModelFeature = "modelLogit";
    public static readonly string[] Names = [ModelFeature, .. PresentationCues.Names];

    public static double[] Of(RgbImage image, FaceBox face, LivenessReading passive)
    {
        var cues = PresentationCues.Measure(image, face, passive.Crop);
        return [Logit(passive.Score), .. cues];
    }

    /// <summary>Log-odds of a probability, clamped so a saturated softmax stays finite.</summary>
    public static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-5, 1 - 1e-5);
        return Math.Log(q / (1 - q));
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
