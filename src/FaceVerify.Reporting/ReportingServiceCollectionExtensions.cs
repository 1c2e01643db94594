using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Core.Reporting;

public static class ReportingServiceCollectionExtensions
{
    /// <summary>The HTML report (<c>FaceVerify:Report</c>): renderer, the builder that pairs results with pictures, texts.</summary>
    public static IServiceCollection AddFaceVerifyReporting(this IServiceCollection services, IConfiguration faceVerifySection)
    {
        services.AddOptions<ReportOptions>().Bind(faceVerifySection.GetSection("Report"));
        services.AddSingleton(_ => ReportTexts.Load());
        services.AddSingleton<IVerificationReportRenderer, HtmlVerificationReportRenderer>();
        services.AddSingleton<VerificationReportBuilder>();
        return services;
    }
}
