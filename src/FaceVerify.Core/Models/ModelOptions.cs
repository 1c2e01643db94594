namespace FaceVerify.Core.Models;

/// <summary>Where the models are and how many threads each inference may use (<c>FaceVerify:Models</c>).</summary>
public sealed record ModelOptions
{
    /// <summary>Folder holding the ONNX files; null looks in FACEVERIFY_MODELS_DIR, then models/onnx near the app.</summary>
    public string? Directory { get; init; }
    /// <summary>Intra-op threads per inference. Intra-op threads × concurrent messages ≈ cores.</summary>
    public int IntraOpThreads { get; init; } = 1;
}
