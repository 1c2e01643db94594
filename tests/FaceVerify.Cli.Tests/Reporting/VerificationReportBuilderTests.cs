using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Reporting;

/// <summary>The worker's path: a stored result and the stored pictures, with or without face geometry in the result.</summary>
public sealed class VerificationReportBuilderTests : IDisposable
{
    private readonly ServiceProvider _provider = CliHost.Build();
    private readonly byte[] _idPhoto = File.ReadAllBytes(SharedData.Path(ReportPictures.IdPhoto));
    private readonly byte[] _snapshot = File.ReadAllBytes(SharedData.Path(ReportPictures.TwoPeople));

    private VerificationReportBuilder Builder => _provider.GetRequiredService<VerificationReportBuilder>();

    private Task<VerificationResult> VerifyAsync() =>
        _provider.GetRequiredService<IIdentityVerifier>().VerifyAsync(new VerificationRequest { IdPhoto = _idPhoto, Snapshot = _snapshot }, CancellationToken.None);

    [Fact]
    public async Task A_result_stored_without_faces_is_re_analysed_to_the_same_boxes()
    {
        var result = await VerifyAsync();

        var stored = Builder.ForVerification(_idPhoto, _snapshot, result, null, CancellationToken.None);
        var reanalysed = Builder.ForVerification(_idPhoto, _snapshot, result with { Faces = null }, null, CancellationToken.None);

        Assert.True(result.Faces!.Snapshot!.Faces.Count >= 2, "two people in the snapshot");
        foreach (var (from, again) in new[] { (stored.IdPhoto, reanalysed.IdPhoto), (stored.Snapshot, reanalysed.Snapshot) })
        {
            Assert.NotNull(from.Jpeg);
            Assert.Equal(from.Geometry!.Faces.Select(f => f.Box), again.Geometry!.Faces.Select(f => f.Box));
            Assert.Equal(from.Geometry.Faces[0].Landmarks5, again.Geometry.Faces[0].Landmarks5);
        }
        // Re-analysis reads every face, the verification only the largest: more detail, never other boxes.
        Assert.All(reanalysed.Snapshot.Geometry!.Faces, f => Assert.NotNull(f.Pose));
        Assert.NotNull(reanalysed.Snapshot.Geometry.Faces[0].LivenessCrop);
        Assert.Null(reanalysed.IdPhoto.Geometry!.Faces[0].LivenessCrop);

        var html = _provider.GetRequiredService<IVerificationReportRenderer>().Render(stored, ReportLanguage.Zh, CancellationToken.None);
        Assert.Equal(result.Faces.Snapshot.Faces.Count, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"face-box[^\"]*\" data-face-index=\"\\d+\" data-role=\"snapshot\""));
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
