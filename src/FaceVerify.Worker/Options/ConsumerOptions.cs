namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:Consumers</c>: how many messages run at once and how transient faults are retried.</summary>
public sealed record ConsumerOptions
{
    /// <summary>
    /// Null: cores ÷ ONNX intra-op threads, plus one: the models never fight over the CPU, and the extra message computes
    /// while another waits on the broker, the record's commit or its files (queue loaded, 2 cores, pose cascade on: warm
    /// webcam frames 98–102 % of the issue-15 yardstick with 3 at once, 91–97 % with 2; docs/measurements.md).
    /// </summary>
    public int? ConcurrentMessageLimit { get; init; }
    /// <summary>Bound from <c>FaceVerify:Models:IntraOpThreads</c>, the core's own setting, so the two never disagree.</summary>
    public int IntraOpThreads { get; init; } = 1;
    public int RetryLimit { get; init; } = 5;
    public int RetryMinIntervalMs { get; init; } = 200;
    public int RetryMaxIntervalMs { get; init; } = 5000;

    public int EffectiveConcurrentMessageLimit =>
        Math.Max(1, ConcurrentMessageLimit ?? Environment.ProcessorCount / Math.Max(1, IntraOpThreads) + 1);
}
