namespace FaceVerify.Core.Policy;

/// <summary>
/// Stable, machine-readable reason codes: the contract's most important part. Never rename one;
/// add new ones instead. Face rules exist once per role (prefix <c>photo.</c> or <c>snapshot.</c>).
/// </summary>
public static class ReasonCodes
{
    public const string PhotoPrefix = "photo.";
    public const string SnapshotPrefix = "snapshot.";

    /// <summary>Rules that apply to any face image; prefixed with the image's role.</summary>
    public static class Face
    {
        public const string Unreadable = "unreadable";
        public const string UnsupportedFormat = "unsupported_format";
        public const string NoFace = "no_face";
        public const string MultipleFaces = "multiple_faces";
        public const string FaceTooSmall = "face_too_small";
        public const string FaceTooLarge = "face_too_large";
        public const string FaceOffCenter = "face_off_center";
        public const string HeadTurned = "head_turned";
        public const string HeadPitched = "head_pitched";
        public const string HeadRolled = "head_rolled";
        public const string EyesClosed = "eyes_closed";
        public const string OccludedMask = "occluded_mask";
        public const string OccludedSunglasses = "occluded_sunglasses";
        public const string OccludedHair = "occluded_hair";
        public const string Blurry = "blurry";
        public const string Underexposed = "underexposed";
        public const string Overexposed = "overexposed";
        public const string UnevenLighting = "uneven_lighting";
        public const string Grayscale = "grayscale";
    }

    public const string PhotoNotJpeg = "photo.not_jpeg";
    public const string PhotoFileTooSmall = "photo.file_too_small";
    public const string PhotoFileTooLarge = "photo.file_too_large";
    public const string PhotoWrongDimensions = "photo.wrong_dimensions";
    public const string PhotoBackgroundNotWhite = "photo.background_not_white";

    public const string SnapshotResolutionTooLow = "snapshot.resolution_too_low";
    public const string SnapshotFaceCutOff = "snapshot.face_cut_off";
    public const string SnapshotOtherPerson = "snapshot.other_person";
    public const string SnapshotSpoofSuspected = "snapshot.spoof_suspected";

    public const string MatchBelowThreshold = "match.below_threshold";
    public const string MatchNotEvaluated = "match.not_evaluated";

    public const string ChallengeNotFollowed = "challenge.not_followed";
    public const string ChallengeFlatMotion = "challenge.flat_motion";
    public const string ChallengeFramesMismatch = "challenge.frames_mismatch";
    /// <summary>For the service's challenge store (issue 14): the challenge ran out of time, or was already answered.</summary>
    public const string ChallengeExpired = "challenge.expired";
    public const string ChallengeReused = "challenge.reused";

    public const string InputFetchFailed = "input.fetch_failed";
    public const string InputTooLarge = "input.too_large";
    public const string InternalError = "internal.error";
    public const string RequestUnknownPolicy = "request.unknown_policy";

    public static string Photo(string rule) => PhotoPrefix + rule;
    public static string Snapshot(string rule) => SnapshotPrefix + rule;
}
