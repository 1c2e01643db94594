using Microsoft.ML.OnnxRuntime;
using Microsoft.Extensions.Options;

namespace FaceVerify.Core.Models;

/// <summary>
/// One ONNX Runtime session per model, created once and shared: <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is safe to call from several threads at once.
/// </summary>
public sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string[] _outputNames;
    private readonly long[] _inputShape;

    private readonly InferenceMeter _meter;

    private readonly string _id;

    /// <param name="model">The verified model bytes: loading what was hashed, not a path that could change after the check.</param>
    public OnnxModel(string id, byte[] model, int intraOpThreads, InferenceMeter meter) : this(id, model, new ModelOptions { IntraOpThreads = intraOpThreads }, meter) { }

    public OnnxModel(string id, byte[] model, ModelOptions settings, InferenceMeter meter)
    {
        _id = id;
        _meter = meter;
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, settings.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = Enum.Parse<GraphOptimizationLevel>(settings.GraphOptimization, ignoreCase: true),
            EnableMemoryPattern = settings.MemoryPattern,
            EnableCpuMemArena = settings.CpuMemArena,
            // The packaged models carry unused initializers: their warnings are noise.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Weights with denormal floats slow the embedding model several-fold on x86; flushing them costs nothing measurable.
        options.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        _session = new InferenceSession(model, options);
        _inputName = _session.InputMetadata.Keys.Single();
        _inputShape = _session.InputMetadata[_inputName].Dimensions.Select(d => (long)d).ToArray();
        _outputNames = _session.OutputMetadata.Keys.ToArray();
    }

    /// <summary>Where a named output sits in <see cref="Run"/>'s result.</summary>
    public int OutputIndex(string name)
    {
        var index = Array.IndexOf(_outputNames, name);
        return index >= 0 ? index : throw new ModelFileException($"model '{_id}' has no output '{name}'");
    }

    /// <summary>Runs the model on one input tensor and returns every output as a float array, in output order.</summary>
    public float[][] Run(float[] input)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, _inputShape);
        using var runOptions = new RunOptions();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var outputs = _session.Run(runOptions, [_inputName], [value], _outputNames);
        _meter.Record(_id, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        var result = new float[outputs.Count][];
        for (var i = 0; i < outputs.Count; i++) result[i] = outputs[i].GetTensorDataAsSpan<float>().ToArray();
        return result;
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>Loads each model once, after its hash is verified.</summary>
public sealed class OnnxModelLoader(ModelCatalog catalog, IOptions<ModelOptions> options, InferenceMeter meter)
{
    public OnnxModel Load(string modelId) => Load(modelId, []);

    /// <summary>Loads a model with some of its intermediate tensors readable as extra outputs (see <see cref="OnnxGraphOutputs"/>).</summary>
    public OnnxModel Load(string modelId, IReadOnlyList<string> intermediateOutputs)
    {
        var bytes = catalog.VerifiedModelBytes(modelId);
        if (intermediateOutputs.Count > 0) bytes = OnnxGraphOutputs.Expose(bytes, intermediateOutputs);
        return new(modelId, bytes, options.Value, meter);
    }
}
