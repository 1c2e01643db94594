using FaceVerify.Core.Policy;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Xunit.Abstractions;

namespace FaceVerify.Core.Tests;

/// <summary>The registration rules on real faces: compliant photos of several people pass, each broken variant gets its code.</summary>
public sealed class IdPhotoCheckerTests(IdPhotoFixture photos, ITestOutputHelper output) : IClassFixture<IdPhotoFixture>
{
    private readonly IIdPhotoChecker _checker = photos.Services.Get<IIdPhotoChecker>();

    public static TheoryData<string> People => new(IdPhotoFixture.CompliantSources);

    /// <summary>Variants of two people: a woman with a shadow on the wall, a man on a flat wall.</summary>
    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in IdPhotoFixture.ExpectedCodes.Keys)
            foreach (var source in new[] { "S001-04", "S041-01" })
                data.Add(name, source);
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_compliant_photo_is_accepted_without_any_finding(string source)
    {
        var jpeg = photos.CompliantJpeg(source);
        Assert.InRange(jpeg.Length, 40 * 1024, 1000 * 1024);

        var result = await _checker.CheckAsync(jpeg, null, CancellationToken.None);

        output.WriteLine(Describe(source, jpeg.Length, result));
        Assert.Empty(result.Violations);
        Assert.True(result.Accepted);
        Assert.Equal(1, result.Measurements["faceCount"]);
        Assert.InRange(result.Measurements["faceWidthRatio"], 0.45, 0.60);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_broken_photo_is_rejected_with_its_reason_code(string variantName, string source)
    {
        var variant = photos.Variant(variantName, source);

        var result = await _checker.CheckAsync(variant.Bytes, null, CancellationToken.None);

        output.WriteLine(Describe($"{source} {variantName}", variant.Bytes.Length, result));
        Assert.False(result.Accepted);
        var finding = Assert.Single(result.Violations, v => v.Code == variant.ExpectedCode);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Fact]
    public async Task The_same_photo_under_the_strict_policy_is_still_accepted()
    {
        var result = await _checker.CheckAsync(photos.CompliantJpeg("S041-01"), "strict", CancellationToken.None);
        Assert.True(result.Accepted, string.Join(", ", result.Violations.Select(v => v.Code)));
        Assert.StartsWith("strict@", result.Policy);
    }

    private static string Describe(string what, int bytes, PhotoCheckResult result) =>
        $"{what}: {bytes / 1024} KB, {(result.Accepted ? "accepted" : "rejected")}: "
        + string.Join(", ", result.Violations.Select(v => $"{v.Code} ({v.Value} vs {v.Threshold})"))
        + " | " + string.Join(" ", result.Measurements.Select(m => $"{m.Key}={m.Value}"));
}
