namespace FaceVerify.Cli;

/// <summary>0 pass/accepted, 1 fail/rejected, 2 usage error or unreadable input.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Rejected = 1;
    public const int UsageOrUnreadable = 2;
}
