namespace FaceVerify.Core.Reporting;

/// <summary>Turns a result and its pictures into a page an administrator can read.</summary>
public interface IVerificationReportRenderer
{
    /// <summary>The media type of what <see cref="Render(VerificationReportInput, ReportLanguage, CancellationToken)"/> returns.</summary>
    string MediaType { get; }

    string Render(VerificationReportInput input, ReportLanguage language, CancellationToken cancellationToken);

    string Render(PhotoCheckReportInput input, ReportLanguage language, CancellationToken cancellationToken);
}
