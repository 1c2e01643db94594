namespace FaceVerify.Core.Eyes;

/// <summary>Probability that each eye is open (image-left eye first), 0..1.</summary>
public sealed record EyeState(double LeftOpen, double RightOpen)
{
    public double MeanOpen => (LeftOpen + RightOpen) / 2;
}

/// <summary>Reads whether the eyes of a face are open.</summary>
public interface IEyeStateClassifier
{
    EyeState Classify(FaceVerify.Core.Imaging.RgbImage image, IReadOnlyList<FaceVerify.Core.Faces.Point2> landmarks68);
}
