using System.Text.Json.Serialization;

namespace FaceVerify.Core.Policy;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    /// <summary>Refuses the photo or fails the verification.</summary>
    [JsonStringEnumMemberName("block")] Block,
    /// <summary>Reported, but does not change the outcome.</summary>
    [JsonStringEnumMemberName("warn")] Warn,
}

/// <summary>One broken rule: what was measured, against which limit, and how much it matters.</summary>
/// <param name="Code">A stable reason code from <see cref="ReasonCodes"/>.</param>
/// <param name="Message">A short English sentence for people; machines read <paramref name="Code"/>.</param>
/// <param name="Value">The measured value in the rule's unit, when there is one.</param>
/// <param name="Threshold">The policy's limit in the same unit, when there is one.</param>
public sealed record Finding(string Code, string Message, double? Value, double? Threshold, Severity Severity)
{
    /// <summary>True when a new picture from the candidate can fix it (pose, light, blur, eyes, cover).</summary>
    [JsonIgnore]
    public bool RetakeCanFix { get; init; }
}
