namespace PhotoUpload;

/// <summary>The worker's answer (<c>POST /v1/id-photos/validate</c>): the fields this page reads.</summary>
public sealed record PhotoCheck(bool Accepted, IReadOnlyList<PhotoViolation> Violations, string? Policy);

/// <summary>One broken rule: a stable code, the English message, the measured value against the policy's limit.</summary>
public sealed record PhotoViolation(string Code, string Message, double? Value, double? Threshold, string Severity);
