using FaceVerify.Core.Json;
using FaceVerify.Contracts;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using MassTransit;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary>Admin routes: submit a verification, list them, read a record or its report, ask for a re-run. All behind the API key.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, HttpOptions limits)
    {
        var group = app.MapGroup("/v1/verifications").AddEndpointFilter<ApiKeyEndpointFilter>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/rerun", RerunAsync);
        group.MapReport();
        group.MapSubmit(limits);
    }

    private static async Task<IResult> ListAsync(string? candidateId, string? examId, int? limit,
        IVerificationRecordStore records, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > VerificationQuery.MaxLimit)
            return Results.Problem($"limit must be between 1 and {VerificationQuery.MaxLimit}", statusCode: StatusCodes.Status400BadRequest);
        var query = new VerificationQuery(Blank(candidateId), Blank(examId), limit ?? VerificationQuery.DefaultLimit);
        return Results.Json(await records.ListAsync(query, cancellationToken), FaceVerifyJson.Options);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static async Task<IResult> GetAsync(Guid id, IVerificationRecordStore records, CancellationToken cancellationToken) =>
        await records.FindAsync(id, cancellationToken) is { } record
            ? Results.Json(record, FaceVerifyJson.Options)
            : Results.NotFound();

    private static async Task<IResult> RerunAsync(Guid id, RerunBody? body, IVerificationRecordStore records,
        IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        if (await records.FindAsync(id, cancellationToken) is null) return Results.NotFound();
        await bus.Publish(new RerunVerification
        {
            VerificationId = id,
            Policy = body?.Policy,
            Reason = body?.Reason ?? "admin request",
            RequestedBy = body?.RequestedBy ?? "admin API",
        }, cancellationToken);
        return Results.Accepted($"/v1/verifications/{id}");
    }

    public sealed record RerunBody(string? Policy, string? Reason, string? RequestedBy);
}
