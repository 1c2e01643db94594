using System.Data.Common;
using System.Text.Json;
using FaceVerify.Contracts;
using FaceVerify.Core.Verification;

namespace FaceVerify.Worker.Records;

/// <summary>
/// Reads a record from the column list every store selects in this order: candidate_id, exam_id, id_photo_sha256,
/// snapshot_sha256, extra_frame_sha256s, requested_policy, requested_at, attempts, duplicates_answered, result_json,
/// previous_result_json, faces_json, previous_faces_json (JSON columns as text). Only requested_at differs by store, so its reading is passed in.
/// </summary>
internal static class VerificationRecordColumns
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static VerificationRecord Read(Guid verificationId, DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> readTime) => new()
    {
        VerificationId = verificationId,
        CandidateId = reader.GetString(0),
        ExamId = reader.GetString(1),
        IdPhotoSha256 = reader.GetString(2),
        SnapshotSha256 = reader.GetString(3),
        ExtraFrameSha256s = JsonSerializer.Deserialize<string[]>(reader.GetString(4), Json) ?? [],
        RequestedPolicy = reader.IsDBNull(5) ? null : reader.GetString(5),
        RequestedAt = readTime(reader, 6),
        Attempts = reader.GetInt32(7),
        DuplicatesAnswered = reader.GetInt32(8),
        LatestResult = JsonSerializer.Deserialize<IdentityVerificationCompleted>(reader.GetString(9), Json)!,
        PreviousResult = reader.IsDBNull(10) ? null : JsonSerializer.Deserialize<IdentityVerificationCompleted>(reader.GetString(10), Json),
        LatestFaces = reader.IsDBNull(11) ? null : JsonSerializer.Deserialize<VerificationFaces>(reader.GetString(11), Json),
        PreviousFaces = reader.IsDBNull(12) ? null : JsonSerializer.Deserialize<VerificationFaces>(reader.GetString(12), Json),
    };

    public static object FacesColumn(VerificationFaces? faces) =>
        faces is null ? DBNull.Value : JsonSerializer.Serialize(faces, Json);
}
