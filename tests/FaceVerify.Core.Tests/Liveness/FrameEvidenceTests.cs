using FaceVerify.Core.Analysis;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Imaging;
using FaceVerify.Core.Liveness;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;

namespace FaceVerify.Core.Tests.Liveness;

/// <summary>
/// Multi-frame evidence on constructed cases: a flat picture moves rigidly (the same photo again, or the photo
/// turned and scaled as a held-up print would be), which must lower the score; a face whose lower half moves
/// against the upper half (a jaw drop no plane can make) must raise it, and so must two frames of a live
/// webcam session. (Warping one photo non-rigidly does not work as a live case: the landmark model's shape
/// prior reads a 25% stretch of the lower face as a residual of 0.02 only.)
/// </summary>
public sealed class FrameEvidenceTests(LivenessServices services) : IClassFixture<LivenessServices>
{
    private const string Live = "replay/msu_mfsd_frames/real_client003_android_SD_scene01.jpg";

    [Fact]
    public void Points_moved_by_a_homography_fit_exactly_and_a_moved_jaw_does_not()
    {
        var face = Landmarks68(services, Load(Live));
        Point2 Project(Point2 p) => new((1.05f * p.X + 0.02f * p.Y + 7) / (0.0001f * p.X + 1), (-0.03f * p.X + 0.98f * p.Y - 4) / (0.0001f * p.X + 1));
        var planar = face.Select(Project).ToArray();
        Assert.True(PlanarFit.Residual(face, planar) < 0.002);

        var jawDrop = planar.Select((p, i) => i <= 16 || i >= 48 ? p with { Y = p.Y + 20 } : p).ToArray();
        Assert.True(PlanarFit.Residual(face, jawDrop) > new FrameEvidenceOptions().NonRigidLevel);
    }

    [Fact]
    public void The_same_photo_twice_is_rigid_and_lowers_the_score()
    {
        var image = Load(Live);
        var (snapshot, evidence) = (Snapshot(image), services.Get<IFrameLivenessEvidence>());
        var moved = evidence.Apply(snapshot, [Frame(image)])!;

        Assert.True(moved.Frames!.LogitShift < 0);
        Assert.True(moved.Score < snapshot.Liveness!.Score);
    }

    [Fact]
    public void A_turned_and_scaled_copy_is_still_one_plane_and_lowers_the_score()
    {
        var image = Load(Live);
        var snapshot = Snapshot(image);
        var moved = services.Get<IFrameLivenessEvidence>().Apply(snapshot, [Frame(Rotate(image, degrees: 4, scale: 0.95f))])!;

        Assert.True(moved.Frames!.NonRigidMotion < new FrameEvidenceOptions().RigidLevel, $"residual {moved.Frames.NonRigidMotion}");
        Assert.True(moved.Score < snapshot.Liveness!.Score);
    }

    [Fact]
    public void Two_frames_of_a_live_webcam_session_raise_the_score()
    {
        const string crops = "replay/pyimagesearch_style_phone_replay_crops/real/";
        var snapshot = Snapshot(Load(crops + "15.png"));
        var moved = services.Get<IFrameLivenessEvidence>().Apply(snapshot, [Frame(Load(crops + "18.png"))])!;

        Assert.True(moved.Frames!.NonRigidMotion >= new FrameEvidenceOptions().NonRigidLevel, $"residual {moved.Frames.NonRigidMotion}");
        Assert.True(moved.Frames.LogitShift > 0);
        Assert.True(moved.Score > snapshot.Liveness!.Score);
    }

    [Fact]
    public void Frames_of_another_person_are_ignored()
    {
        var snapshot = Snapshot(Load(Live));
        var moved = services.Get<IFrameLivenessEvidence>().Apply(snapshot, [Frame(Load("replay/pyimagesearch_style_phone_replay_crops/real/18.png"))])!;

        Assert.Equal(0, moved.Frames!.Frames);
        Assert.Equal(snapshot.Liveness!.Score, moved.Score);
    }

    [Fact]
    public async Task Verify_with_the_snapshot_again_as_an_extra_frame_reports_a_lower_liveness()
    {
        var bytes = File.ReadAllBytes(SharedData.Path(Live));
        var verifier = services.Get<IIdentityVerifier>();
        var alone = await verifier.VerifyAsync(new VerificationRequest { IdPhoto = bytes, Snapshot = bytes }, CancellationToken.None);
        var withFrame = await verifier.VerifyAsync(new VerificationRequest { IdPhoto = bytes, Snapshot = bytes, ExtraFrames = [bytes] }, CancellationToken.None);

        Assert.True(withFrame.Scores.Liveness < alone.Scores.Liveness);
        Assert.True(withFrame.Scores.Measurements["snapshot.livenessFrameShift"] < 0);
    }

    private FaceReading Snapshot(RgbImage image) => Analyse(image, AnalysisScope.Snapshot);
    private FaceReading Frame(RgbImage image) => Analyse(image, AnalysisScope.Frame);

    private FaceReading Analyse(RgbImage image, AnalysisScope scope) =>
        services.Get<IFaceAnalyzer>().Analyze(new DecodedImage(image, "jpeg", 0, ""), scope, new StageClock(), CancellationToken.None).Primary
        ?? throw new InvalidDataException("no face");

    private static Point2[] Landmarks68(LivenessServices services, RgbImage image)
    {
        var face = services.Get<IFaceDetector>().Detect(image).OrderByDescending(d => d.Box.Area).First();
        return services.Get<ILandmarkDetector>().Detect(image, face.Box).ToArray();
    }

    private RgbImage Load(string relative) =>
        services.Get<IImageDecoder>().Decode(File.ReadAllBytes(SharedData.Path(relative)), CancellationToken.None).Image!.Image;

    /// <summary>The whole picture turned about its centre and scaled: what a print does when the hand holding it moves.</summary>
    private static RgbImage Rotate(RgbImage source, float degrees, float scale)
    {
        var a = degrees * MathF.PI / 180;
        float c = MathF.Cos(a) / scale, s = MathF.Sin(a) / scale, cx = source.Width / 2f, cy = source.Height / 2f;
        return PixelSampler.Warp(source, new Affine(c, -s, cx - c * cx + s * cy, s, c, cy - s * cx - c * cy), source.Width, source.Height);
    }
}
