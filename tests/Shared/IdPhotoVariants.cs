using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace FaceVerify.Tests;

/// <summary>One broken ID photo and the reason code the checker must give it.</summary>
public sealed record PhotoVariant(string Name, string ExpectedCode, byte[] Bytes)
{
    public override string ToString() => Name;
}

/// <summary>
/// Breaks a compliant ID photo in exactly one way each (the way a candidate's upload goes wrong), so each
/// registration rule can be shown to fire on a real face.
/// </summary>
public static class IdPhotoVariants
{
    /// <summary>The blue of a typical visa-photo backdrop.</summary>
    public static readonly Color Blue = Color.FromRgb(67, 142, 219);

    public static byte[] WrongDimensions(Image<Rgb24> photo) =>
        Encode(photo, x => x.Resize(354, 472));

    /// <summary>PNG bytes; the CLI tests give them a .jpg name.</summary>
    public static byte[] Png(Image<Rgb24> photo)
    {
        using var stream = new MemoryStream();
        photo.SaveAsPng(stream);
        return stream.ToArray();
    }

    /// <summary>A heavily compressed JPEG of the right pixel size, under 40 KB.</summary>
    public static byte[] FileTooSmall(Image<Rgb24> photo) => IdPhotoBuilder.Jpeg(photo, quality: 40);

    /// <summary>The compliant JPEG with comment segments after SOI: right pixels, over 1000 KB on disk.</summary>
    public static byte[] FileTooLarge(Image<Rgb24> photo)
    {
        var jpeg = IdPhotoBuilder.Jpeg(photo, quality: 100);
        const int payload = 65_533;  // the largest a segment length (2 bytes, itself included) allows
        using var stream = new MemoryStream();
        stream.Write(jpeg, 0, 2);  // SOI
        for (var i = 0; i < 17; i++)
        {
            stream.Write([0xFF, 0xFE, (payload + 2) >> 8, (payload + 2) & 0xFF]);
            stream.Write(Enumerable.Repeat((byte)'x', payload).ToArray());
        }
        stream.Write(jpeg, 2, jpeg.Length - 2);
        return stream.ToArray();
    }

    public static byte[] Grey(Image<Rgb24> photo) => Encode(photo, x => x.Grayscale());

    /// <summary>Out of focus: a Gaussian blur of 3 px on a face about 150 px wide.</summary>
    public static byte[] Blurred(Image<Rgb24> photo) => Encode(photo, x => x.GaussianBlur(3f));

    /// <summary>A badly under-exposed shot: a quarter of the light.</summary>
    public static byte[] Dark(Image<Rgb24> photo) => Encode(photo, x => x.Brightness(0.25f));

    /// <summary>The whole photo shrunk to 40% in the middle of a white canvas of the right size.</summary>
    public static byte[] TinyFace(Image<Rgb24> photo)
    {
        using var small = photo.Clone(x => x.Resize(photo.Width * 2 / 5, photo.Height * 2 / 5));
        using var canvas = new Image<Rgb24>(photo.Width, photo.Height, Color.White.ToPixel<Rgb24>());
        canvas.Mutate(x => x.DrawImage(small, new Point((photo.Width - small.Width) / 2, (photo.Height - small.Height) / 2), 1f));
        return IdPhotoBuilder.Jpeg(canvas, quality: 100);
    }

    /// <summary>Two people side by side, each photo at half width, on white.</summary>
    public static byte[] TwoFaces(Image<Rgb24> left, Image<Rgb24> right)
    {
        using var canvas = new Image<Rgb24>(left.Width, left.Height, Color.White.ToPixel<Rgb24>());
        int w = left.Width / 2, h = left.Height / 2;
        using var a = left.Clone(x => x.Resize(w, h));
        using var b = right.Clone(x => x.Resize(w, h));
        canvas.Mutate(x => x.DrawImage(a, new Point(0, h / 2), 1f).DrawImage(b, new Point(left.Width - w, h / 2), 1f));
        return IdPhotoBuilder.Jpeg(canvas, quality: 100);
    }

    /// <summary>A real picture without a person, centre-cropped to 295×413.</summary>
    public static byte[] NoFace(string picturePath)
    {
        using var picture = Image.Load<Rgb24>(picturePath);
        picture.Mutate(x => x.Resize(new ResizeOptions { Size = new Size(IdPhotoBuilder.Width, IdPhotoBuilder.Height), Mode = ResizeMode.Crop }));
        return IdPhotoBuilder.Jpeg(picture, quality: 100);
    }

    private static byte[] Encode(Image<Rgb24> photo, Action<IImageProcessingContext> change)
    {
        using var copy = photo.Clone(change);
        return IdPhotoBuilder.Jpeg(copy, quality: 100);
    }
}
