using System.Text.Json;
using FaceVerify.Tests;
using Snapshooter.Xunit;

namespace FaceVerify.Cli.Tests;

/// <summary>
/// The JSON lines of <c>check-photo --json</c> are a contract (the upload page and the HTTP endpoint answer the
/// same shape): field names, codes, severities, thresholds and the measurement names are pinned by a committed
/// snapshot. Measured values depend on the CPU's float rounding, so only their names are kept, and a finding's
/// value is kept only when it is a count or a file fact.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CheckPhotoJsonShapeTests(CliTempFolder folder, IdPhotoFixture photos) : IClassFixture<IdPhotoFixture>
{
    private static readonly HashSet<string> ExactValueCodes = ["photo.background_not_white", "photo.wrong_dimensions", "photo.file_too_small", "photo.file_too_large"];

    [Fact]
    public void Check_photo_json_lines_keep_their_shape()
    {
        var compliant = folder.Write("compliant.jpg", photos.CompliantJpeg("S041-01"));
        var blue = folder.Write("blue-background.jpg", photos.Variant("blue-background", "S041-01").Bytes);

        var run = CliRunner.Run("check-photo", "--json", compliant, blue);

        Assert.Equal(1, run.ExitCode);
        var lines = run.JsonLines.Select(Stable).ToList();
        Snapshot.Match(lines);
    }

    private static object Stable(string jsonLine)
    {
        using var doc = JsonDocument.Parse(jsonLine);
        var root = doc.RootElement;
        return new
        {
            file = Path.GetFileName(root.GetProperty("file").GetString()),
            accepted = root.GetProperty("accepted").GetBoolean(),
            violations = root.GetProperty("violations").EnumerateArray().Select(v => new
            {
                code = v.GetProperty("code").GetString(),
                message = v.GetProperty("message").GetString(),
                value = ExactValueCodes.Contains(v.GetProperty("code").GetString()!) ? v.GetProperty("value").GetDouble() : (double?)null,
                threshold = v.GetProperty("threshold").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("threshold").GetDouble(),
                severity = v.GetProperty("severity").GetString(),
            }).ToList(),
            measurementNames = root.GetProperty("measurements").EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).ToList(),
            policy = root.GetProperty("policy").GetString(),
        };
    }
}
