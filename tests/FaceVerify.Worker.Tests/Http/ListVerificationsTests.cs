using System.Net;
using System.Text.Json;
using FaceVerify.Worker.Records;
using FaceVerify.Worker.Verification;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FaceVerify.Worker.Tests;

/// <summary>
/// <c>GET /v1/verifications</c>: an administrator finds a verification by candidate or exam, newest first, behind the
/// API key. Records are written straight into the store, so no model runs.
/// </summary>
public sealed class ListVerificationsTests
{
    private const string ApiKey = "test-key-0123456789";

    [Fact]
    public async Task Lists_newest_first_filters_by_candidate_and_exam_and_needs_the_key()
    {
        var root = TestPaths.NewTempDirectory();
        await using var app = WorkerApp.Build([
            "--urls", "http://127.0.0.1:0",
            $"--FaceVerify:Admin:ApiKey={ApiKey}",
            $"--FaceVerify:Records:DatabasePath={Path.Combine(root, "records.db")}",
            $"--FaceVerify:Records:EvidencePath={Path.Combine(root, "evidence")}",
            $"--FaceVerify:MessageData:Path={Path.Combine(root, "message-data")}",
        ]);
        await app.StartAsync();
        try
        {
            var store = app.Services.GetRequiredService<IVerificationRecordStore>();
            var start = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
            var saved = new List<(Guid Id, string Candidate, string Exam)>();
            for (var i = 0; i < 5; i++)
            {
                var id = Guid.NewGuid();
                var (candidate, exam) = (i % 2 == 0 ? "c-even" : "c-odd", i < 3 ? "exam-1" : "exam-2");
                await store.SaveAsync(Record(id, candidate, exam, start.AddMinutes(i)), default);
                saved.Add((id, candidate, exam));
            }

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var all = await ListAsync(http, "");
            Assert.Equal(saved.Select(s => s.Id).Reverse(), all.Select(s => s.GetProperty("verificationId").GetGuid()));
            var even = await ListAsync(http, "?candidateId=c-even");
            Assert.Equal(saved.Where(s => s.Candidate == "c-even").Select(s => s.Id).Reverse(), even.Select(s => s.GetProperty("verificationId").GetGuid()));
            var exam2Odd = await ListAsync(http, "?candidateId=c-odd&examId=exam-2");
            Assert.Equal([saved[3].Id], exam2Odd.Select(s => s.GetProperty("verificationId").GetGuid()));
            Assert.Equal("fail", exam2Odd[0].GetProperty("verdict").GetString());
            Assert.Equal(2, (await ListAsync(http, "?limit=2")).Count);

            using var tooMany = new HttpRequestMessage(HttpMethod.Get, "/v1/verifications?limit=0") { Headers = { { "X-Api-Key", ApiKey } } };
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(tooMany)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/verifications")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient http, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/verifications" + query) { Headers = { { "X-Api-Key", ApiKey } } };
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static VerificationRecord Record(Guid id, string candidate, string exam, DateTimeOffset completedAt) => new()
    {
        VerificationId = id, CandidateId = candidate, ExamId = exam,
        IdPhotoSha256 = new string('a', 64), SnapshotSha256 = new string('b', 64),
        RequestedAt = completedAt, Attempts = 1,
        LatestResult = CompletedEvents.InputRejected(new VerificationSubject(id, candidate, exam), [], "default", "test", new Dictionary<string, double>(), completedAt),
    };
}
