using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Tests;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>
/// A face that fills the frame (a candidate close to the webcam, a tight crop) is scored on what the picture holds:
/// liveness crops never reach past the image, so out-of-image fill can be evidence neither way.
/// </summary>
public sealed class FaceFillingFrameTests(LivenessServices services) : IClassFixture<LivenessServices>
{
    private static readonly RgbImage Blank = new(160, 200, new byte[160 * 200 * 3]);

    [Theory]
    [InlineData(10, 20, 120, 150)]    // inside, but 2.7× of it is not
    [InlineData(-40, -30, 150, 190)]  // reaching past the top-left corner
    [InlineData(60, 90, 200, 240)]    // larger than the picture, past the bottom-right
    [InlineData(0, 0, 160, 200)]      // the whole picture
    public void Every_crop_lies_inside_the_picture(float x, float y, float w, float h)
    {
        foreach (var scale in new[] { 1.0f, 1.4f, 2.0f, 2.7f, 4.0f })
        {
            var crop = LivenessCrop.Inside(Blank, new FaceBox(x, y, w, h), scale);
            Assert.True(crop.X >= 0 && crop.Y >= 0 && crop.Right <= Blank.Width - 1 + 1e-3 && crop.Bottom <= Blank.Height - 1 + 1e-3, $"scale {scale}: {crop}");
            Assert.True(crop.Width > 1 && Math.Abs(crop.Width - crop.Height) < 1e-3, $"scale {scale}: not a square {crop}");
        }
    }

    [Fact]
    public void Missing_context_is_zero_with_room_around_the_face_and_large_when_it_fills_the_frame()
    {
        var wide = new RgbImage(1000, 1000, new byte[1000 * 1000 * 3]);
        Assert.Equal(0, LivenessCrop.MissingContext(wide, new FaceBox(450, 450, 100, 100), 2.7f), 6);
        Assert.InRange(LivenessCrop.MissingContext(Blank, new FaceBox(10, 20, 140, 170), 2.7f), 0.8, 1);
    }

    [Fact]
    public void A_face_filling_the_frame_is_scored_the_same_however_far_its_box_reaches_into_the_fill()
    {
        // A webcam head crop cut down to its detected face: the face now fills the whole picture.
        var source = Decode("identity/casia_facev5_webcam/000_0.jpg");
        var box = LivenessCrop.ClipToImage(source, services.Get<IFaceDetector>().Detect(source).OrderByDescending(d => d.Box.Area).First().Box);
        int w = (int)box.Width, h = (int)box.Height;
        var image = PixelSampler.Warp(source, Affine.ForCrop(box.X, box.Y, w, h, w, h), w, h);
        var exact = new FaceBox(0, 0, w - 1, h - 1);
        var scorer = services.Get<ILivenessScorer>();

        var a = scorer.Score(image, exact);
        foreach (var reach in new[] { 10f, 40f, 120f })
        {
            // The same face, the box reaching past every edge into what is not the picture.
            var b = scorer.Score(image, new FaceBox(-reach, -reach, w - 1 + 2 * reach, h - 1 + 2 * reach));
            Assert.Equal(a.Score, b.Score, 9);
            Assert.Equal(a.Crop, b.Crop);
        }
        Assert.True(a.Cues!["missingContext"] >= 0.5, $"the face fills the frame, yet missing context is {a.Cues["missingContext"]}");
        Assert.True(a.Crop.X >= 0 && a.Crop.Y >= 0 && a.Crop.Right <= image.Width && a.Crop.Bottom <= image.Height, $"crop {a.Crop} leaves the {w}×{h} picture");
    }

    private RgbImage Decode(string relative) =>
        services.Get<IImageDecoder>().Decode(File.ReadAllBytes(SharedData.Path(relative)), CancellationToken.None).Image?.Image
        ?? throw new InvalidDataException(relative);
}
