using FaceVerify.Cli.Challenge;
using FaceVerify.Cli.Training;
using FaceVerify.Core.Analysis;
using FaceVerify.Core.Challenge;
using FaceVerify.Core.Faces;
using FaceVerify.Core.Policy;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Challenge;

/// <summary>
/// The default policy's turn reading on pictures its scale and choice never saw (calibrate-challenge fits them on render
/// subjects 1–5 and half of the flat-attack people): held-out 3-D turns read as turns the true way, flat pictures of
/// held-out people turned in front of the camera do not.
/// </summary>
public sealed class TurnReadingRealDataTests : IDisposable
{
    private const int Seed = 20261129;
    private readonly ServiceProvider _provider = CliHost.Build(o => o["FaceVerify:Models:IntraOpThreads"] = "1");
    private readonly ChallengeData _data;
    private readonly ChallengePolicy _rules;

    public TurnReadingRealDataTests()
    {
        _data = new ChallengeData(_provider, SharedData.Root, 1);
        _rules = _provider.GetRequiredService<PolicyCatalog>().TryGet("default", out var policy) ? policy.Challenge : throw new InvalidOperationException("no default policy");
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public void Held_out_render_turns_of_40_degrees_or_more_read_as_turns_the_true_way()
    {
        var reads = new List<(string Frame, double? Yaw)>();
        foreach (var subject in Enumerable.Range(6, 5))
            foreach (var yaw in new[] { 40, 55, 75 })
                foreach (var mirrored in new[] { false, true })
                {
                    var image = _data.Load(SharedData.Path($"pose/facepose_net_renders/subject{subject}_a_rendered_aug_-{yaw:00}_00_10.jpg"), default)!;
                    var face = _data.Read(mirrored ? ImageMirror.Flip(image) : image, default);
                    var sign = ChallengeData.RenderSide(mirrored) == ChallengeStep.TurnRight ? 1 : -1;
                    reads.Add(($"subject{subject} {yaw}° {(mirrored ? "mirrored" : "")}", sign * TurnReadings.Yaw(face is null ? null : ChallengeFrame.From(face), _rules)));
                }
        var turned = reads.Count(r => r.Yaw >= _rules.TurnYaw);
        Assert.True(turned >= 0.95 * reads.Count, $"{turned} of {reads.Count}: " + string.Join("; ", reads.Where(r => !(r.Yaw >= _rules.TurnYaw)).Select(r => $"{r.Frame} reads {r.Yaw:0.0}")));
        Assert.DoesNotContain(reads, r => r.Yaw <= -_rules.TurnYaw);
    }

    [Fact]
    public void A_held_out_persons_print_or_phone_turned_in_front_of_the_camera_reads_no_turn()
    {
        var people = Evaluation.LabelsCsv.ReadRows(SharedData.Path("id_photo/meds_mugshots_openmpf/labels.csv"))
            .Where(r => r["label"] == "mugshot_frontal_plain_bg").GroupBy(r => r["identity"]).Select(g => (File: g.First()["file"], Person: g.Key))
            .Where(p => !ChallengeData.IsFitPerson(p.Person, Seed)).Take(4).ToList();
        Assert.Equal(4, people.Count);
        var random = new Random(11);
        foreach (var (file, person) in people)
        {
            var picture = _data.Load(file, default)!;
            var medium = FlatMedium.Draw(random);
            FlatPose[] poses = [new(2, -3, 1, 0, 0), new(35, 0, -3, 0.03, 0), new(-35, 0, 2, -0.02, 0.01), new(0, 30, 15, 0, 0)];
            var yaws = poses.Select((pose, k) => _data.Read(FlatAttackSynth.Render(picture, pose, medium, k), default))
                .Select(f => TurnReadings.Yaw(f is null ? null : ChallengeFrame.From(f), _rules)).ToList();
            Assert.All(yaws, y => Assert.True(Math.Abs(y!.Value) < _rules.TurnYaw, $"{person}: {string.Join(" ", yaws.Select(v => $"{v:0.0}"))}"));
        }
    }
}
