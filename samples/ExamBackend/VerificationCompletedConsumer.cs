using FaceVerify.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ExamBackend;

/// <summary>
/// Every completed event on this backend's queue: decided and logged (ids and codes only, never pictures), and handed
/// to the check-in of this process that waits for it. A real backend stores the decision against the exam session here.
/// </summary>
public sealed class VerificationCompletedConsumer(PendingVerifications pending, ILogger<VerificationCompletedConsumer> logger)
    : IConsumer<IdentityVerificationCompleted>
{
    public Task Consume(ConsumeContext<IdentityVerificationCompleted> context)
    {
        var completed = context.Message;
        var decision = AdmissionDecision.From(completed);
        logger.LogInformation("Verification {VerificationId} (attempt {Attempt}{Rerun}) for exam {ExamId}: {Verdict} -> {Admission} [{Reasons}]",
            completed.VerificationId, completed.Attempt, completed.RerunOf is null ? "" : ", re-run", completed.ExamId,
            completed.Verdict, decision.Admission, string.Join(", ", decision.Reasons));
        pending.Deliver(completed);
        return Task.CompletedTask;
    }
}
