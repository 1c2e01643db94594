namespace FaceVerify.Contracts;

/// <summary>The verdict strings of <see cref="IdentityVerificationCompleted.Verdict"/>.</summary>
public static class Verdicts
{
    public const string Pass = "pass";
    public const string Fail = "fail";
}
