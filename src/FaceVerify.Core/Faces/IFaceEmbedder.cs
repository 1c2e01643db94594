using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Faces;

/// <summary>Turns an aligned 112×112 face into an L2-normalised identity vector.</summary>
public interface IFaceEmbedder
{
    float[] Embed(RgbImage alignedFace);
}
