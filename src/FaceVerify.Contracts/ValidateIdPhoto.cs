namespace FaceVerify.Contracts;

/// <summary>Request: does this ID photo meet the registration rules? Answered with <see cref="IdPhotoValidated"/>.</summary>
public sealed record ValidateIdPhoto
{
    public required ImageInput Photo { get; init; }
    public string? Policy { get; init; }
}
