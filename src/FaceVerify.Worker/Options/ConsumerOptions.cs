namespace FaceVerify.Worker.Options;

/// <summary>Section <c>FaceVerify:Consumers</c>: how many messages run at once and how transient faults are retried.</summary>
public sealed record ConsumerOptions
{
    /// <summary>Null: cores ÷ ONNX intra-op threads, so the models never fight over the CPU.</summary>
    public int? ConcurrentMessageLimit { get; init; }
    /// <summary>Bound from <c>FaceVerify:Models:IntraOpThreads</c>, the core's own setting, so the two never disagree.</summary>
    public int IntraOpThreads { get; init; } = 1;
    public int RetryLimit { get; init; } = 5;
    public int RetryMinIntervalMs { get; init; } = 200;
    public int RetryMaxIntervalMs { get; init; } = 5000;

    public int EffectiveConcurrentMessageLimit =>
        Math.Max(1, ConcurrentMessageLimit ?? Environment.ProcessorCount / Math.Max(1, IntraOpThreads));
}
