namespace FaceVerify.Cli.Tests.Reporting;

/// <summary>The shared-data pictures the report tests use (paths under shared/data; never copied).</summary>
internal static class ReportPictures
{
    /// <summary>A frontal mugshot: stands in for a registered ID photo.</summary>
    public const string IdPhoto = "id_photo/meds_mugshots_openmpf/S001-01-t10_01.jpg";
    /// <summary>The same person at another encounter.</summary>
    public const string SameMan = "id_photo/meds_mugshots_openmpf/S001-02-t10_01.jpg";
    /// <summary>Another person, in a mask: a verification against <see cref="IdPhoto"/> is refused.</summary>
    public const string MaskedStranger = "occlusion/mask/chandrikadeb7/with_mask/0417.jpg";
    public const string TwoPeople = "identity/face_recognition/examples__two_people.jpg";
}
