using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Reporting;

/// <summary>The worker's path: a stored result and the stored pictures, with or without face geometry kept beside the result.</summary>
public sealed class VerificationReportBuilderTests : IDisposable
{
    private readonly ServiceProvider _provider = CliHost.Build();
    private readonly byte[] _idPhoto = File.ReadAllBytes(SharedData.Path(ReportPictures.IdPhoto));
    private readonly byte[] _snapshot = File.ReadAllBytes(SharedData.Path(ReportPictures.TwoPeople));

    private VerificationReportBuilder Builder => _provider.GetRequiredService<VerificationReportBuilder>();

    private Task<VerificationResult> VerifyAsync() =>
        _provider.GetRequiredService<IIdentityVerifier>().VerifyAsync(new VerificationRequest { IdPhoto = _idPhoto, Snapshot = _snapshot }, CancellationToken.None);

    [Fact]
    public async Task A_result_kept_with_its_faces_draws_the_same_boxes_after_a_round_trip_through_the_record()
    {
        var result = await VerifyAsync();
        // The record keeps the faces as JSON beside the result; the report reads them back and runs no model.
        var kept = System.Text.Json.JsonSerializer.Deserialize<VerificationFaces>(
            System.Text.Json.JsonSerializer.Serialize(result.Faces, FaceVerify.Core.Json.FaceVerifyJson.Options), FaceVerify.Core.Json.FaceVerifyJson.Options)!;

        var fresh = Builder.ForVerification(_idPhoto, _snapshot, result, null, CancellationToken.None);
        var stored = Builder.ForVerification(_idPhoto, _snapshot, result with { Faces = kept }, null, CancellationToken.None);

        Assert.True(result.Faces!.Snapshot!.Faces.Count >= 2, "two people in the snapshot");
        foreach (var (from, again) in new[] { (fresh.IdPhoto, stored.IdPhoto), (fresh.Snapshot, stored.Snapshot) })
        {
            Assert.NotNull(again.Jpeg);
            Assert.Equal(from.Geometry!.Faces.Select(f => f.Box), again.Geometry!.Faces.Select(f => f.Box));
            Assert.Equal(from.Geometry.Faces[0].Landmarks5, again.Geometry.Faces[0].Landmarks5);
            Assert.Equal(from.Geometry.Faces.Select(f => f.Pose), again.Geometry.Faces.Select(f => f.Pose));
            Assert.Equal(from.Geometry.Faces.Select(f => f.LivenessCrop), again.Geometry.Faces.Select(f => f.LivenessCrop));
        }
        Assert.NotNull(stored.Snapshot.Geometry!.Faces[0].LivenessCrop);
        Assert.Null(stored.IdPhoto.Geometry!.Faces[0].LivenessCrop);

        var html = _provider.GetRequiredService<IVerificationReportRenderer>().Render(stored, ReportLanguage.Zh, CancellationToken.None);
        Assert.Equal(result.Faces.Snapshot.Faces.Count, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"face-box[^\"]*\" data-face-index=\"\\d+\" data-role=\"snapshot\""));
    }

    [Fact]
    public async Task A_result_kept_without_faces_shows_its_pictures_without_boxes_rather_than_analysing_them_again()
    {
        var result = await VerifyAsync();

        var input = Builder.ForVerification(_idPhoto, _snapshot, result with { Faces = null }, null, CancellationToken.None);

        foreach (var (picture, faces) in new[] { (input.IdPhoto, result.Faces!.IdPhoto!), (input.Snapshot, result.Faces.Snapshot!) })
        {
            Assert.NotNull(picture.Jpeg);
            Assert.Empty(picture.Geometry!.Faces);
            Assert.Equal((faces.Width, faces.Height), (picture.Geometry.Width, picture.Geometry.Height));
        }
    }

    [Fact]
    public async Task Pictures_that_are_not_the_results_own_are_refused()
    {
        var result = await VerifyAsync();

        var swapped = Assert.Throws<ArgumentException>(() => Builder.ForVerification(_snapshot, _idPhoto, result, null, CancellationToken.None));
        Assert.Contains("sha256", swapped.Message);
    }

    [Fact]
    public async Task Pictures_no_longer_kept_leave_the_page_without_them()
    {
        var result = await VerifyAsync();

        var input = Builder.ForVerification(ReadOnlyMemory<byte>.Empty, _snapshot, result, null, CancellationToken.None);

        Assert.False(input.IdPhoto.Retained);
        Assert.Null(input.IdPhoto.Jpeg);
        Assert.True(input.Snapshot.Retained);
        Assert.NotNull(input.Snapshot.Jpeg);
    }

    public void Dispose() => _provider.Dispose();
}
