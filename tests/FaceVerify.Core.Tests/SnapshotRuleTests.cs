using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Xunit.Abstractions;

namespace FaceVerify.Core.Tests;

/// <summary>The exam-time rules on real pictures: other people, no face, the wrong person, a turned head.</summary>
public sealed class SnapshotRuleTests(IdPhotoFixture photos, ITestOutputHelper output) : IClassFixture<IdPhotoFixture>
{
    private readonly IIdentityVerifier _verifier = photos.Services.Get<IIdentityVerifier>();

    /// <summary>Every picture the collector labelled as showing several people.</summary>
    public static TheoryData<string> GroupPhotos => new(Labels("group/labels.csv").Where(r => r.Label == "multi_face").Select(r => r.File));

    /// <summary>The first same-person and different-person pairs of LFW fold 1, taken in file order.</summary>
    public static TheoryData<string, string, bool> FirstPairsOfFold1()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var pair in LfwPairs.First(fold: 1, perLabel: 4)) data.Add(pair.FileA, pair.FileB, pair.Same);
        return data;
    }

    [Theory]
    [MemberData(nameof(GroupPhotos))]
    public async Task A_group_photo_as_snapshot_shows_another_person(string file)
    {
        var result = await VerifyAsync(photos.CompliantJpeg("S041-01"), File.ReadAllBytes(SharedData.Path("group/" + file)));

        Assert.Equal(Verdict.Fail, result.Verdict);
        var other = Assert.Single(result.Findings, f => f.Code == ReasonCodes.SnapshotOtherPerson);
        Assert.Equal(Severity.Block, other.Severity);
    }

    [Theory]
    [InlineData("group/dlib__dogs.jpg")]
    [InlineData("group/insightface__no_face.png")]
    public async Task A_snapshot_without_a_face_is_not_matched(string file)
    {
        var result = await VerifyAsync(photos.CompliantJpeg("S041-01"), File.ReadAllBytes(SharedData.Path(file)));

        Assert.Equal(Verdict.Fail, result.Verdict);
        var noFace = Assert.Single(result.Findings, f => f.Code == ReasonCodes.Snapshot(ReasonCodes.Face.NoFace));
        Assert.True(noFace.RetakeCanFix);
        // The detector misses some masked faces: the text the candidate reads must name the mask among the causes.
        Assert.Contains("mask", noFace.Message);
        Assert.Contains(result.Findings, f => f.Code == ReasonCodes.MatchNotEvaluated);
        Assert.Null(result.Scores.Similarity);
    }

    [Theory]
    [MemberData(nameof(FirstPairsOfFold1))]
    public async Task Same_person_matches_and_different_people_do_not(string fileA, string fileB, bool same)
    {
        var result = await VerifyAsync(File.ReadAllBytes(fileA), File.ReadAllBytes(fileB));

        output.WriteLine($"{Path.GetFileName(fileA)} vs {Path.GetFileName(fileB)}: similarity {result.Scores.Similarity} (threshold {result.Scores.SimilarityThreshold}), {result.Verdict}: {string.Join(", ", result.Findings.Select(f => f.Code))}");
        Assert.NotNull(result.Scores.Similarity);
        var below = result.Findings.Any(f => f.Code == ReasonCodes.MatchBelowThreshold);
        Assert.Equal(!same, below);
        if (!same) Assert.Equal(Verdict.Fail, result.Verdict);
    }

    [Theory]
    [InlineData("pose/inspireface/left_face.jpeg")]
    [InlineData("pose/inspireface/right_face.png")]
    public async Task A_profile_snapshot_has_its_head_turned(string file)
    {
        var result = await VerifyAsync(photos.CompliantJpeg("S041-01"), File.ReadAllBytes(SharedData.Path(file)));

        var turned = Assert.Single(result.Findings, f => f.Code == ReasonCodes.Snapshot(ReasonCodes.Face.HeadTurned));
        output.WriteLine($"{file}: |yaw| {turned.Value}° over {turned.Threshold}°");
        Assert.Equal(Severity.Block, turned.Severity);
        Assert.True(turned.RetakeCanFix);
    }

    [Fact]
    public async Task The_ID_photo_against_a_later_booking_photo_of_the_same_man_passes_the_match()
    {
        // MEDS S048: the booking photo made compliant, and the same man's photo from another encounter.
        var result = await VerifyAsync(photos.CompliantJpeg("S048-07"), File.ReadAllBytes(IdPhotoFixture.MugshotPath("S048-04")));

        output.WriteLine($"similarity {result.Scores.Similarity}, {result.Verdict}: {string.Join(", ", result.Findings.Select(f => f.Code))}");
        Assert.DoesNotContain(result.Findings, f => f.Code.StartsWith("match.", StringComparison.Ordinal));
    }

    private Task<VerificationResult> VerifyAsync(byte[] idPhoto, byte[] snapshot) =>
        _verifier.VerifyAsync(new VerificationRequest { IdPhoto = idPhoto, Snapshot = snapshot }, CancellationToken.None);

    private static IEnumerable<(string File, string Label)> Labels(string csv) =>
        File.ReadLines(SharedData.Path(csv)).Skip(1).Select(l => l.Split(',')).Select(c => (c[0], c[1]));
}
