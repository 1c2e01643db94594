using System.Text.Json;
using System.Text.Json.Serialization;
using FaceVerify.Contracts;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExamBackend;

/// <summary>
/// With <c>--id-photo</c> and <c>--snapshot</c>: one check-in — publish <see cref="VerifyIdentity"/>, wait for its
/// completed event, print the decision as one JSON line and stop. Without them the host only consumes events.
/// </summary>
public sealed class CheckInService(CommandLineCheckIn commandLine, ICandidateImages images, IPublishEndpoint bus, PendingVerifications pending,
    IOptions<ExamBackendOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (commandLine.CheckIn is not { } checkIn) return;
        try
        {
            var decision = await CheckInAsync(checkIn, stoppingToken);
            Console.WriteLine(JsonSerializer.Serialize(decision, Json));
            Environment.ExitCode = 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"check-in failed: {e.Message}");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    public async Task<AdmissionDecision> CheckInAsync(CheckIn candidate, CancellationToken cancellationToken)
    {
        var message = new VerifyIdentity
        {
            // The business key: a re-sent message with the same id is answered from the worker's record, not computed again.
            VerificationId = NewId.NextGuid(),
            CandidateId = candidate.CandidateId,
            ExamId = candidate.ExamId,
            IdPhoto = await images.ReferenceAsync(candidate.IdPhoto, cancellationToken),
            Snapshot = await images.ReferenceAsync(candidate.Snapshot, cancellationToken),
            Policy = options.Value.Policy,
            RequestedAt = clock.GetUtcNow(),
        };
        var answer = pending.Expect(message.VerificationId);
        try
        {
            await bus.Publish(message, cancellationToken);
            var completed = await answer.WaitAsync(options.Value.AnswerTimeout, clock, cancellationToken);
            return AdmissionDecision.From(completed);
        }
        catch (TimeoutException)
        {
            return AdmissionDecision.Unanswered(message.VerificationId);
        }
        finally
        {
            pending.Forget(message.VerificationId);
        }
    }
}
