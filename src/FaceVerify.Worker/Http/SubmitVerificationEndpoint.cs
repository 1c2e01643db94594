using FaceVerify.Contracts;
using FaceVerify.Core.Json;
using FaceVerify.Core.Policy;
using FaceVerify.Worker.Messaging;
using FaceVerify.Worker.Options;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FaceVerify.Worker.Http;

/// <summary>
/// <c>POST /v1/verifications</c>: one verification over HTTP, through the bus like any other sender (claim-checked
/// images, the consumer, its records and retries), answered with the completed event, or 202 when it takes too long.
/// </summary>
public static class SubmitVerificationEndpoint
{
    public static void MapSubmit(this RouteGroupBuilder group, HttpOptions limits) =>
        group.MapPost("", SubmitAsync)
            .WithMetadata(new RequestSizeLimitAttribute(limits.SubmitMaxBytes))
            .WithMetadata(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.SubmitMaxBytes });

    private static async Task<IResult> SubmitAsync(HttpRequest request, PolicyCatalog policies, IMessageDataRepository repository,
        IPublishEndpoint bus, CompletedEventWaiter waiter, IOptions<HttpOptions> limits, IOptions<MessageDataOptions> messageData,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limits.Value.SubmitMaxBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (!request.HasFormContentType)
            return Results.Problem("Send multipart/form-data with the files idPhoto and snapshot.", statusCode: StatusCodes.Status415UnsupportedMediaType);
        VerificationForm? form;
        string? problem;
        try
        {
            (form, problem) = await VerificationForm.ReadAsync(await request.ReadFormAsync(cancellationToken), policies, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException
            || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        if (form is null) return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);

        var uploader = new ImageUploader(repository, messageData.Value.TimeToLive);
        var message = new VerifyIdentity
        {
            VerificationId = form.VerificationId ?? NewId.NextGuid(),
            CandidateId = form.CandidateId,
            ExamId = form.ExamId,
            IdPhoto = await uploader.UploadAsync(form.IdPhoto, cancellationToken),
            Snapshot = await uploader.UploadAsync(form.Snapshot, cancellationToken),
            ExtraFrames = await Task.WhenAll(form.Frames.Select(f => uploader.UploadAsync(f, cancellationToken))),
            Policy = form.Policy,
            ChallengeId = form.ChallengeId,
            RequestedAt = clock.GetUtcNow(),
        };

        using var pending = waiter.Expect(message.VerificationId);
        await bus.Publish(message, cancellationToken);
        try
        {
            var completed = await pending.Completion.WaitAsync(limits.Value.SubmitWaitTimeout, clock, cancellationToken);
            return Results.Json(completed, FaceVerifyJson.Options);
        }
        catch (TimeoutException)
        {
            // Still queued or computing: the record route answers once it is done.
            return Results.Accepted($"/v1/verifications/{message.VerificationId}", new { message.VerificationId });
        }
    }
}
