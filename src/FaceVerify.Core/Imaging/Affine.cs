namespace FaceVerify.Core.Imaging;

/// <summary>Maps an output pixel (u, v) to a source position: x = A·u + B·v + C, y = D·u + E·v + F.</summary>
public readonly record struct Affine(float A, float B, float C, float D, float E, float F)
{
    /// <summary>Stretches the source rectangle onto an output of outWidth×outHeight, pixel centres aligned.</summary>
    public static Affine ForCrop(float x, float y, float width, float height, int outWidth, int outHeight)
    {
        var sx = width / outWidth;
        var sy = height / outHeight;
        return new Affine(sx, 0, x + 0.5f * sx - 0.5f, 0, sy, y + 0.5f * sy - 0.5f);
    }
}
