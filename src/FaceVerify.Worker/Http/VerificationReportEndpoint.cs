using FaceVerify.Core.Reporting;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Verification;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary>
/// <c>GET /v1/verifications/{id}/report?lang=zh|en</c>: the stored verification as the self-contained HTML page,
/// with the pictures while their retention lasts and, after a re-run, what changed from the earlier result.
/// </summary>
public static class VerificationReportEndpoint
{
    public static void MapReport(this RouteGroupBuilder group) => group.MapGet("/{id:guid}/report", GetAsync);

    private static async Task<IResult> GetAsync(Guid id, string? lang, HttpResponse response, IVerificationRecordStore records,
        IEvidenceStore evidenceStore, VerificationReportBuilder builder, IVerificationReportRenderer renderer,
        IOptions<ReportOptions> options, CancellationToken cancellationToken)
    {
        var language = options.Value.DefaultLanguage;
        if (lang is not null && !ReportLanguages.TryParse(lang, out language))
            return Results.Problem($"lang '{lang}' is not a report language; use zh or en", statusCode: StatusCodes.Status400BadRequest);
        if (await records.FindAsync(id, cancellationToken) is not { } record) return Results.NotFound();

        // Past retention the pictures are gone; empty bytes make the page say so instead of failing.
        var evidence = await evidenceStore.LoadAsync(id, cancellationToken);
        var input = builder.ForVerification(
            evidence?.IdPhoto ?? ReadOnlyMemory<byte>.Empty,
            evidence?.Snapshot ?? ReadOnlyMemory<byte>.Empty,
            StoredResults.ToCoreResult(record.LatestResult, record, record.LatestFaces),
            record.PreviousResult is { } previous ? StoredResults.ToCoreResult(previous, record, record.PreviousFaces) : null,
            cancellationToken, evidence?.ExtraFrameMemories());
        var html = renderer.Render(input, language, cancellationToken);

        var headers = response.Headers;
        headers.ContentSecurityPolicy = HtmlVerificationReportRenderer.ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return Results.Text(html, renderer.MediaType);
    }
}
