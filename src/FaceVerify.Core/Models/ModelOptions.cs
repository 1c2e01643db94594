namespace FaceVerify.Core.Models;

/// <summary>Where the models are and how many threads each inference may use (<c>FaceVerify:Models</c>).</summary>
public sealed record ModelOptions
{
    /// <summary>Folder holding the ONNX files; null looks in FACEVERIFY_MODELS_DIR, then models/onnx near the app.</summary>
    public string? Directory { get; init; }
    /// <summary>Intra-op threads per inference. Intra-op threads × concurrent messages ≈ cores.</summary>
    public int IntraOpThreads { get; init; } = 1;
    /// <summary>ONNX Runtime graph optimisation (ORT_DISABLE_ALL, ORT_ENABLE_BASIC, ORT_ENABLE_EXTENDED, ORT_ENABLE_ALL); measured in docs/measurements.md (Speed).</summary>
    public string GraphOptimization { get; init; } = "ORT_ENABLE_ALL";
    /// <summary>ONNX Runtime's memory pattern planning (fixed input shapes: it can pre-plan each run's buffers).</summary>
    public bool MemoryPattern { get; init; } = true;
    /// <summary>ONNX Runtime's CPU arena allocator (keeps freed blocks for the next run).</summary>
    public bool CpuMemArena { get; init; } = true;
}
