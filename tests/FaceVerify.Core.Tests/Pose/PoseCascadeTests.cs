using FaceVerify.Core;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Eyes;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Occlusion;
using FaceVerify.Core.Pose;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Tests.Pose;

/// <summary>
/// The pose cascade (issue 15, <see cref="PoseOptions"/>): with the skip on, a face whose landmarks read a clearly frontal
/// head never reaches the pose network and carries the landmark reading; any other face, or the skip off, runs the network.
/// Fakes stand in for every model, so only the analyser's own choice is under test.
/// </summary>
public sealed class PoseCascadeTests
{
    private static readonly HeadPose NetworkReading = new(30, 1, 2);

    [Fact]
    public void A_frontal_face_skips_the_network_and_carries_the_landmark_reading()
    {
        var (analyzer, network) = Analyzer(Frontal(), new PoseOptions { SkipModelWhenFrontal = true });
        var clock = new StageClock();
        var face = Analyze(analyzer, clock);
        Assert.Equal(0, network.Calls);
        Assert.Equal(LandmarkPose.Estimate(Frontal(), new PoseOptions()), face.Pose);
        Assert.InRange(Math.Abs(face.Pose.Yaw) + Math.Abs(face.Pose.Pitch) + Math.Abs(face.Pose.Roll), 0, 0.5);
        Assert.True(clock.Milliseconds.ContainsKey("pose"), "the stage clock still shows the pose stage");
    }

    [Fact]
    public void A_turned_face_runs_the_network()
    {
        // Nose tip 10 px towards the image left of a 40 px eye line: ratio 0.25, 26° of yaw, outside the 6° box.
        var (analyzer, network) = Analyzer(Frontal(noseDx: -10), new PoseOptions { SkipModelWhenFrontal = true });
        Assert.Equal(NetworkReading, Analyze(analyzer, new StageClock()).Pose);
        Assert.Equal(1, network.Calls);
    }

    [Fact]
    public void With_the_skip_off_or_no_options_every_face_runs_the_network()
    {
        var (off, offNetwork) = Analyzer(Frontal(), new PoseOptions { SkipModelWhenFrontal = false });
        Assert.Equal(NetworkReading, Analyze(off, new StageClock()).Pose);
        Assert.Equal(1, offNetwork.Calls);
        var (handBuilt, handBuiltNetwork) = Analyzer(Frontal(), options: null);
        Analyze(handBuilt, new StageClock());
        Assert.Equal(1, handBuiltNetwork.Calls);
    }

    [Fact]
    public void Landmark_readings_have_the_network_signs()
    {
        var options = new PoseOptions();
        // Nose towards the image left = a turn to the subject's own right = positive yaw (HeadPose).
        Assert.True(LandmarkPose.Estimate(Frontal(noseDx: -4), options)!.Yaw > 8);
        // Nose tip lifted towards the eyes = head tilted up = positive pitch.
        Assert.True(LandmarkPose.Estimate(Frontal(noseDy: -6), options)!.Pitch > 5);
        // Turned 10° clockwise on screen (the image-right eye lower): +10° of roll, yaw and pitch unchanged.
        var rolled = LandmarkPose.Estimate(Rotate(Frontal(), 10), options)!;
        Assert.Equal(10, rolled.Roll, 3);
        Assert.Equal(0, rolled.Yaw, 3);
        Assert.InRange(rolled.Pitch, -0.5, 0.5);
        Assert.Null(LandmarkPose.Estimate(new Point2[68], options));
    }

    [Fact]
    public void The_options_bind_from_configuration_and_reach_the_analyser()
    {
        using var bound = Services(new() { ["FaceVerify:Pose:SkipModelWhenFrontal"] = "true", ["FaceVerify:Pose:FrontalMaxYaw"] = "4.5" });
        var options = bound.GetRequiredService<IOptions<PoseOptions>>().Value;
        Assert.True(options.SkipModelWhenFrontal);
        Assert.Equal(4.5, options.FrontalMaxYaw);
        Analyze(bound.GetRequiredService<IFaceAnalyzer>(), new StageClock());
        Assert.Equal(0, bound.GetRequiredService<CountingPose>().Calls);

        // Policy 7: the service skips the network on clearly frontal snapshots unless told otherwise.
        using var defaults = Services(new());
        Assert.True(defaults.GetRequiredService<IOptions<PoseOptions>>().Value.SkipModelWhenFrontal);
        Analyze(defaults.GetRequiredService<IFaceAnalyzer>(), new StageClock());
        Assert.Equal(0, defaults.GetRequiredService<CountingPose>().Calls);

        using var off = Services(new() { ["FaceVerify:Pose:SkipModelWhenFrontal"] = "false" });
        Analyze(off.GetRequiredService<IFaceAnalyzer>(), new StageClock());
        Assert.Equal(1, off.GetRequiredService<CountingPose>().Calls);
    }

    [Fact]
    public void An_id_photo_always_runs_the_network_and_a_frame_may_skip_it()
    {
        // ID photos are analysed once and cached, and their tighter limits flip more decisions: the network reads them.
        var (analyzer, network) = Analyzer(Frontal(), new PoseOptions { SkipModelWhenFrontal = true });
        Assert.Equal(NetworkReading, Analyze(analyzer, new StageClock(), AnalysisScope.IdPhoto with { Background = false, Occlusion = false }).Pose);
        Assert.Equal(1, network.Calls);
        Analyze(analyzer, new StageClock(), AnalysisScope.Frame);
        Analyze(analyzer, new StageClock(), AnalysisScope.Everything with { Liveness = false, Background = false, Occlusion = false });
        Assert.Equal(2, network.Calls);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddFaceVerifyCore(configuration);
        // Registered after the real ones, so these are resolved: no model is loaded.
        services.AddSingleton<IFaceDetector>(new OneFace()).AddSingleton<ILandmarkDetector>(new FixedLandmarks(Frontal()))
            .AddSingleton<IFaceEmbedder>(new ZeroEmbedder()).AddSingleton<ILivenessScorer>(new Live()).AddSingleton<IEyeStateClassifier>(new OpenEyes())
            .AddSingleton<IOcclusionScorer>(new Bare()).AddSingleton<CountingPose>().AddSingleton<IHeadPoseEstimator>(sp => sp.GetRequiredService<CountingPose>());
        return services.BuildServiceProvider();
    }

    private static FaceReading Analyze(IFaceAnalyzer analyzer, StageClock clock, AnalysisScope? scope = null) =>
        analyzer.Analyze(new DecodedImage(new RgbImage(160, 160, Enumerable.Repeat((byte)128, 160 * 160 * 3).ToArray()), "jpeg", 0, ""),
            scope ?? AnalysisScope.Snapshot with { Liveness = false, Occlusion = false }, clock, CancellationToken.None).Primary!;

    private static (FaceAnalyzer Analyzer, CountingPose Network) Analyzer(Point2[] points, PoseOptions? options)
    {
        var network = new CountingPose();
        return (new FaceAnalyzer(new OneFace(), new FixedLandmarks(points), new ZeroEmbedder(), new Live(), network, new OpenEyes(),
            poseCascade: options is null ? null : Options.Create(options)), network);
    }

    /// <summary>A level frontal face: outer eye corners 40 px apart, nose tip centred at the frontal pitch ratio, mouth below.</summary>
    private static Point2[] Frontal(float noseDx = 0, float noseDy = 0)
    {
        var p = new Point2[68];
        for (var i = 0; i < 68; i++) p[i] = new Point2(80, 80);
        for (var i = 36; i < 42; i++) p[i] = new Point2(60 + (i - 36) * 2, 60);
        for (var i = 42; i < 48; i++) p[i] = new Point2(90 + (i - 42) * 2, 60);
        p[36] = new Point2(60, 60);
        p[45] = new Point2(100, 60);
        p[48] = new Point2(70, 100);
        p[54] = new Point2(90, 100);
        p[60] = p[48];
        p[64] = p[54];
        p[30] = new Point2(80 + noseDx, 60 + (float)new PoseOptions().FrontalPitchRatio * 40 + noseDy);
        return p;
    }

    private static Point2[] Rotate(Point2[] points, double degrees)
    {
        double c = Math.Cos(degrees * Math.PI / 180), s = Math.Sin(degrees * Math.PI / 180);
        return points.Select(q => new Point2((float)(80 + (q.X - 80) * c - (q.Y - 80) * s), (float)(80 + (q.X - 80) * s + (q.Y - 80) * c))).ToArray();
    }

    internal sealed class CountingPose : IHeadPoseEstimator
    {
        public int Calls { get; private set; }

        public HeadPose Estimate(RgbImage image, FaceBox face)
        {
            Calls++;
            return NetworkReading;
        }
    }

    private sealed class OneFace : IFaceDetector
    {
        public IReadOnlyList<DetectedFace> Detect(RgbImage image) => [new DetectedFace(new FaceBox(40, 30, 80, 100), 0.99f)];
    }

    private sealed class FixedLandmarks(Point2[] points) : ILandmarkDetector
    {
        public Point2[] Detect(RgbImage image, FaceBox box) => points;
    }

    private sealed class ZeroEmbedder : IFaceEmbedder
    {
        public FaceEncoding Encode(RgbImage alignedFace) => new(new float[512], new float[8]);
    }

    private sealed class Live : ILivenessScorer
    {
        public LivenessReading Score(RgbImage image, FaceBox face) => new(1, face);
    }

    private sealed class OpenEyes : IEyeStateClassifier
    {
        public EyeState Classify(RgbImage image, IReadOnlyList<Point2> landmarks68) => new(1, 1);
    }

    private sealed class Bare : IOcclusionScorer
    {
        public OcclusionReading Score(RgbImage image, FaceBox box, IReadOnlyList<Point2> landmarks68, RgbImage identityCrop, FaceEncoding identityEncoding) => new(0, 0, 0);
    }
}
