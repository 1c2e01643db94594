namespace FaceVerify.Core.Policy;

/// <summary>Makes findings with the severity the policy gives each code.</summary>
internal sealed class FindingFactory(PolicyOptions policy)
{
    public Finding Make(string code, string message, double? value, double? threshold, bool retakeCanFix) =>
        new(code, message, Round(value), Round(threshold), policy.WarnOnly.Contains(code) ? Severity.Warn : Severity.Block)
        {
            RetakeCanFix = retakeCanFix,
        };

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 4) : null;
}
