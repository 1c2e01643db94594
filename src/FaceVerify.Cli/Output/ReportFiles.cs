using System.Text;
using FaceVerify.Core.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FaceVerify.Cli.Output;

/// <summary>Writes <c>--report</c> pages: the language from <c>--lang</c>, else configuration.</summary>
internal static class ReportFiles
{
    public static async Task WriteAsync(IServiceProvider provider, string path, string? lang, CancellationToken cancellationToken,
        Func<VerificationReportBuilder, IVerificationReportRenderer, ReportLanguage, string> render)
    {
        var language = ReportLanguages.TryParse(lang, out var chosen) ? chosen : provider.GetRequiredService<IOptions<ReportOptions>>().Value.DefaultLanguage;
        var html = render(provider.GetRequiredService<VerificationReportBuilder>(), provider.GetRequiredService<IVerificationReportRenderer>(), language);
        await File.WriteAllTextAsync(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        // stderr, so that --json output stays one JSON object per line.
        Console.Error.WriteLine($"faceverify: report written to {path} ({language.Code()})");
    }
}
