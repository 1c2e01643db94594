using FaceVerify.Core.Json;
using FaceVerify.Contracts;
using FaceVerify.Worker.Options;
using FaceVerify.Worker.Records;
using MassTransit;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary>Admin routes: submit a verification, read its record or its report, ask for a re-run. All behind the API key.</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this IEndpointRouteBuilder app, HttpOptions limits)
    {
        var group = app.MapGroup("/v1/verifications").AddEndpointFilter<ApiKeyEndpointFilter>();
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/rerun", RerunAsync);
        group.MapReport();
        group.MapSubmit(limits);
    }

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
