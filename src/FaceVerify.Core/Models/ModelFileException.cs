namespace FaceVerify.Core.Models;

/// <summary>A model file is missing or is not the file the manifest pins: the service must not start.</summary>
public sealed class ModelFileException(string message) : Exception(message);
