using System.Net;
using System.Text.RegularExpressions;
using FaceVerify.Core.Models;
using FaceVerify.Core.Verification;
using FaceVerify.Tests;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Verification;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary>
/// The report of a stored verification draws what the record kept (boxes, landmarks, pose, liveness crop): a worker
/// whose model folder is empty still serves it, so producing a report runs no model.
/// </summary>
public sealed class StoredReportWithoutModelsTests(FaceVerifyServices core) : IClassFixture<FaceVerifyServices>
{
    private const string ApiKey = "test-key-0123456789";

    [Fact]
    public async Task A_stored_verification_is_reported_with_every_face_it_read_while_the_models_are_absent()
    {
        var idPhoto = await File.ReadAllBytesAsync(SharedData.Path("identity/face_recognition/examples__obama.jpg"));
        var snapshot = await File.ReadAllBytesAsync(SharedData.Path("identity/face_recognition/examples__obama2.jpg"));
        // Computed once with the models, as the worker did when the request came in.
        var result = await core.Get<IIdentityVerifier>().VerifyAsync(new VerificationRequest { IdPhoto = idPhoto, Snapshot = snapshot }, default);
        var snapshotFaces = result.Faces!.Snapshot!.Faces;
        Assert.NotEmpty(snapshotFaces);

        var root = TestPaths.NewTempDirectory();
        var noModels = Directory.CreateDirectory(Path.Combine(root, "no-models")).FullName;
        await using var app = WorkerApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--FaceVerify:Admin:ApiKey={ApiKey}",
            $"--FaceVerify:Models:Directory={noModels}",
            $"--FaceVerify:Records:DatabasePath={Path.Combine(root, "records.db")}",
            $"--FaceVerify:Records:EvidencePath={Path.Combine(root, "evidence")}",
            $"--FaceVerify:MessageData:Path={Path.Combine(root, "message-data")}",
        ]);
        await app.StartAsync();
        try
        {
            Assert.Equal(noModels, app.Services.GetRequiredService<ModelCatalog>().Directory);
            Assert.Empty(Directory.EnumerateFileSystemEntries(noModels));

            var id = Guid.NewGuid();
            var subject = new VerificationSubject(id, "c-42", "exam-7");
            await app.Services.GetRequiredService<IEvidenceStore>().SaveAsync(id, new VerificationEvidence(idPhoto, snapshot, []), default);
            await app.Services.GetRequiredService<IVerificationRecordStore>().SaveAsync(new VerificationRecord
            {
                VerificationId = id, CandidateId = subject.CandidateId, ExamId = subject.ExamId,
                IdPhotoSha256 = result.IdPhotoSha256, SnapshotSha256 = result.SnapshotSha256,
                RequestedAt = DateTimeOffset.UtcNow, Attempts = 1,
                LatestResult = CompletedEvents.FromResult(subject, result, 1, null, new Dictionary<string, double>(), DateTimeOffset.UtcNow),
                LatestFaces = result.Faces,
            }, default);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/verifications/{id}/report?lang=en") { Headers = { { "X-Api-Key", ApiKey } } };
            using var response = await http.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("data:image/jpeg", html);
            Assert.Equal(snapshotFaces.Count, Regex.Count(html, "<rect class=\"face-box[^\"]*\" data-face-index=\"\\d+\" data-role=\"snapshot\""));
            Assert.Equal(result.Faces.IdPhoto!.Faces.Count, Regex.Count(html, "<rect class=\"face-box[^\"]*\" data-face-index=\"\\d+\" data-role=\"photo\""));
            var pose = snapshotFaces[0].Pose!;
            Assert.Contains(FormattableString.Invariant($"data-yaw=\"{pose.Yaw:0.0}\""), html);
            Assert.Contains("class=\"liveness-crop\"", html);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
