namespace ExamBackend;

/// <summary>One candidate arriving for an exam: who, which exam, the registered ID photo and the webcam snapshot.</summary>
/// <param name="IdPhoto">A local file (sent by claim check) or an https URL the worker may fetch.</param>
public sealed record CheckIn(string CandidateId, string ExamId, string IdPhoto, string Snapshot)
{
    public static CheckIn? FromArgs(IReadOnlyList<string> args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return Value("--id-photo") is { } idPhoto && Value("--snapshot") is { } snapshot
            ? new CheckIn(Value("--candidate") ?? "candidate-1", Value("--exam") ?? "exam-1", idPhoto, snapshot)
            : null;
    }
}

/// <summary>The check-in named on the command line, if any (none: the host only consumes events).</summary>
public sealed record CommandLineCheckIn(CheckIn? CheckIn);
