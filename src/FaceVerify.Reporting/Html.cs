using System.Globalization;
using System.Net;

namespace FaceVerify.Core.Reporting;

/// <summary>Encoding and number formats for the page: every text goes through <see cref="E"/>, every number is invariant.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>Up to 4 decimals, no trailing zeros: measurements and scores.</summary>
    public static string N(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>One decimal: pixels and degrees.</summary>
    public static string N1(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Percentage for a CSS length, clamped to 0..100.</summary>
    public static string Pct(double fraction) => (Math.Clamp(fraction, 0, 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    public static string Role(ReportRole role) => role == ReportRole.Photo ? "photo" : "snapshot";
}
