using FaceVerify.Contracts;

namespace ExamBackend;

/// <summary>What the exam backend does with a verdict.</summary>
public enum Admission
{
    /// <summary>Pass: the candidate starts the exam.</summary>
    StartExam,
    /// <summary>Fail, but a new snapshot can fix every blocking finding (pose, light, blur, eyes, cover, framing).</summary>
    AskForRetake,
    /// <summary>Fail that needs a person (mismatch, suspected spoof, unusable ID photo), or no answer in time.</summary>
    SendToProctor,
}

/// <summary>The decision for one verification, with the reasons to show the candidate or the proctor.</summary>
public sealed record AdmissionDecision(Guid VerificationId, Admission Admission, string? Verdict, bool? RetakeAllowed,
    IReadOnlyList<string> Reasons, double? Similarity, double? Liveness)
{
    /// <summary>Reason used when the worker did not answer within the configured time.</summary>
    public const string NoAnswer = "backend.no_answer";

    public static AdmissionDecision From(IdentityVerificationCompleted completed)
    {
        var admission = completed.Verdict == Verdicts.Pass ? Admission.StartExam
            : completed.RetakeAllowed ? Admission.AskForRetake
            : Admission.SendToProctor;
        var reasons = completed.Findings.Where(f => f.Severity == "block").Select(f => f.Code).ToArray();
        return new AdmissionDecision(completed.VerificationId, admission, completed.Verdict, completed.RetakeAllowed, reasons,
            completed.Scores.Similarity, completed.Scores.Liveness);
    }

    public static AdmissionDecision Unanswered(Guid verificationId) =>
        new(verificationId, Admission.SendToProctor, null, null, [NoAnswer], null, null);
}
