namespace FaceVerify.Contracts;

/// <summary>One broken rule, as it travels on the bus.</summary>
/// <param name="Code">Stable reason code, e.g. <c>snapshot.blurry</c>.</param>
/// <param name="Severity"><c>block</c> or <c>warn</c>.</param>
public sealed record FindingDto(string Code, string Message, double? Value, double? Threshold, string Severity);
