using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Tests.Occlusion;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core.Tests.Faces;

/// <summary>
/// The key points the occlusion heads align on: where both models can see the face they must agree with the
/// 68-point model, and on a masked face they must still come out in face order (the reason they are used).
/// </summary>
public sealed class BlazeFaceKeypointTests(OcclusionPipelineFixture fixture) : IClassFixture<OcclusionPipelineFixture>
{
    [Fact]
    public void On_bare_frontal_faces_the_eyes_agree_with_the_landmark_model()
    {
        var disagreements = new List<string>();
        var read = 0;
        foreach (var file in OcclusionPipelineFixture.UnseenLfw(20))
        {
            var (image, box, landmarks) = Face(file);
            var points = Keypoints.Detect(image, box);
            Assert.NotNull(points);
            read++;
            var leftEye = Landmarks.Eye(landmarks, imageLeft: true).Centre;
            var rightEye = Landmarks.Eye(landmarks, imageLeft: false).Centre;
            var eyeDistance = Distance(leftEye, rightEye);
            var error = Math.Max(Distance(points.LeftEye, leftEye), Distance(points.RightEye, rightEye)) / eyeDistance;
            if (error > 0.2) disagreements.Add($"{Path.GetFileName(file)}: {error:0.00} eye distances");
        }
        Assert.Equal(20, read);
        // Measured on 60 such faces: no systematic offset (mean −0.01 / +0.02 eye distances), scatter up to ~0.15;
        // a fifth of the eye distance is a real disagreement, not the two models' different idea of an eye centre.
        Assert.True(disagreements.Count <= 2, string.Join("; ", disagreements));
    }

    [Fact]
    public void On_masked_faces_the_points_keep_face_order()
    {
        var checkedFaces = 0;
        foreach (var file in fixture.HeldOut("occlusion/mask/chandrikadeb7/with_mask"))
        {
            var decoded = Decoder.Decode(File.ReadAllBytes(file), CancellationToken.None).Image!.Image;
            var faces = Services.GetRequiredService<IFaceDetector>().Detect(decoded);
            if (faces.Count == 0) continue;
            var box = faces.MaxBy(f => f.Box.Area)!.Box;
            var p = Keypoints.Detect(decoded, box);
            if (p is null) continue;
            checkedFaces++;
            var eyesY = (p.LeftEye.Y + p.RightEye.Y) / 2;
            Assert.True(p.LeftEye.X < p.RightEye.X, $"{Path.GetFileName(file)}: eyes swapped");
            Assert.True(p.NoseTip.Y > eyesY && p.MouthCentre.Y > p.NoseTip.Y, $"{Path.GetFileName(file)}: eyes {eyesY:0}, nose {p.NoseTip.Y:0}, mouth {p.MouthCentre.Y:0}");
        }
        Assert.True(checkedFaces >= 14, $"only {checkedFaces} masked faces had key points");
    }

    [Fact]
    public void The_alignment_points_put_the_mouth_corners_level_with_the_eyes_around_the_mouth()
    {
        var points = new FaceKeypoints(new Point2(40, 50), new Point2(80, 50), new Point2(60, 70), new Point2(60, 90));

        var five = points.AlignmentPoints();

        Assert.Equal(new Point2(40, 50), five[0]);
        Assert.Equal(new Point2(60, 70), five[2]);
        Assert.Equal(90, five[3].Y, 3);
        Assert.Equal(90, five[4].Y, 3);
        Assert.Equal(60 - 0.414f * 40, five[3].X, 3);
        Assert.Equal(60 + 0.414f * 40, five[4].X, 3);
    }

    private ServiceProvider Services => fixture.Services;
    private IImageDecoder Decoder => Services.GetRequiredService<IImageDecoder>();
    private IFaceKeypointDetector Keypoints => Services.GetRequiredService<IFaceKeypointDetector>();

    private (RgbImage Image, FaceBox Box, Point2[] Landmarks) Face(string file)
    {
        var image = Decoder.Decode(File.ReadAllBytes(file), CancellationToken.None).Image!.Image;
        var box = Services.GetRequiredService<IFaceDetector>().Detect(image).MaxBy(f => f.Box.Area)!.Box;
        return (image, box, Services.GetRequiredService<ILandmarkDetector>().Detect(image, box));
    }

    private static float Distance(Point2 a, Point2 b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
