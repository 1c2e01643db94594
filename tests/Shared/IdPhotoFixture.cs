using System.Collections.Concurrent;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace FaceVerify.Tests;

/// <summary>
/// Compliant ID photos of several real people (MEDS mugshots, frontal, on a plain wall, no face rule broken
/// in the original) and the broken variants of one of them, built once per test class.
/// </summary>
public sealed class IdPhotoFixture : IDisposable
{
    /// <summary>
    /// Five people whose wall the flood fill separates cleanly from hair and skin. Left out, with the reason:
    /// S026-01 (the wall is the colour of his skin), S009-01 (framed so tightly the crop cuts the hair),
    /// S024-01 (pitch 12°, too near the 15° limit to be a fair "compliant" example).
    /// </summary>
    public static readonly string[] CompliantSources = ["S001-04", "S004-01", "S005-01", "S041-01", "S048-07"];

    private readonly ConcurrentDictionary<(string, Color), Image<Rgb24>> _photos = new();

    public IdPhotoFixture()
    {
        Builder = new IdPhotoBuilder(Services.Get<IFaceDetector>());
    }

    public FaceVerifyServices Services { get; } = new();
    public IdPhotoBuilder Builder { get; }

    public static string MugshotPath(string source) => SharedData.Path($"id_photo/meds_mugshots_openmpf/{source}-t10_01.jpg");

    public Image<Rgb24> Photo(string source) => Photo(source, Color.White);

    public Image<Rgb24> Photo(string source, Color background) =>
        _photos.GetOrAdd((source, background), key => Builder.Build(MugshotPath(key.Item1), key.Item2));

    public byte[] CompliantJpeg(string source) => IdPhotoBuilder.Jpeg(Photo(source));

    /// <summary>The variant names, each with the one reason code it must get.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedCodes = new Dictionary<string, string>
    {
        ["wrong-dimensions"] = ReasonCodes.PhotoWrongDimensions,
        ["png-named-jpg"] = ReasonCodes.PhotoNotJpeg,
        ["under-40kb"] = ReasonCodes.PhotoFileTooSmall,
        ["over-1000kb"] = ReasonCodes.PhotoFileTooLarge,
        ["blue-background"] = ReasonCodes.PhotoBackgroundNotWhite,
        ["grey"] = ReasonCodes.Photo(ReasonCodes.Face.Grayscale),
        ["blurred"] = ReasonCodes.Photo(ReasonCodes.Face.Blurry),
        ["too-dark"] = ReasonCodes.Photo(ReasonCodes.Face.Underexposed),
        ["tiny-face"] = ReasonCodes.Photo(ReasonCodes.Face.FaceTooSmall),
        ["two-faces"] = ReasonCodes.Photo(ReasonCodes.Face.MultipleFaces),
        ["no-face"] = ReasonCodes.Photo(ReasonCodes.Face.NoFace),
    };

    /// <summary>One broken variant of <paramref name="source"/>'s compliant photo.</summary>
    public PhotoVariant Variant(string name, string source)
    {
        var photo = Photo(source);
        var bytes = name switch
        {
            "wrong-dimensions" => IdPhotoVariants.WrongDimensions(photo),
            "png-named-jpg" => IdPhotoVariants.Png(photo),
            "under-40kb" => IdPhotoVariants.FileTooSmall(photo),
            "over-1000kb" => IdPhotoVariants.FileTooLarge(photo),
            "blue-background" => IdPhotoBuilder.Jpeg(Photo(source, IdPhotoVariants.Blue)),
            "grey" => IdPhotoVariants.Grey(photo),
            "blurred" => IdPhotoVariants.Blurred(photo),
            "too-dark" => IdPhotoVariants.Dark(photo),
            "tiny-face" => IdPhotoVariants.TinyFace(photo),
            "two-faces" => IdPhotoVariants.TwoFaces(photo, Photo(CompliantSources.First(s => s != source))),
            "no-face" => IdPhotoVariants.NoFace(SharedData.Path("group/dlib__dogs.jpg")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such variant"),
        };
        return new PhotoVariant(name, ExpectedCodes[name], bytes);
    }

    public void Dispose()
    {
        foreach (var photo in _photos.Values) photo.Dispose();
        Services.Dispose();
    }
}
