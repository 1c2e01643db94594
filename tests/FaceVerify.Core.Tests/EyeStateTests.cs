using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Policy;
using FaceVerify.Tests;
using Xunit.Abstractions;

namespace FaceVerify.Core.Tests;

/// <summary>
/// Eye state through the whole pipeline (detect, landmarks, eye crops) on whole faces: CEW closed-eye faces and
/// UTKFace open-eye faces. A face the detector misses counts against the closed set and is reported. Only the
/// stages the eye reading depends on run (the analyser's detector, landmarks and eye classifier), to keep the
/// 216 pictures quick.
/// </summary>
public sealed class EyeStateTests(FaceVerifyServices services, ITestOutputHelper output) : IClassFixture<FaceVerifyServices>
{
    [Fact]
    public void Closed_eyes_read_closed_in_at_least_85_percent_and_open_eyes_in_at_most_5_percent()
    {
        var closedThreshold = new FaceRuleOptions().MinEyesOpen;
        var closed = Read("eyes/cew_closed_faces");
        var open = Read("eyes/utkface_open_faces");

        var closedRate = closed.Count(p => p < closedThreshold) / (double)closed.Count;
        var openReadClosed = open.Count(p => p < closedThreshold) / (double)open.Count;
        output.WriteLine($"closed faces (CEW): {closed.Count} images, {closed.Count(p => double.IsNaN(p))} without a detected face, read closed {closedRate:P1}");
        output.WriteLine($"open faces (UTKFace): {open.Count} images, {open.Count(p => double.IsNaN(p))} without a detected face, read closed {openReadClosed:P1}");
        output.WriteLine($"rule: mean open probability of both eyes < {closedThreshold}");

        Assert.True(closed.Count >= 100 && open.Count >= 70, "the eye sets are smaller than expected");
        Assert.InRange(closedRate, 0.85, 1.0);
        Assert.InRange(openReadClosed, 0.0, 0.05);
    }

    /// <summary>Mean open probability of both eyes of the largest face (as the analyser picks it) per image; NaN when no face was found.</summary>
    private List<double> Read(string folder)
    {
        var decoder = services.Get<IImageDecoder>();
        var detector = services.Get<IFaceDetector>();
        var landmarks = services.Get<ILandmarkDetector>();
        var eyes = services.Get<IEyeStateClassifier>();
        var readings = new List<double>();
        foreach (var file in Directory.EnumerateFiles(SharedData.Path(folder), "*.jpg").Order())
        {
            var decoded = decoder.Decode(File.ReadAllBytes(file), CancellationToken.None);
            Assert.True(decoded.Image is not null, $"{file}: {decoded.Detail}");
            var image = decoded.Image!.Image;
            var face = detector.Detect(image).MaxBy(f => f.Box.Area);
            readings.Add(face is null ? double.NaN : eyes.Classify(image, landmarks.Detect(image, face.Box)).MeanOpen);
        }
        return readings;
    }
}
