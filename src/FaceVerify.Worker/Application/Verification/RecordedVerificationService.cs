using System.Diagnostics;
using FaceVerify.Contracts;
using FaceVerify.Core.Verification;
using FaceVerify.Worker.Challenges;
using FaceVerify.Worker.Idempotency;
using FaceVerify.Worker.Images;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Telemetry;

namespace FaceVerify.Worker.Verification;

/// <summary>
/// Claims the VerificationId, then loads the images, runs the core, keeps evidence and the record, in that order: the
/// record is written before anything is published, so a redelivery after a crash finds it and does not compute again,
/// and a delivery that arrives while another computes waits for that result (<see cref="VerificationClaims"/>).
/// </summary>
public sealed class RecordedVerificationService(
    IVerificationRecordStore records,
    VerificationClaims claims,
    IEvidenceStore evidenceStore,
    IImageLoader images,
    IIdentityVerifier verifier,
    IModelSetInfo models,
    WorkerTelemetry telemetry,
    TimeProvider clock,
    ILogger<RecordedVerificationService> logger,
    ChallengeJudge? challengeJudge = null) : IVerificationService
{
    private const string DefaultPolicy = "default";

    public async Task<VerificationOutcome> VerifyAsync(VerifyIdentity request, CancellationToken cancellationToken)
    {
        if (await claims.ClaimOrAwaitAsync(request.VerificationId, cancellationToken) is { } existing)
        {
            await records.CountDuplicateAsync(request.VerificationId, cancellationToken);
            telemetry.AnsweredFromRecord();
            logger.LogInformation("Verification {VerificationId} answered from its record (attempt {Attempt})",
                request.VerificationId, existing.LatestResult.Attempt);
            return new VerificationOutcome(existing.LatestResult, FromRecord: true);
        }
        try
        {
            return await ComputeAsync(request, cancellationToken);
        }
        catch
        {
            claims.Abandon(request.VerificationId);
            throw;
        }
    }

    private async Task<VerificationOutcome> ComputeAsync(VerifyIdentity request, CancellationToken cancellationToken)
    {
        using var activity = telemetry.Activities.StartActivity("verify");
        var subject = new VerificationSubject(request.VerificationId, request.CandidateId, request.ExamId);
        var fetchStarted = Stopwatch.GetTimestamp();
        var loaded = await LoadAsync(request, cancellationToken);
        var fetchTiming = new Dictionary<string, double> { ["fetch"] = Stopwatch.GetElapsedTime(fetchStarted).TotalMilliseconds };

        IdentityVerificationCompleted completed;
        VerificationFaces? faces = null;
        // An attempt that reached the service uses its challenge whatever its input (also when an image could not be
        // obtained): one challenge answers one verification, and every retake starts with a new one (docs/challenge.md).
        var redemption = request.ChallengeId is { } challengeId
            ? await (challengeJudge ?? throw new InvalidOperationException("challenges are not configured in this host"))
                .RedeemAsync(challengeId, request.VerificationId, cancellationToken)
            : null;
        if (loaded.Problems.Count > 0)
        {
            completed = CompletedEvents.InputRejected(subject, loaded.Problems, request.Policy ?? DefaultPolicy,
                models.ModelSet, fetchTiming, clock.GetUtcNow());
        }
        else
        {
            var evidence = loaded.Evidence!;
            var result = await verifier.VerifyAsync(ToCoreRequest(evidence, request.Policy), cancellationToken);
            if (redemption is not null) result = challengeJudge!.Apply(redemption, evidence, result, cancellationToken);
            completed = CompletedEvents.FromResult(subject, result, attempt: 1, rerun: null, fetchTiming, clock.GetUtcNow());
            faces = result.Faces;
            await evidenceStore.SaveAsync(request.VerificationId, evidence, cancellationToken);
        }

        await records.SaveAsync(new VerificationRecord
        {
            VerificationId = request.VerificationId,
            CandidateId = request.CandidateId,
            ExamId = request.ExamId,
            IdPhotoSha256 = loaded.Hashes[0],
            SnapshotSha256 = loaded.Hashes[1],
            ExtraFrameSha256s = loaded.Hashes.Skip(2).ToArray(),
            RequestedPolicy = request.Policy,
            RequestedAt = request.RequestedAt,
            Attempts = 1,
            LatestResult = completed,
            LatestFaces = faces,
        }, cancellationToken);
        telemetry.Computed(completed);
        logger.LogInformation("Verification {VerificationId} computed: {Verdict} under {Policy}",
            request.VerificationId, completed.Verdict, completed.Policy);
        return new VerificationOutcome(completed, FromRecord: false);
    }

    public async Task<IdentityVerificationCompleted> RerunAsync(RerunVerification command, CancellationToken cancellationToken)
    {
        var record = await records.FindAsync(command.VerificationId, cancellationToken)
            ?? throw new VerificationNotRerunnableException(command.VerificationId, "no record");
        var evidence = await evidenceStore.LoadAsync(command.VerificationId, cancellationToken)
            ?? throw new VerificationNotRerunnableException(command.VerificationId, "its evidence is past retention or was never kept");

        using var activity = telemetry.Activities.StartActivity("rerun");
        var subject = new VerificationSubject(record.VerificationId, record.CandidateId, record.ExamId);
        var result = await verifier.VerifyAsync(ToCoreRequest(evidence, command.Policy ?? record.RequestedPolicy), cancellationToken);
        if (challengeJudge is not null)
            result = await challengeJudge.ReapplyAsync(record.VerificationId, record.LatestResult.Findings.Select(f => f.Code).ToList(),
                evidence, result, cancellationToken);
        var completed = CompletedEvents.FromResult(subject, result, record.Attempts + 1,
            new RerunInfo(record.VerificationId, command.Reason), new Dictionary<string, double>(), clock.GetUtcNow());
        await records.SaveAsync(record with
        {
            Attempts = completed.Attempt, LatestResult = completed, PreviousResult = record.LatestResult,
            LatestFaces = result.Faces, PreviousFaces = record.LatestFaces,
        }, cancellationToken);
        telemetry.Computed(completed);
        logger.LogInformation("Verification {VerificationId} re-run as attempt {Attempt}: {Verdict} under {Policy}",
            record.VerificationId, completed.Attempt, completed.Verdict, completed.Policy);
        return completed;
    }

    private async Task<LoadedImages> LoadAsync(VerifyIdentity request, CancellationToken cancellationToken)
    {
        var inputs = new List<(ImageInput Input, string Role)> { (request.IdPhoto, "ID photo"), (request.Snapshot, "snapshot") };
        inputs.AddRange(request.ExtraFrames.Select((frame, i) => (frame, $"extra frame {i + 1}")));
        var results = new List<ImageLoadResult>(inputs.Count);
        foreach (var (input, role) in inputs)
            results.Add(await images.LoadAsync(input, role, cancellationToken));

        var hashes = results.Select(r => r.Bytes is { } b ? Sha256Hex.Of(b) : "").ToArray();
        var problems = results.Where(r => r.Problem is not null).Select(r => r.Problem!).ToArray();
        var evidence = problems.Length > 0 ? null
            : new VerificationEvidence(results[0].Bytes!, results[1].Bytes!, results.Skip(2).Select(r => r.Bytes!).ToArray());
        return new LoadedImages(evidence, problems, hashes);
    }

    private static VerificationRequest ToCoreRequest(VerificationEvidence evidence, string? policy) => new()
    {
        IdPhoto = evidence.IdPhoto,
        Snapshot = evidence.Snapshot,
        ExtraFrames = evidence.ExtraFrameMemories(),
        Policy = policy,
    };

    private sealed record LoadedImages(VerificationEvidence? Evidence, IReadOnlyList<FindingDto> Problems, string[] Hashes);
}
