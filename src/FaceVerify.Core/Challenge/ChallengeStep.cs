using System.Text.Json.Serialization;

namespace FaceVerify.Core.Challenge;

/// <summary>One thing the candidate is asked to do in front of the camera.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChallengeStep>))]
public enum ChallengeStep
{
    /// <summary>Turn the head to the candidate's own left (the pose model's negative yaw in an unmirrored frame), then back.</summary>
    [JsonStringEnumMemberName("turn_left")] TurnLeft,
    /// <summary>Turn the head to the candidate's own right (positive yaw), then back.</summary>
    [JsonStringEnumMemberName("turn_right")] TurnRight,
    /// <summary>Close both eyes, then open them.</summary>
    [JsonStringEnumMemberName("blink")] Blink,
}

/// <summary>The wire names of the steps (<c>turn_left</c>, <c>turn_right</c>, <c>blink</c>) and their parsing.</summary>
public static class ChallengeSteps
{
    public static string Name(ChallengeStep step) => step switch
    {
        ChallengeStep.TurnLeft => "turn_left",
        ChallengeStep.TurnRight => "turn_right",
        _ => "blink",
    };

    public static bool IsTurn(ChallengeStep step) => step is ChallengeStep.TurnLeft or ChallengeStep.TurnRight;

    public static bool TryParse(string? name, out ChallengeStep step)
    {
        foreach (var candidate in Enum.GetValues<ChallengeStep>())
        {
            if (string.Equals(Name(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase)) { step = candidate; return true; }
        }
        step = default;
        return false;
    }

    /// <summary>A comma-separated list such as <c>turn_left,blink</c>; false (and the offending name) on an unknown or empty entry.</summary>
    public static bool TryParseList(string? list, out List<ChallengeStep> steps, out string? unknown)
    {
        steps = [];
        unknown = null;
        foreach (var part in (list ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var step)) { unknown = part; return false; }
            steps.Add(step);
        }
        return steps.Count > 0;
    }
}
