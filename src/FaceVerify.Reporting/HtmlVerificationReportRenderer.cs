using FaceVerify.Core.Verification;

namespace FaceVerify.Core.Reporting;

/// <summary>One self-contained HTML page per result (see <see cref="HtmlReportWriter"/> for what "self-contained" guarantees).</summary>
public sealed class HtmlVerificationReportRenderer(ReportTexts texts) : IVerificationReportRenderer
{
    /// <summary>The policy the page declares in a meta tag; an HTTP endpoint should send it as a header too.</summary>
    public const string ContentSecurityPolicy = HtmlReportWriter.ContentSecurityPolicy;

    public string MediaType => "text/html; charset=utf-8";

    public string Render(VerificationReportInput input, ReportLanguage language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = input.Result;
        var passed = result.Verdict == Verdict.Pass;
        return new HtmlReportWriter(texts, language).Write(new ReportPage
        {
            TitleKey = "title.verification",
            Passed = passed,
            VerdictKey = HtmlReportWriter.VerdictKey(result.Verdict),
            RetakeKey = passed ? null : result.RetakeAllowed ? "retake.allowed" : "retake.notAllowed",
            Findings = result.Findings,
            Scores = result.Scores,
            Policy = result.Policy,
            ModelSet = result.ModelSet,
            Pictures = [input.IdPhoto, input.Snapshot],
            Files = [(ReportRole.Photo, result.IdPhotoSha256), (ReportRole.Snapshot, result.SnapshotSha256)],
            Measurements = result.Scores.Measurements,
            Changes = input.Earlier is { } earlier ? ResultChanges.Between(earlier, result) : null,
            ChallengeFrames = input.ChallengeFrames,
        });
    }

    public string Render(PhotoCheckReportInput input, ReportLanguage language, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = input.Result;
        return new HtmlReportWriter(texts, language).Write(new ReportPage
        {
            TitleKey = "title.photoCheck",
            Passed = result.Accepted,
            VerdictKey = result.Accepted ? "verdict.accepted" : "verdict.rejected",
            Findings = result.Violations,
            Policy = result.Policy,
            ModelSet = input.ModelSet,
            Pictures = [input.Photo],
            Files = [(ReportRole.Photo, result.Sha256)],
            Measurements = result.Measurements,
        });
    }
}
