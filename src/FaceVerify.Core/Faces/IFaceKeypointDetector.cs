using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>
/// Places a few key points (eyes, nose tip, mouth centre) on a detected face in a way that holds when the lower
/// face is covered: the 68-point model guesses a covered mouth and drags the whole alignment with it.
/// </summary>
public interface IFaceKeypointDetector
{
    /// <summary>The key points of the face in <paramref name="box"/>, or null when the model finds no face there.</summary>
    FaceKeypoints? Detect(RgbImage image, FaceBox box);
}
