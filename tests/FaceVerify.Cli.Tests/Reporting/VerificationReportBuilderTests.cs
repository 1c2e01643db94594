using FaceVerify.Core.Reporting;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Cli.Tests.Reporting;

/// <summary>The worker's path: a stored result and the stored pictures, with or without face geometry in the result.</summary>
public sealed class VerificationReportBuilderTests
{
    private const string IdPhoto = "id_photo/meds_mugshots_openmpf/S001-01-t10_01.jpg";
    private const string Snapshot = "identity/face_recognition/examples__two_people.jpg";

    [Fact]
    public async Task A_result_stored_without_faces_is_re_analysed_to_the_same_boxes()
    {
        using var provider = CliHost.Build();
        var idPhoto = await File.ReadAllBytesAsync(SharedData.Path(IdPhoto));
        var snapshot = await File.ReadAllBytesAsync(SharedData.Path(Snapshot));
        var result = await provider.GetRequiredService<IIdentityVerifier>().VerifyAsync(new VerificationRequest { IdPhoto = idPhoto, Snapshot = snapshot }, CancellationToken.None);
        var builder = provider.GetRequiredService<VerificationReportBuilder>();

        var stored = builder.ForVerification(idPhoto, snapshot, result, null, CancellationToken.None);
        var reanalysed = builder.ForVerification(idPhoto, snapshot, result with { Faces = null }, null, CancellationToken.None);

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

        var html = provider.GetRequiredService<IVerificationReportRenderer>().Render(stored, ReportLanguage.Zh, CancellationToken.None);
        Assert.Equal(result.Faces.Snapshot.Faces.Count, System.Text.RegularExpressions.Regex.Count(html, "<rect class=\"face-box[^\"]*\" data-face-index=\"\\d+\" data-role=\"snapshot\""));
    }

    [Fact]
    public async Task Pictures_that_are_not_the_results_own_are_refused()
    {
        using var provider = CliHost.Build();
        var idPhoto = await File.ReadAllBytesAsync(SharedData.Path(IdPhoto));
        var snapshot = await File.ReadAllBytesAsync(SharedData.Path(Snapshot));
        var result = await provider.GetRequiredService<IIdentityVerifier>().VerifyAsync(new VerificationRequest { IdPhoto = idPhoto, Snapshot = snapshot }, CancellationToken.None);

        var swapped = Assert.Throws<ArgumentException>(() =>
            provider.GetRequiredService<VerificationReportBuilder>().ForVerification(snapshot, idPhoto, result, null, CancellationToken.None));
        Assert.Contains("sha256", swapped.Message);
    }
}
