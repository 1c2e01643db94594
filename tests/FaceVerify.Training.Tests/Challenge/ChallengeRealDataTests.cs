using FaceVerify.Core.Faces;
using FaceVerify.Cli.Challenge;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Policy;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Challenge;

/// <summary>
/// The default policy on pictures its thresholds never saw (calibrate-challenge fits on render subjects 1–5 and on half of
/// the flat-attack people): real 3-D turns of held-out render subjects pass, their frames shuffled fail, and flat
/// pictures of held-out MEDS people turned in front of the camera are refused.
/// </summary>
public sealed class ChallengeRealDataTests : IDisposable
{
    private const int Seed = 20261129;  // calibrate-challenge's default seed: the split the thresholds were chosen on
    private readonly ServiceProvider _provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
    private readonly ChallengeData _data;
    private readonly PolicyOptions _policy;
    private readonly ChallengeStepChecker _checker = new();

    public ChallengeRealDataTests()
    {
        _data = new ChallengeData(_provider, SharedData.Root, 1);
        _policy = _provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy) ? policy : throw new InvalidOperationException("no default policy");
    }

    public void Dispose() => _provider.Dispose();

    private FaceReading Render(int subject, int yaw, bool mirrored)
    {
        var image = _data.Load(SharedData.Path($"pose/facepose_net_renders/subject{subject}_a_rendered_aug_-{yaw:00}_00_10.jpg"), default)!;
        return _data.Read(mirrored ? ImageMirror.Flip(image) : image, default)!;
    }

    [Fact]
    public void Held_out_render_turns_pass_and_the_same_frames_shuffled_fail()
    {
        // Of the held-out subjects (6–10) only 7 and 10 have a frontal render.
        foreach (var (subject, yaw) in new[] { (7, 40), (7, 55), (10, 40), (10, 55) })
        {
            FaceReading front = Render(subject, 0, false), one = Render(subject, yaw, false), other = Render(subject, yaw, true);
            var steps = new[] { ChallengeData.TurnSide(one)!.Value, ChallengeData.TurnSide(other)!.Value };
            Assert.NotEqual(steps[0], steps[1]);
            var outcome = _checker.Check(steps, Frames(front, one, other), _policy);
            Assert.True(outcome.StepsFollowed, $"subject{subject} {yaw}°: {string.Join(", ", outcome.Steps)}");
            Assert.False(outcome.FlatMotion, $"subject{subject} {yaw}°: residual {outcome.HeadMotion}");
            Assert.False(_checker.Check(steps, Frames(front, other, one), _policy).StepsFollowed, $"subject{subject} {yaw}° swapped");
            Assert.False(_checker.Check(steps, Frames(one, front, other), _policy).StepsFollowed, $"subject{subject} {yaw}° rotated");
        }
    }

    [Fact]
    public void Held_out_people_on_a_turned_print_or_phone_are_refused()
    {
        var people = LabelsCsvPeople().Where(p => !ChallengeData.IsFitPerson(p.Person, Seed)).Take(4).ToList();
        Assert.Equal(4, people.Count);
        var random = new Random(7);
        foreach (var (file, person) in people)
        {
            var picture = _data.Load(file, default)!;
            var medium = FlatMedium.Draw(random);
            FlatPose[] poses = [new(2, -3, 1, 0, 0), new(30, 0, -3, 0.03, 0), new(-32, 0, 2, -0.02, 0.01)];
            var frames = poses.Select((pose, k) => _data.Read(FlatAttackSynth.Render(picture, pose, medium, k), default)).ToList();
            var sequence = new ChallengeSequence("flat", person, false, false, "vertical axis", null, frames);
            var outcome = ChallengeCalibration.Judge(sequence, _policy, _checker);
            Assert.True(outcome.FlatMotion || !outcome.StepsFollowed, $"{person}: residual {outcome.HeadMotion}");
            Assert.True(outcome.HeadMotion < _policy.Challenge.MinHeadMotionResidual, $"{person}: residual {outcome.HeadMotion}");
        }
    }

    private static List<ChallengeFrame?> Frames(params FaceReading[] faces) => faces.Select(f => (ChallengeFrame?)ChallengeFrame.From(f)).ToList();

    private static IEnumerable<(string File, string Person)> LabelsCsvPeople() =>
        Evaluation.LabelsCsv.ReadRows(SharedData.Path("id_photo/meds_mugshots_openmpf/labels.csv"))
            .Where(r => r["label"] == "mugshot_frontal_plain_bg").GroupBy(r => r["identity"]).Select(g => (g.First()["file"], g.Key));
}
