using FaceVerify.Core.Analysis;
using FaceVerify.Core.Imaging;

namespace FaceVerify.Core.Policy;

/// <summary>The registration rules for an ID photo: file, size, background, exactly one compliant face.</summary>
internal static class IdPhotoRules
{
    public static List<Finding> Evaluate(DecodeOutcome decoded, ImageReading? reading, PolicyOptions policy)
    {
        var findings = new FindingFactory(policy);
        var file = policy.IdPhotoFile;
        var output = new List<Finding>();
        if (decoded.ByteLength < file.MinBytes)
            output.Add(findings.Make(ReasonCodes.PhotoFileTooSmall, $"the file has {decoded.ByteLength / 1024.0:0.#} KB, under {file.MinBytes / 1024} KB", decoded.ByteLength, file.MinBytes, false));
        if (decoded.ByteLength > file.MaxBytes)
            output.Add(findings.Make(ReasonCodes.PhotoFileTooLarge, $"the file has {decoded.ByteLength / 1024.0:0.#} KB, over {file.MaxBytes / 1024} KB", decoded.ByteLength, file.MaxBytes, false));
        if (reading is null)
        {
            output.Add(DecodeFindings.For(decoded, ReasonCodes.PhotoPrefix, findings));
            return output;
        }
        var image = reading.Image;
        if (file.RequireJpeg && image.Format != "jpeg")
            output.Add(findings.Make(ReasonCodes.PhotoNotJpeg, $"the file is {image.Format.ToUpperInvariant()}, not JPEG", null, null, false));
        if (image.Width != file.Width || image.Height != file.Height)
            output.Add(findings.Make(ReasonCodes.PhotoWrongDimensions, $"the photo is {image.Width}×{image.Height} px, not {file.Width}×{file.Height}", image.Width != file.Width ? image.Width : image.Height, image.Width != file.Width ? file.Width : file.Height, false));
        if (reading.Background is { } bg && bg.WhiteFraction < file.MinWhiteBackground)
            output.Add(findings.Make(ReasonCodes.PhotoBackgroundNotWhite, $"the background is not white ({bg.WhiteFraction:P0} white)", bg.WhiteFraction, file.MinWhiteBackground, false));
        if (reading.Detections.Count > 1)
            output.Add(findings.Make(ReasonCodes.Photo(ReasonCodes.Face.MultipleFaces), $"{reading.Detections.Count} faces were found; the photo must show one", reading.Detections.Count, 1, false));
        new FaceRules(ReasonCodes.PhotoPrefix, policy.IdPhoto, findings).Evaluate(reading, output);
        // Every ID photo problem needs a new registered photo, which the exam-time retake cannot give.
        return output.Select(f => f with { RetakeCanFix = false }).ToList();
    }
}
